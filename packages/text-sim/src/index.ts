/**
 * @module @nexus/text-sim
 * Pure text normalisation, shingles, MinHash and similarity for near-duplicate text.
 */
export {};
