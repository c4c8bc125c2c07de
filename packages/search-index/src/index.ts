/**
 * @module @nexus/search-index
 * Pure Spanish/English analysis and an in-memory full-text index for the embedded runtime.
 */
export {};
