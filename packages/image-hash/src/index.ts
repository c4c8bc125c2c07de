/**
 * @module @nexus/image-hash
 * Pure PDQ perceptual hashing over pixel buffers, dihedral variants, Hamming index.
 */
export {};
