import { describe, expect, it } from "vitest";
import { decimateTo64, jaroszDownsample64, jaroszFilter, jaroszWindowSize } from "../../src/pdq/jarosz.js";
import { seededRandom } from "../vectors.js";

describe("jaroszDownsample64", () => {
  it.each([
    [34, 42],
    [70, 5],
    [5, 70],
    [64, 64],
    [64, 100],
    [129, 130],
    [300, 257],
    [1000, 613],
    [1600, 1003],
  ])("is bit-identical to the full filter + decimation at %i x %i", (cols, rows) => {
    const random = seededRandom(cols * rows);
    const luma = Float32Array.from({ length: rows * cols }, () => Math.fround(random() * 255));
    const full = Float32Array.from(luma);
    jaroszFilter(full, new Float32Array(full.length), { rows, cols }, 2);
    const expected = decimateTo64(full, rows, cols);
    const fast = jaroszDownsample64(rows, cols, (row, out) => out.set(luma.subarray(row * cols, (row + 1) * cols)));
    expect(Array.from(fast)).toEqual(Array.from(expected));
  });

  it("uses the reference's window size: half of one output cell per pass, rounded up", () => {
    expect(jaroszWindowSize(1024, 64)).toBe(8);
    expect(jaroszWindowSize(1600, 64)).toBe(13);
    expect(jaroszWindowSize(100, 64)).toBe(1);
  });
});
