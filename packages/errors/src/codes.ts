/**
 * Every stable error code Nexus emits. Codes are part of the public interface (CLI output, DLQ
 * headers, API responses): add new ones, never rename. `docs/errors.md` lists them and a test keeps
 * the two in step.
 */
export const ERROR_CODES = [
  "NEXUS_SCHEMA_INVALID",
  "NEXUS_INPUT_PARSE",
  "NEXUS_CONFIG_INVALID",
  "NEXUS_STORE_IO",
  "NEXUS_STORE_LOCKED",
  "NEXUS_PROCESSING_FAILED",
  "NEXUS_IMAGE_FETCH",
  "NEXUS_IMAGE_BLOCKED",
  "NEXUS_IMAGE_TOO_LARGE",
  "NEXUS_IMAGE_DECODE",
  "NEXUS_IMAGE_TIMEOUT",
  "NEXUS_IMAGE_DISABLED",
  "NEXUS_NOT_FOUND",
  "NEXUS_USAGE",
  "NEXUS_KAFKA_PRODUCE",
  "NEXUS_KAFKA_CONNECT",
  "NEXUS_ES_CONFLICT",
  "NEXUS_ES_BACKPRESSURE",
  "NEXUS_ES_TIMEOUT",
  "NEXUS_ES_CONNECTION",
  "NEXUS_ES_REJECTED",
  "NEXUS_AUTH_MISSING",
  "NEXUS_AUTH_FORBIDDEN",
  "NEXUS_AUTH_CSRF",
  "NEXUS_WATCH_INVALID",
  "NEXUS_WEBHOOK_REFUSED",
  "NEXUS_WEBHOOK_FAILED",
  "NEXUS_INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
