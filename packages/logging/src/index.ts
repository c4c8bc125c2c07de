/**
 * @module @nexus/logging
 * The pino logger every Nexus process uses: JSON lines on stderr, service binding, central redaction.
 */
export { createLogger, createMemorySink, type Logger, type LoggerOptions, REDACT_PATHS } from "./logger.js";
