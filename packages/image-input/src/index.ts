/**
 * @module @nexus/image-input
 * The I/O edge of image hashing: reads images from http(s), base64 or local files under SSRF,
 * size and decompression-bomb limits, decodes them with sharp the way Meta's reference does, and
 * hashes them with @nexus/image-hash (PDQ + dihedral variants). Identical bytes are hashed once.
 */
export { blockedAddressReason } from "./address-policy.js";
export { createImageHasher, type ImageHasher, type ImageHashResult, type ImageSource } from "./hasher.js";
export type { ImageInputOptions } from "./options.js";
export { createPhotoReader, type PhotoReader, type RenderedPhoto, type StoredPhotoRef } from "./photo-reader.js";
