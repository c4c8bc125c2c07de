/**
 * @module @nexus/schemas
 * Types generated from /schemas, ajv validators and topic names.
 */
export {};
