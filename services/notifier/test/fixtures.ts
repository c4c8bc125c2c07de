import type { Alert, AlertDelivery } from "@nexus/schemas";

export function alert(id: string, watchId = "w_watch01"): Alert {
  return {
    id,
    watchId,
    watchKind: "phone",
    adId: `ad-${id}`,
    entityId: "e_1",
    personaId: "e_1",
    evidence: [{ kind: "phone", value: "+50255551234" }],
    seq: 1,
  };
}

export function delivery(overrides: Partial<AlertDelivery> = {}): AlertDelivery {
  return {
    id: "w_watch01|a1",
    watchId: "w_watch01",
    alertIds: ["a1"],
    url: "https://hooks.example.org/path?token=secret",
    status: "pending",
    attempts: 0,
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}
