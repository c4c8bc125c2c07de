/**
 * @module @nexus/store
 * Durable local key-value store (classic-level) for the embedded runtime.
 */
export {};
