import { type AlertDispatcher, createAlertDispatcher, type DeliveryStore } from "@nexus/alert-delivery";
import type { AlertEvaluator } from "@nexus/alerting";
import type { ErrorCode } from "@nexus/errors";
import { type Alert, type AlertDelivery, type DeadLetter, TOPICS } from "@nexus/schemas";
import type { Store } from "@nexus/store";
import { KEYS } from "./keys.js";

/** Webhook delivery settings (NEXUS_WEBHOOK_* through the config package's webhookSpec). */
export interface WebhookOptions {
  readonly allowPrivateNetworks?: boolean;
  readonly digestWindowMs?: number;
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
}

/** Delivery states in the store, with an index from each alert to its delivery. */
function storeDeliveries(store: Store): DeliveryStore {
  return {
    async save(delivery) {
      await store.write(
        [
          { type: "put", key: KEYS.delivery(delivery.id), value: delivery },
          ...delivery.alertIds.map((id) => ({
            type: "put" as const,
            key: KEYS.deliveryOfAlert(id),
            value: delivery.id,
          })),
        ],
        { sync: true },
      );
    },
    async pending() {
      const found: AlertDelivery[] = [];
      for await (const [, delivery] of store.scan<AlertDelivery>(KEYS.deliveryPrefix)) {
        if (delivery.status === "pending") found.push(delivery);
      }
      return found;
    },
    async deliveryOf(alertId) {
      const id = await store.get<string>(KEYS.deliveryOfAlert(alertId));
      return id === undefined ? undefined : store.get<AlertDelivery>(KEYS.delivery(id));
    },
  };
}

/** A delivery that ran out of attempts joins the store's dead letters, next to rejected ads. */
async function deadLetter(
  store: Store,
  delivery: AlertDelivery,
  alerts: readonly Alert[],
  code: ErrorCode,
): Promise<void> {
  const letter: DeadLetter = {
    topic: TOPICS.alerts,
    stage: "notify",
    key: delivery.id,
    error: { code, message: delivery.lastError ?? `webhook delivery failed after ${delivery.attempts} attempts` },
    payload: JSON.stringify(alerts),
    attempts: delivery.attempts,
  };
  await store.write([{ type: "put", key: KEYS.webhookDeadLetter(delivery.id), value: letter }], { sync: true });
}

/** The engine's webhook dispatcher: signed, retried, flood-controlled; state survives restarts. */
export function createEngineDispatcher(
  deps: { store: Store; evaluator: AlertEvaluator; alertsOf: (ids: readonly string[]) => Promise<Alert[]> },
  options: WebhookOptions,
): AlertDispatcher {
  return createAlertDispatcher({
    watchOf: (id) => deps.evaluator.watch(id),
    store: storeDeliveries(deps.store),
    alertsOf: deps.alertsOf,
    onDeadLetter: (delivery, alerts, code) => deadLetter(deps.store, delivery, alerts, code),
    ...options,
  });
}
