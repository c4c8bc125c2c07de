import type { ErrorCode } from "@nexus/errors";
import type { Alert, AlertDelivery } from "@nexus/schemas";
import type { AttemptResult } from "./types.js";

/** Deterministic, so a replayed alert maps onto the delivery it already has. */
export function deliveryId(watchId: string, firstAlertId: string): string {
  return `${watchId}|${firstAlertId}`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export interface NewDelivery {
  readonly watchId: string;
  readonly alerts: readonly [Alert, ...Alert[]];
  readonly url: string;
  readonly digest: boolean;
  readonly now: number;
  readonly dueAt: number;
}

export function newDelivery(spec: NewDelivery): AlertDelivery {
  const [first, ...rest] = spec.alerts;
  return {
    id: deliveryId(spec.watchId, first.id),
    watchId: spec.watchId,
    alertIds: [first.id, ...rest.map((alert) => alert.id)],
    digest: spec.digest,
    url: spec.url,
    status: "pending",
    attempts: 0,
    nextAttemptAt: iso(spec.dueAt),
    updatedAt: iso(spec.now),
  };
}

/** A held digest that took one more alert. */
export function withAlert(delivery: AlertDelivery, alertId: string, now: number): AlertDelivery {
  return { ...delivery, alertIds: [...delivery.alertIds, alertId], updatedAt: iso(now) };
}

export type Verdict =
  | { readonly kind: "delivered" }
  | { readonly kind: "retry"; readonly at: number }
  | { readonly kind: "failed"; readonly code: ErrorCode };

export interface AttemptContext {
  readonly now: number;
  readonly maxAttempts: number;
  /** Delay before the next attempt, should this one be retried. */
  readonly retryInMs: number;
}

/** 2xx delivers; 429 and 5xx are worth another try; any other status will not change by retrying. */
export function classifyStatus(status: number): "delivered" | "retry" | "reject" {
  if (status >= 200 && status < 300) return "delivered";
  if (status === 429 || status >= 500) return "retry";
  return "reject";
}

/** The delivery after one attempt, and what happens next. */
export function afterAttempt(
  delivery: AlertDelivery,
  result: AttemptResult,
  context: AttemptContext,
): { delivery: AlertDelivery; verdict: Verdict } {
  const attempts = delivery.attempts + 1;
  const { nextAttemptAt: _dropped, lastError: _previous, httpStatus: _status, ...rest } = delivery;
  const base = { ...rest, attempts, updatedAt: iso(context.now) };
  if (result.kind === "response") {
    const outcome = classifyStatus(result.status);
    if (outcome === "delivered")
      return { delivery: { ...base, status: "delivered", httpStatus: result.status }, verdict: { kind: "delivered" } };
    const lastError =
      result.status >= 300 && result.status < 400
        ? `HTTP ${result.status} (redirects are not followed)`
        : `HTTP ${result.status}`;
    return settle(
      { ...base, httpStatus: result.status, lastError },
      outcome === "retry",
      "NEXUS_WEBHOOK_FAILED",
      context,
    );
  }
  return settle({ ...base, lastError: `${result.code}: ${result.message}` }, result.retryable, result.code, context);
}

function settle(
  delivery: Omit<AlertDelivery, "status">,
  retryable: boolean,
  code: ErrorCode,
  context: AttemptContext,
): { delivery: AlertDelivery; verdict: Verdict } {
  if (retryable && delivery.attempts < context.maxAttempts) {
    const at = context.now + context.retryInMs;
    return { delivery: { ...delivery, status: "pending", nextAttemptAt: iso(at) }, verdict: { kind: "retry", at } };
  }
  return { delivery: { ...delivery, status: "failed" }, verdict: { kind: "failed", code } };
}

/** A delivery that can no longer be attempted (its watch, webhook or alerts are gone): failed, not retried. */
export function cancelled(delivery: AlertDelivery, reason: string, now: number): AlertDelivery {
  const { nextAttemptAt: _dropped, ...rest } = delivery;
  return { ...rest, status: "failed", lastError: `cancelled: ${reason}`, updatedAt: iso(now) };
}
