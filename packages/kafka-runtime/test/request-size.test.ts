import { describe, expect, it } from "vitest";
import { recordBytes, splitBySize } from "../src/request-size.js";
import type { ProducerRecord } from "../src/types.js";

const record = (id: number, bytes: number): ProducerRecord => ({
  topic: "t",
  key: String(id),
  value: "x".repeat(bytes),
  headers: {},
});

describe("splitBySize", () => {
  it("keeps a small burst in one request", () => {
    const records = [record(1, 100), record(2, 100)];
    expect(splitBySize(records, recordBytes, 10_000)).toEqual([records]);
  });

  it("splits a large burst into consecutive slices under the cap, order kept", () => {
    const records = Array.from({ length: 50 }, (_, i) => record(i, 1_000));
    const slices = splitBySize(records, recordBytes, 10_000);
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.flat()).toEqual(records);
    for (const slice of slices) expect(slice.reduce((sum, r) => sum + recordBytes(r), 0)).toBeLessThanOrEqual(10_000);
  });

  it("counts bytes, not characters", () => {
    const accented = { topic: "t", key: "k", value: "ñ".repeat(100), headers: {} };
    expect(recordBytes(accented)).toBe(64 + 1 + 200);
  });

  it("sends a record larger than the cap alone, for the broker to judge", () => {
    const records = [record(1, 100), record(2, 50_000), record(3, 100)];
    expect(splitBySize(records, recordBytes, 10_000).map((slice) => slice.map((r) => r.key))).toEqual([
      ["1"],
      ["2"],
      ["3"],
    ]);
  });
});
