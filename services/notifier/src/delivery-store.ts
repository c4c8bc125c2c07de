import type { DeliveryStore } from "@nexus/alert-delivery";
import { NexusError } from "@nexus/errors";
import { type AlertDelivery, checkMessage, TOPICS } from "@nexus/schemas";

export interface DeliveryTable {
  /** A record of nexus.alerts.deliveries.v1, read back by the table follower or just acknowledged. */
  apply(key: string, value: unknown | null): void;
  get(id: string): AlertDelivery | undefined;
  byAlert(alertId: string): AlertDelivery | undefined;
  all(): IterableIterator<AlertDelivery>;
}

/**
 * Latest state per delivery, with an index from alert id to the delivery carrying it. A state older
 * than the one held (by updatedAt) is ignored: the follower reads back our own writes after we
 * applied newer ones, and must not move a delivery back.
 */
export function createDeliveryTable(onInvalid: (key: string, reason: string) => void): DeliveryTable {
  const deliveries = new Map<string, AlertDelivery>();
  const byAlert = new Map<string, string>();
  return {
    apply(key, value) {
      if (value === null) {
        for (const id of deliveries.get(key)?.alertIds ?? []) byAlert.delete(id);
        deliveries.delete(key);
        return;
      }
      const checked = checkMessage(TOPICS.alertDeliveries, value);
      if (!checked.ok) {
        onInvalid(key, checked.error.message);
        return;
      }
      const current = deliveries.get(key);
      if (current && (current.updatedAt ?? "") > (checked.value.updatedAt ?? "")) return;
      deliveries.set(key, checked.value);
      for (const id of checked.value.alertIds) byAlert.set(id, key);
    },
    get: (id) => deliveries.get(id),
    byAlert: (alertId) => {
      const id = byAlert.get(alertId);
      return id === undefined ? undefined : deliveries.get(id);
    },
    all: () => deliveries.values(),
  };
}

/** The DeliveryStore port over the compacted deliveries topic: a state counts once the broker has it. */
export function createTopicDeliveryStore(
  table: DeliveryTable,
  produce: (key: string, value: AlertDelivery) => Promise<void>,
): DeliveryStore {
  return {
    async save(delivery) {
      const checked = checkMessage(TOPICS.alertDeliveries, delivery);
      if (!checked.ok) throw checked.error;
      try {
        await produce(delivery.id, delivery);
      } catch (cause) {
        throw new NexusError("NEXUS_KAFKA_PRODUCE", "cannot save a delivery state", {
          cause,
          retryable: true,
          details: { deliveryId: delivery.id },
        });
      }
      table.apply(delivery.id, delivery);
    },
    pending: async () => [...table.all()].filter((delivery) => delivery.status === "pending"),
    deliveryOf: async (alertId) => table.byAlert(alertId),
  };
}
