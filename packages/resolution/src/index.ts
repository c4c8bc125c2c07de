/**
 * @module @nexus/resolution
 * Pure entity resolution core: blocking, pair scoring, generic values, clustering plans.
 */
export {};
