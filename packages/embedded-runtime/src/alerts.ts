import { randomBytes } from "node:crypto";
import {
  type AlertEvaluator,
  type AlertQuery,
  type AlertService,
  normaliseWatch,
  type WatchRequest,
  watchIdFrom,
} from "@nexus/alerting";
import { NexusError } from "@nexus/errors";
import type { ResolutionUpdate, Resolver } from "@nexus/resolution";
import type { Alert, AlertDelivery, EnrichedAd, Watch } from "@nexus/schemas";
import type { Store, StoreOp } from "@nexus/store";
import { KEYS } from "./keys.js";

/** What the engine does with alerts beyond storing them: notify listeners, hand them to delivery. */
export interface AlertSinks {
  readonly listeners: Set<(alert: Alert) => void>;
  /** Webhook delivery, when configured. */
  deliver?(alerts: readonly Alert[]): Promise<void>;
}

export async function loadWatches(store: Store, evaluator: AlertEvaluator): Promise<void> {
  for await (const [, watch] of store.scan<Watch>(KEYS.watchPrefix)) evaluator.upsertWatch(watch);
}

/**
 * Evaluates the watches on an ad the resolver has just taken. Replaying history (`raise: false`)
 * only teaches the evaluator what each entity already had.
 */
export function evaluateAd(
  evaluator: AlertEvaluator,
  taken: { enriched: EnrichedAd; update: ResolutionUpdate; seq: number },
  options: { raise: boolean; raisedAt: () => string },
): Alert[] {
  const { enriched, update, seq } = taken;
  const landed = update.resolved.find((resolved) => resolved.adId === enriched.id);
  if (!landed) return [];
  // Change ids as the distributed resolver gives them: derived from the ad that caused them.
  const changes = update.changes.map((change, i) => ({ id: `${enriched.id}/${i}`, ...change }));
  const resolution = {
    seq,
    ad: enriched,
    personaId: landed.personaId,
    networkId: landed.networkId,
    changes,
  };
  const alerts = evaluator.evaluate(resolution, { raise: options.raise });
  if (alerts.length === 0) return alerts;
  const raisedAt = options.raisedAt();
  return alerts.map((alert) => ({ ...alert, raisedAt }));
}

export function alertOps(alerts: readonly Alert[]): StoreOp[] {
  return alerts.flatMap((alert): StoreOp[] => [
    { type: "put", key: KEYS.alert(alert.seq, alert.watchId), value: alert },
    { type: "put", key: KEYS.alertById(alert.id), value: KEYS.alert(alert.seq, alert.watchId) },
  ]);
}

/** Stored alerts by id (for resumed webhook deliveries). */
export async function alertsById(store: Store, ids: readonly string[]): Promise<Alert[]> {
  const keys = await store.getMany<string>(ids.map((id) => KEYS.alertById(id)));
  const alerts = await store.getMany<Alert>(keys.filter((key): key is string => key !== undefined));
  return alerts.filter((alert): alert is Alert => alert !== undefined);
}

function matches(alert: Alert, query: AlertQuery): boolean {
  if (query.watchId !== undefined && alert.watchId !== query.watchId) return false;
  return query.afterSeq === undefined || alert.seq > query.afterSeq;
}

/** Checks an entity watch against the resolver and pins it to the entity's current id. */
function resolveEntityWatch(request: WatchRequest, resolver: Resolver): WatchRequest {
  if (request.kind !== "entity") return request;
  const entity = resolver.entity(request.value.trim());
  if (!entity)
    throw new NexusError("NEXUS_NOT_FOUND", `no entity ${request.value}`, { details: { id: request.value } });
  return { ...request, value: entity.id };
}

/** Watches and alerts over the embedded store: the engine's side of the API and the CLI. */
export function createStoreAlertService(deps: {
  store: Store;
  evaluator: AlertEvaluator;
  resolver: Resolver;
  sinks: AlertSinks;
}): AlertService {
  const { store, evaluator, sinks } = deps;
  return {
    async addWatch(request) {
      const stamp = { id: watchIdFrom(randomBytes(16).toString("hex")), createdAt: new Date().toISOString() };
      const watch = normaliseWatch(resolveEntityWatch(request, deps.resolver), stamp);
      await store.write([{ type: "put", key: KEYS.watch(watch.id), value: watch }], { sync: true });
      evaluator.upsertWatch(watch);
      return watch;
    },
    async removeWatch(id) {
      if (!evaluator.watch(id)) return false;
      await store.write([{ type: "del", key: KEYS.watch(id) }], { sync: true });
      evaluator.removeWatch(id);
      return true;
    },
    watches: async () => evaluator.watches(),
    watch: async (id) => evaluator.watch(id),
    async alerts(query = {}) {
      const found: Alert[] = [];
      for await (const [, alert] of store.scan<Alert>(KEYS.alertPrefix)) {
        if (!matches(alert, query)) continue;
        found.push(alert);
        if (query.limit !== undefined && found.length >= query.limit) break;
      }
      return found;
    },
    subscribe(listener) {
      sinks.listeners.add(listener);
      return () => sinks.listeners.delete(listener);
    },
    async deliveries(query = {}) {
      const found: AlertDelivery[] = [];
      for await (const [, delivery] of store.scan<AlertDelivery>(KEYS.deliveryPrefix)) {
        if (query.watchId === undefined || delivery.watchId === query.watchId) found.push(delivery);
      }
      return found;
    },
  };
}

/** Tells listeners and delivery about alerts once they are durable; a failing listener harms nobody else. */
export async function publishAlerts(sinks: AlertSinks, alerts: readonly Alert[]): Promise<void> {
  if (alerts.length === 0) return;
  for (const alert of alerts) {
    for (const listener of sinks.listeners) {
      try {
        listener(alert);
      } catch {
        // A listener (an SSE client) that throws is its own problem; the stream goes on.
      }
    }
  }
  await sinks.deliver?.(alerts);
}
