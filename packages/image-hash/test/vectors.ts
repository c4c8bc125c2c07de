import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Meta's PDQ reference vectors, kept in the repository (test/fixtures/vectors/pdq, with their licence). */
export const PDQ_VECTORS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/vectors/pdq");

export function readLines(relativePath: string): string[] {
  return readFileSync(resolve(PDQ_VECTORS, relativePath), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Deterministic PRNG (mulberry32) so failing cases reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomHashHex(random: () => number): string {
  let out = "";
  for (let i = 0; i < 8; i++)
    out += Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, "0");
  return out;
}

/** Flips `bits` distinct random bits of a hex hash. */
export function flipBits(hex: string, bits: number, random: () => number): string {
  const digits = hex.split("").map((c) => Number.parseInt(c, 16));
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(random() * 256));
  for (const bit of chosen) digits[bit >> 2] = (digits[bit >> 2] as number) ^ (1 << (bit & 3));
  return digits.map((d) => d.toString(16)).join("");
}
