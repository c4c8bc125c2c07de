/**
 * @module @nexus/embedded-runtime
 * Runs every stage in one process over the durable local store.
 */
export {};
