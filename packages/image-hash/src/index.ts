/**
 * @module @nexus/image-hash
 * Pure PDQ perceptual hashing over pixel buffers, dihedral variants, and an exact sub-linear
 * Hamming index. No I/O: callers decode images (see @nexus/image-input) and pass pixels in.
 */
export { formatHashHex, hammingDistance, parseHashHex } from "./hamming.js";
export {
  createHammingIndex,
  type HammingIndex,
  type HammingIndexOptions,
  type HammingMatch,
} from "./hamming-index.js";
export { DIHEDRAL_NAMES, type DihedralName } from "./pdq/bits.js";
export { lumaFromPixels, type PixelBuffer } from "./pdq/luma.js";
export {
  PDQ_MATCH_THRESHOLD,
  PDQ_QUALITY_THRESHOLD,
  type PdqDihedralResult,
  type PdqMethod,
  type PdqOptions,
  type PdqResult,
  pdqDihedralFromLuma,
  pdqHash,
  pdqHashDihedral,
} from "./pdq/pdq.js";
export type { SourceSize } from "./pdq/separable.js";
