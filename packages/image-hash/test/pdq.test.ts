import { describe, expect, it } from "vitest";
import {
  DIHEDRAL_NAMES,
  hammingDistance,
  PDQ_QUALITY_THRESHOLD,
  type PixelBuffer,
  pdqHash,
  pdqHashDihedral,
} from "../src/index.js";
import { seededRandom } from "./vectors.js";

/** A smooth synthetic "photo": a few random blobs, grey, so structure survives the 64x64 downsample. */
function blobs(size: number, seed: number): PixelBuffer {
  const random = seededRandom(seed);
  const centres = Array.from({ length: 12 }, () => [
    random() * size,
    random() * size,
    20 + random() * 80,
    (random() - 0.5) * 200,
  ]);
  const data = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = 128;
      for (const [cx, cy, r, a] of centres as number[][]) {
        const d2 = (x - (cx as number)) ** 2 + (y - (cy as number)) ** 2;
        v += (a as number) * Math.exp(-d2 / (((r as number) * size) / 200) ** 2);
      }
      data[y * size + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return { width: size, height: size, channels: 1, data };
}

/** Applies a dihedral transform to a square grey image's pixels. */
function transformPixels(image: PixelBuffer, map: (x: number, y: number, n: number) => [number, number]): PixelBuffer {
  const n = image.width;
  const data = new Uint8Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const [sx, sy] = map(x, y, n);
      data[y * n + x] = image.data[sy * n + sx] as number;
    }
  }
  return { ...image, data };
}

const PIXEL_TRANSFORMS: Record<(typeof DIHEDRAL_NAMES)[number], (x: number, y: number, n: number) => [number, number]> =
  {
    original: (x, y) => [x, y],
    rotate90: (x, y, n) => [n - 1 - y, x],
    rotate180: (x, y, n) => [n - 1 - x, n - 1 - y],
    rotate270: (x, y, n) => [y, n - 1 - x],
    flipX: (x, y, n) => [x, n - 1 - y],
    flipY: (x, y, n) => [n - 1 - x, y],
    flipPlus1: (x, y) => [y, x],
    flipMinus1: (x, y, n) => [n - 1 - y, n - 1 - x],
  };

describe("pdqHash", () => {
  it("is deterministic, 64 hex, and half the bits are set", () => {
    const image = blobs(200, 1);
    const a = pdqHash(image);
    expect(a).toEqual(pdqHash(image));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hammingDistance(a.hash, "0".repeat(64))).toBeGreaterThanOrEqual(120);
    expect(hammingDistance(a.hash, "0".repeat(64))).toBeLessThanOrEqual(128);
  });

  it("separates unrelated images and flags flat ones as low quality", () => {
    expect(hammingDistance(pdqHash(blobs(200, 1)).hash, pdqHash(blobs(200, 2)).hash)).toBeGreaterThan(60);
    const flat = pdqHash({ width: 100, height: 80, channels: 3, data: new Uint8Array(100 * 80 * 3).fill(90) });
    expect(flat.quality).toBeLessThan(PDQ_QUALITY_THRESHOLD);
    expect(flat.lowQuality).toBe(true);
  });

  it("returns the zero hash with quality 0 below 5 px, like the reference", () => {
    expect(pdqHash({ width: 4, height: 100, channels: 1, data: new Uint8Array(400) })).toEqual({
      hash: "0".repeat(64),
      quality: 0,
      lowQuality: true,
    });
  });

  it("rejects a buffer too small for its declared size", () => {
    expect(() => pdqHash({ width: 10, height: 10, channels: 3, data: new Uint8Array(299) })).toThrow(RangeError);
  });
});

describe("pdqHashDihedral", () => {
  it("derives each variant from one DCT, matching the hash of the actually transformed pixels", () => {
    // 64x64 skips the (slightly asymmetric) tent filter, so only float rounding can differ.
    const image = blobs(64, 5);
    const { dihedral, hash } = pdqHashDihedral(image);
    expect(dihedral[0]).toBe(hash);
    DIHEDRAL_NAMES.forEach((name, i) => {
      const moved = pdqHash(transformPixels(image, PIXEL_TRANSFORMS[name])).hash;
      expect(hammingDistance(moved, dihedral[i] as string), name).toBeLessThanOrEqual(4);
    });
  });
});

describe("pdqHashDihedral, separable method", () => {
  it("gives the exact method's hashes and quality on the same pixels, give or take a rounding bit", () => {
    for (const seed of [1, 2, 3, 4]) {
      const image = blobs(300 + 37 * seed, seed);
      const exact = pdqHashDihedral(image);
      const separable = pdqHashDihedral(image, { method: "separable" });
      expect(separable.quality).toBe(exact.quality);
      separable.dihedral.forEach((hash, i) => {
        expect(hammingDistance(hash, exact.dihedral[i] as string)).toBeLessThanOrEqual(2);
      });
    }
  });

  it("returns the zero hash below 5 px, in the pixels or in the source", () => {
    const tiny = { width: 4, height: 100, channels: 1, data: new Uint8Array(400) };
    expect(pdqHashDihedral(tiny, { method: "separable" }).quality).toBe(0);
    expect(pdqHashDihedral(tiny, { method: "separable" }).hash).toBe("0".repeat(64));
  });

  it("takes a source size only with the separable method", () => {
    expect(() => pdqHashDihedral(blobs(64, 1), { source: { width: 128, height: 128 } })).toThrow(RangeError);
  });
});
