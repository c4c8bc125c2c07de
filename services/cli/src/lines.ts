import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { NexusError } from "@nexus/errors";

/** Lines of a file (or of stdin for "-"), streamed: a large import never sits in memory whole. */
export function readLines(path: string, stdin: Readable): AsyncIterable<string> {
  const input = path === "-" ? stdin : createReadStream(path, { encoding: "utf8" });
  if (path !== "-") {
    input.on("error", () => undefined);
  }
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

export async function assertReadable(path: string): Promise<void> {
  if (path === "-") return;
  const { access } = await import("node:fs/promises");
  try {
    await access(path);
  } catch (error) {
    throw new NexusError("NEXUS_USAGE", `cannot read ${path}`, { cause: error });
  }
}
