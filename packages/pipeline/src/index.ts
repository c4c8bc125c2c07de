/**
 * @module @nexus/pipeline
 * The stage processors (extract, imagehash, match, resolve) as pure handlers behind ports.
 */
export {};
