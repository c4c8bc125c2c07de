/** A non-empty environment variable, or undefined (one lookup shape for both tsc and Biome). */
export function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}
