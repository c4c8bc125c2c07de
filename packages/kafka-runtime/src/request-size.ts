import type { ProducerRecord } from "./types.js";

/**
 * Under the broker's default cap on one partition's batch (message.max.bytes, ~1 MiB), with room
 * for per-record overhead. A one-partition topic takes a whole burst in one batch, so a burst is
 * split into requests sent one after another (order kept).
 */
export const MAX_REQUEST_BYTES = 768 * 1024;

/** Bytes a record adds to a request, near enough: key, value, headers and ~64 bytes of framing. */
export function recordBytes(record: ProducerRecord): number {
  let bytes = 64 + Buffer.byteLength(record.key ?? "") + Buffer.byteLength(record.value ?? "");
  for (const [name, value] of Object.entries(record.headers)) bytes += name.length + Buffer.byteLength(value);
  return bytes;
}

/** Consecutive slices of the items, each under `maxBytes` unless one item alone is larger. */
export function splitBySize<T>(items: readonly T[], sizeOf: (item: T) => number, maxBytes: number): T[][] {
  const slices: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && bytes + size > maxBytes) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}
