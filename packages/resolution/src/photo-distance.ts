import { parseHashHex } from "@nexus/image-hash";

/**
 * A photo as matching sees it: its PDQ hash and its dihedral variants, as hex (for the index and
 * for reports) and parsed once into 8 x 32-bit words (distances are computed millions of times).
 */
export interface PhotoHashes {
  readonly pdq: string;
  /** The hash itself first, then the other variants. */
  readonly variants: readonly string[];
  readonly words: readonly Uint32Array[];
}

export function parseVariants(variants: readonly string[]): Uint32Array[] {
  return variants.map((variant) => parseHashHex(variant));
}

function popcount32(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function distanceWords(a: Uint32Array, b: Uint32Array): number {
  let distance = 0;
  for (let index = 0; index < a.length; index += 1) {
    distance += popcount32(((a[index] as number) ^ (b[index] as number)) >>> 0);
  }
  return distance;
}

/**
 * Smallest distance between one photo's variants and the other's hash, taken both ways so the
 * relation is symmetric (a flip of x near y and a flip of y near x are not exactly the same number).
 */
export function photoDistance(x: PhotoHashes, y: PhotoHashes): number {
  const [xHash, yHash] = [x.words[0] as Uint32Array, y.words[0] as Uint32Array];
  let best = distanceWords(xHash, yHash);
  for (let index = 1; index < x.words.length; index += 1) {
    best = Math.min(best, distanceWords(x.words[index] as Uint32Array, yHash));
  }
  for (let index = 1; index < y.words.length; index += 1) {
    best = Math.min(best, distanceWords(y.words[index] as Uint32Array, xHash));
  }
  return best;
}
