import type { Alert, AlertDelivery, Watch } from "@nexus/schemas";
import type { WebhookRequest } from "./types.js";

/** Header names of every webhook request; receivers rely on them. */
export const WEBHOOK_HEADERS = {
  signature: "x-nexus-signature",
  timestamp: "x-nexus-timestamp",
  delivery: "x-nexus-delivery",
} as const;

export const WEBHOOK_USER_AGENT = "nexus-alerts/1";

/** The JSON body of a webhook request. */
export interface WebhookBody {
  readonly deliveryId: string;
  readonly type: "alert" | "digest";
  readonly watchId: string;
  readonly label?: string;
  readonly alerts: readonly Alert[];
}

export interface RequestContext {
  readonly now: number;
  readonly timeoutMs: number;
  readonly sign: (secret: string, timestamp: number, body: string) => string;
}

/** The signed request for one attempt; signed afresh each time, so a retry carries a current timestamp. */
export function buildWebhookRequest(
  delivery: AlertDelivery,
  alerts: readonly Alert[],
  webhook: { readonly watch: Watch; readonly url: string; readonly secret: string },
  context: RequestContext,
): WebhookRequest {
  const body: WebhookBody = {
    deliveryId: delivery.id,
    type: delivery.digest === true ? "digest" : "alert",
    watchId: delivery.watchId,
    ...(webhook.watch.label === undefined ? {} : { label: webhook.watch.label }),
    alerts,
  };
  const text = JSON.stringify(body);
  const timestamp = Math.floor(context.now / 1_000);
  return {
    url: webhook.url,
    body: text,
    timeoutMs: context.timeoutMs,
    headers: {
      "content-type": "application/json",
      "user-agent": WEBHOOK_USER_AGENT,
      [WEBHOOK_HEADERS.signature]: context.sign(webhook.secret, timestamp, text),
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.delivery]: delivery.id,
    },
  };
}
