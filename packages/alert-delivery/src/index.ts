/**
 * @module @nexus/alert-delivery
 * Delivers alerts to the webhooks of their watches: HMAC-SHA256-signed JSON POSTs, flood control
 * (the first alert of a burst at once, the rest of it as one digest), retries with jittered
 * exponential backoff on network errors, timeouts, 429 and 5xx, a dead letter after the last attempt,
 * and an SSRF guard checked after DNS resolution. Decisions live in src/core (no node:* imports, no
 * clock); src/adapters holds the HTTP and crypto edges. State goes through a DeliveryStore port.
 */

export { createHttpTransport, type HttpTransportOptions } from "./adapters/http-transport.js";
export { signWebhook, type VerifyOptions, verifyWebhook } from "./adapters/signature.js";
export { webhookSpec } from "./config.js";
export { DEFAULT_BACKOFF, retryDelay } from "./core/backoff.js";
export { afterAttempt, classifyStatus, deliveryId } from "./core/delivery-state.js";
export { createDispatcherCore, DISPATCHER_DEFAULTS } from "./core/dispatcher.js";
export { FloodControl } from "./core/flood-control.js";
export { buildWebhookRequest, WEBHOOK_HEADERS, WEBHOOK_USER_AGENT, type WebhookBody } from "./core/payload.js";
export type {
  AlertDispatcher,
  AttemptResult,
  BackoffOptions,
  DeadLetterHandler,
  DeliveryStore,
  DispatcherOptions,
  DispatcherStats,
  FlushOptions,
  Timers,
  WebhookRequest,
  WebhookTransport,
} from "./core/types.js";
export { type AlertDispatcherOptions, createAlertDispatcher } from "./create-dispatcher.js";
