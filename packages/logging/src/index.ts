/**
 * @module @nexus/logging
 * pino logger factory with Nexus bindings and redaction.
 */
export {};
