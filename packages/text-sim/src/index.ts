/**
 * @module @nexus/text-sim
 * Pure text normalisation, shingles, MinHash and similarity for near-duplicate text. Deterministic:
 * every seed is a constant, so signatures and band keys are the same in every process and replay.
 */
export { deriveSeeds, hashString32, mix32 } from "./hash.js";
export { countKept, jaccard } from "./jaccard.js";
export {
  createMinHasher,
  DEFAULT_NUM_HASHES,
  estimateJaccard,
  lshBandKeys,
  lshCandidateProbability,
  MINHASH_SEED,
  type MinHasher,
} from "./minhash.js";
export { nameSimilarity, normalizeName } from "./names.js";
export { normalizeForSimilarity, tokenize } from "./normalize.js";
export { DEFAULT_SHINGLE_SIZE, type ShingleSet, shingleSet, wordShingles } from "./shingles.js";
