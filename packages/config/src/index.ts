/**
 * @module @nexus/config
 * Environment to typed, frozen configuration; all problems reported at once.
 */
export {};
