/**
 * @module @nexus/store
 * The embedded runtime's durable local store: ordered JSON key-value pairs with atomic batches,
 * backed by LevelDB (classic-level). One process holds a data directory at a time.
 */
export { openStore, type ScanOptions, type Store, type StoreOp } from "./store.js";
