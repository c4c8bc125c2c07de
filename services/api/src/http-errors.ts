import { type ErrorCode, NexusError, toNexusError } from "@nexus/errors";

/** The one table from error code to HTTP status. Every code must be here (the type checks it). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  NEXUS_SCHEMA_INVALID: 400,
  NEXUS_INPUT_PARSE: 400,
  NEXUS_CONFIG_INVALID: 500,
  NEXUS_STORE_IO: 500,
  NEXUS_STORE_LOCKED: 503,
  NEXUS_PROCESSING_FAILED: 500,
  NEXUS_IMAGE_FETCH: 502,
  NEXUS_IMAGE_BLOCKED: 400,
  NEXUS_IMAGE_TOO_LARGE: 413,
  NEXUS_IMAGE_DECODE: 400,
  NEXUS_IMAGE_TIMEOUT: 504,
  NEXUS_IMAGE_DISABLED: 400,
  NEXUS_NOT_FOUND: 404,
  NEXUS_USAGE: 400,
  NEXUS_KAFKA_PRODUCE: 503,
  NEXUS_KAFKA_CONNECT: 503,
  NEXUS_ES_CONFLICT: 409,
  NEXUS_ES_BACKPRESSURE: 503,
  NEXUS_ES_TIMEOUT: 504,
  NEXUS_ES_CONNECTION: 503,
  NEXUS_ES_REJECTED: 400,
  NEXUS_AUTH_MISSING: 401,
  NEXUS_AUTH_FORBIDDEN: 403,
  NEXUS_AUTH_CSRF: 403,
  NEXUS_WATCH_INVALID: 400,
  NEXUS_WEBHOOK_REFUSED: 400,
  NEXUS_WEBHOOK_FAILED: 502,
  NEXUS_INTERNAL: 500,
};

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: Record<string, unknown> };
}

/** Fastify's own validation errors become NEXUS_SCHEMA_INVALID; anything unexpected NEXUS_INTERNAL. */
export function toHttpError(thrown: unknown): { status: number; body: ErrorBody } {
  const validation = (thrown as { validation?: unknown[]; message?: string }).validation;
  const error = validation
    ? new NexusError("NEXUS_SCHEMA_INVALID", (thrown as Error).message, { details: { issues: validation } })
    : toNexusError(thrown);
  const internal = error.code === "NEXUS_INTERNAL";
  const message = internal ? "internal error (logged)" : error.message;
  const details = !internal && Object.keys(error.details).length > 0 ? { details: { ...error.details } } : {};
  return { status: HTTP_STATUS[error.code], body: { error: { code: error.code, message, ...details } } };
}
