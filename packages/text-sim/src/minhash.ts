import { deriveSeeds, mix32 } from "./hash.js";

/** Fixed seed so signatures are identical across runs, processes and replays. */
export const MINHASH_SEED = 0x5eed_1e55;
export const DEFAULT_NUM_HASHES = 64;

export interface MinHasher {
  readonly numHashes: number;
  /** Signature of a shingle-hash set; an empty set gives all-0xffffffff (matches nothing useful). */
  signature(hashes: ArrayLike<number>, ignore?: { has(value: number): boolean }): Uint32Array;
}

/** k independent hash functions h_i(x) = mix32(x XOR seed_i); the signature keeps each minimum. */
export function createMinHasher(options: { numHashes?: number; seed?: number } = {}): MinHasher {
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const seeds = deriveSeeds(options.seed ?? MINHASH_SEED, numHashes);
  return {
    numHashes,
    signature(hashes, ignore) {
      const signature = new Uint32Array(numHashes).fill(0xffffffff);
      for (let index = 0; index < hashes.length; index += 1) {
        const value = hashes[index] as number;
        if (ignore?.has(value)) continue;
        for (let k = 0; k < numHashes; k += 1) {
          const hashed = mix32(value ^ (seeds[k] as number));
          if (hashed < (signature[k] as number)) signature[k] = hashed;
        }
      }
      return signature;
    },
  };
}

/** Fraction of equal signature positions: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let equal = 0;
  for (let index = 0; index < length; index += 1) if (a[index] === b[index]) equal += 1;
  return equal / length;
}

/**
 * LSH band keys: the signature cut into `bands` bands of `rows` rows, each band hashed to one key
 * prefixed by its band number. Two sets with Jaccard s share at least one key with probability
 * 1 - (1 - s^rows)^bands.
 */
export function lshBandKeys(signature: Uint32Array, bands: number, rows: number): string[] {
  const keys: string[] = [];
  for (let band = 0; band < bands; band += 1) {
    let hash = 0x9747b28c ^ band;
    for (let row = 0; row < rows; row += 1) {
      hash = mix32(hash ^ (signature[band * rows + row] ?? 0));
    }
    keys.push(`${band}:${hash.toString(36)}`);
  }
  return keys;
}

/** Probability that a pair with Jaccard `similarity` becomes an LSH candidate. */
export function lshCandidateProbability(similarity: number, bands: number, rows: number): number {
  return 1 - (1 - similarity ** rows) ** bands;
}
