/**
 * @module @nexus/extraction
 * Pure contact extraction: obfuscation-aware phones, emails, handles, links, ages, prices.
 */
export {};
