import { describe, expect, it } from "vitest";
import { formatHashHex, hammingDistance, parseHashHex } from "../src/index.js";
import { flipBits, randomHashHex, readLines, seededRandom } from "./vectors.js";

function naiveDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let x = Number.parseInt(a[i] as string, 16) ^ Number.parseInt(b[i] as string, 16);
    for (; x; x >>= 1) d += x & 1;
  }
  return d;
}

describe("hammingDistance", () => {
  it("is 0 for equal hashes, 256 for complements, case-insensitive", () => {
    const zeros = "0".repeat(64);
    expect(hammingDistance(zeros, zeros)).toBe(0);
    expect(hammingDistance(zeros, "f".repeat(64))).toBe(256);
    expect(hammingDistance("ABCDEF".padEnd(64, "0"), "abcdef".padEnd(64, "0"))).toBe(0);
  });

  it("agrees with a per-digit count on upstream hash lists and random flips", () => {
    const hashes = [
      ...readLines("data/reg-test-input/haystack.txt").slice(0, 200),
      ...readLines("data/reg-test-input/long256.dat"),
    ];
    for (let i = 1; i < hashes.length; i++) {
      const a = hashes[i - 1] as string;
      const b = hashes[i] as string;
      expect(hammingDistance(a, b)).toBe(naiveDistance(a, b));
    }
    const random = seededRandom(7);
    for (let bits = 0; bits <= 256; bits += 17) {
      const a = randomHashHex(random);
      expect(hammingDistance(a, flipBits(a, bits, random))).toBe(bits);
    }
  });

  it("reproduces the distances upstream's Java test asserts", () => {
    const bridge1 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    const bridge2Rotate90 = "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af";
    const pen = "1f811b9d267fbc6693c0c7f30e041f9df49b836303e10f067fcdfc12c02d01f9";
    expect(hammingDistance(bridge1, bridge2Rotate90)).toBe(120);
    expect(hammingDistance(bridge1, pen)).toBe(138);
  });

  it("rejects malformed hashes", () => {
    expect(() => hammingDistance("abc", "0".repeat(64))).toThrow(RangeError);
    expect(() => hammingDistance("g".repeat(64), "0".repeat(64))).toThrow(RangeError);
  });

  it("round-trips hex", () => {
    const hex = randomHashHex(seededRandom(3));
    expect(formatHashHex(parseHashHex(hex))).toBe(hex);
  });
});
