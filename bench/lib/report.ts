import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Everything below this line in a results file is written by hand and survives a re-run. */
export const READING_MARKER = "<!-- reading: written by hand, kept when the benchmark rewrites this file -->";

/**
 * Writes a benchmark's generated report to `path`, keeping the hand-written reading that follows
 * READING_MARKER in the file already there, so re-running a benchmark updates its figures without
 * losing what someone wrote about them.
 */
export function writeReport(path: string, lines: readonly string[]): void {
  const previous = existsSync(path) ? readFileSync(path, "utf8") : "";
  const at = previous.indexOf(READING_MARKER);
  const reading = at < 0 ? "" : `\n${previous.slice(at)}`;
  writeFileSync(path, `${lines.join("\n")}\n${reading}`);
}
