/**
 * @module @nexus/image-input
 * Safe image fetching (SSRF and bomb guards) and sharp decoding for hashing.
 */
export {};
