import type { Readable, Writable } from "node:stream";

/** Everything a command may touch of the outside world; main.ts builds it from `process`. */
export interface CommandContext {
  readonly args: readonly string[];
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderrIsTTY: boolean;
  readonly signal: AbortSignal;
  readonly cwd: string;
}

export type Command = (context: CommandContext) => Promise<number>;

export function writeJsonLine(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}
