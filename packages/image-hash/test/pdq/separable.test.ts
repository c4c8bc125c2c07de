import { describe, expect, it } from "vitest";
import { decimateTo64, jaroszFilter } from "../../src/pdq/jarosz.js";
import { lumaFromPixels } from "../../src/pdq/luma.js";
import { separableDownsample64 } from "../../src/pdq/separable.js";
import { tentWeights } from "../../src/pdq/tent-weights.js";
import { seededRandom } from "../vectors.js";

function randomImage(width: number, height: number, channels: number, seed: number) {
  const random = seededRandom(seed);
  return {
    width,
    height,
    channels,
    data: Uint8Array.from({ length: width * height * channels }, () => random() * 256),
  };
}

/** The reference's downsample: float luma, two tent passes over every pixel, decimation. */
function referenceDownsample(image: ReturnType<typeof randomImage>): Float32Array {
  const luma = lumaFromPixels(image);
  jaroszFilter(luma, new Float32Array(luma.length), { rows: image.height, cols: image.width }, 2);
  return decimateTo64(luma, image.height, image.width);
}

describe("tentWeights", () => {
  it.each([
    [64, 64],
    [100, 100],
    [1600, 1600],
    [320, 1600],
    [200, 1004],
    [7, 40],
  ])("gives every cell weights that sum to 1 inside the image (%i from %i)", (decoded, source) => {
    const { start, length, weights, stride } = tentWeights(decoded, source);
    for (let k = 0; k < 64; k++) {
      const cell = weights.subarray(k * stride, k * stride + (length[k] as number));
      expect(cell.reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 12);
      expect(start[k]).toBeGreaterThanOrEqual(0);
      expect((start[k] as number) + (length[k] as number)).toBeLessThanOrEqual(decoded);
    }
  });

  it("is the identity at 64 pixels, where the reference's filter is a no-op", () => {
    const { start, length, weights, stride } = tentWeights(64, 64);
    for (let k = 0; k < 64; k++) {
      expect([start[k], length[k], weights[k * stride]]).toEqual([k, 1, 1]);
    }
  });

  it("refuses a decoded size larger than its source", () => {
    expect(() => tentWeights(200, 100)).toThrow(RangeError);
  });
});

describe("separableDownsample64", () => {
  it.each([
    [34, 42, 1],
    [70, 5, 3],
    [129, 130, 3],
    [300, 257, 4],
    [1000, 613, 3],
    [1600, 1003, 1],
  ])("matches the reference's filter to float rounding at %i x %i x %i", (width, height, channels) => {
    const image = randomImage(width, height, channels, width * height);
    const expected = referenceDownsample(image);
    const actual = separableDownsample64(image);
    for (let i = 0; i < 4096; i++) expect(actual[i]).toBeCloseTo(expected[i] as number, 3);
  });

  it("hashes a 1/4-size box reduction as its source when told the source size", () => {
    // A smooth image, so the box reduction keeps what the 64x64 cells see.
    const width = 1200;
    const height = 800;
    const full = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) full[y * width + x] = 128 + 100 * Math.sin(x / 37) * Math.cos(y / 23);
    const small = new Uint8Array((width / 4) * (height / 4));
    for (let y = 0; y < height / 4; y++) {
      for (let x = 0; x < width / 4; x++) {
        let sum = 0;
        for (let dy = 0; dy < 4; dy++)
          for (let dx = 0; dx < 4; dx++) sum += full[(4 * y + dy) * width + 4 * x + dx] as number;
        small[y * (width / 4) + x] = Math.round(sum / 16);
      }
    }
    const reference = separableDownsample64({ width, height, channels: 1, data: full });
    const reduced = { width: width / 4, height: height / 4, channels: 1, data: small };
    const mapped = separableDownsample64(reduced, { width, height });
    const unmapped = separableDownsample64(reduced);
    const worst = (block: Float32Array) => Math.max(...block.map((v, i) => Math.abs(v - (reference[i] as number))));
    expect(worst(mapped)).toBeLessThan(1);
    expect(worst(unmapped)).toBeGreaterThan(3 * worst(mapped));
  });
});
