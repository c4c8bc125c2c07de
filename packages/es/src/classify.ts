import { errors } from "@elastic/elasticsearch";
import { type ErrorCode, NexusError } from "@nexus/errors";

/** How one failed bulk item is treated: a conflict is expected, a retryable one goes back in the queue. */
export interface ItemVerdict {
  readonly code: ErrorCode;
  readonly retryable: boolean;
}

/** A bulk item's failure by HTTP status and error type (the per-item answer inside a 200 bulk response). */
export function classifyItem(status: number, type: string | undefined): ItemVerdict {
  if (status === 409 || type === "version_conflict_engine_exception") {
    return { code: "NEXUS_ES_CONFLICT", retryable: false };
  }
  if (status === 429 || type === "es_rejected_execution_exception") {
    return { code: "NEXUS_ES_BACKPRESSURE", retryable: true };
  }
  if (status === 408 || type === "process_cluster_event_timeout_exception") {
    return { code: "NEXUS_ES_TIMEOUT", retryable: true };
  }
  // 502/503/504: shards relocating or a node leaving; the same document will be accepted later.
  if (status >= 502 && status <= 504) return { code: "NEXUS_ES_CONNECTION", retryable: true };
  return { code: "NEXUS_ES_REJECTED", retryable: false };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof errors.ResponseError ? error.meta.statusCode : undefined;
}

/** Whole-request failures (the bulk call itself, a search) as NexusErrors; the cause is kept. */
export function classifyEsError(error: unknown): NexusError {
  if (error instanceof NexusError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof errors.TimeoutError) {
    return new NexusError("NEXUS_ES_TIMEOUT", `Elasticsearch timed out: ${message}`, { retryable: true, cause: error });
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError) {
    return new NexusError("NEXUS_ES_CONNECTION", `Elasticsearch unreachable: ${message}`, {
      retryable: true,
      cause: error,
    });
  }
  const status = statusOf(error);
  if (status !== undefined) {
    const verdict = classifyItem(status, undefined);
    return new NexusError(verdict.code, `Elasticsearch answered ${status}: ${message}`, {
      retryable: verdict.retryable,
      cause: error,
      details: { status },
    });
  }
  return new NexusError("NEXUS_ES_REJECTED", `Elasticsearch request failed: ${message}`, { cause: error });
}
