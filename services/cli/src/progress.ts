import type { Writable } from "node:stream";
import type { IngestProgress } from "@nexus/embedded-runtime";

/** A one-line progress display on a terminal; nothing when stderr is not a TTY (pipes, CI). */
export function createProgressReporter(stream: Writable, isTTY: boolean, total?: number) {
  const started = Date.now();
  return {
    update(progress: Readonly<IngestProgress>): void {
      if (!isTTY) return;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const rate = Math.round(progress.processed / seconds);
      const done = progress.read;
      const bar = total ? renderBar(done / total) : "";
      const counts = `${done}${total ? `/${total}` : ""} read, ${progress.processed} processed, ${progress.rejected} rejected`;
      stream.write(`\r${bar}${counts}, ${rate} ads/s   `);
    },
    finish(): void {
      if (isTTY) stream.write("\n");
    },
  };
}

function renderBar(fraction: number): string {
  const width = 30;
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] `;
}
