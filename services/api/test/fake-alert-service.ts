import type { AlertQuery, AlertService } from "@nexus/alerting";
import type { Alert } from "@nexus/schemas";

export const alert = (seq: number, watchId: string, adId = `ad${seq}`): Alert => ({
  id: `${watchId}:${adId}`,
  watchId,
  watchKind: "phone",
  adId,
  entityId: `e_${adId}`,
  personaId: `p_${adId}`,
  evidence: [{ kind: "phone", value: "+50251234567" }],
  seq,
});

/** Alerts in memory, ordered like the real services; `beforeRead` runs inside every alerts() call. */
export function createFakeAlertService(stored: Alert[]): AlertService & {
  readonly listeners: Set<(alert: Alert) => void>;
  readonly reads: AlertQuery[];
  beforeRead: (() => void) | undefined;
  raise(alert: Alert): void;
} {
  const listeners = new Set<(alert: Alert) => void>();
  const reads: AlertQuery[] = [];
  const sorted = () => [...stored].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
  const service = {
    listeners,
    reads,
    beforeRead: undefined as (() => void) | undefined,
    raise(alert: Alert) {
      stored.push(alert);
      for (const listener of listeners) listener(alert);
    },
    addWatch: async () => {
      throw new Error("not in this fake");
    },
    removeWatch: async () => false,
    watches: async () => [],
    watch: async () => undefined,
    async alerts(query: AlertQuery = {}) {
      reads.push(query);
      service.beforeRead?.();
      const found = sorted().filter(
        (a) =>
          (query.afterSeq === undefined || a.seq > query.afterSeq) &&
          (query.watchId === undefined || a.watchId === query.watchId),
      );
      return query.limit === undefined ? found : found.slice(0, query.limit);
    },
    subscribe(listener: (alert: Alert) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliveries: async () => [],
  };
  return service;
}
