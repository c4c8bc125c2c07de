import { type EsEntityDocument, entityChangeOps } from "@nexus/es";
import type { Topology } from "@nexus/kafka-runtime";
import { type EntityChange, TOPICS } from "@nexus/schemas";
import type { StoreOp } from "@nexus/store";
import { type IndexerDeps, KEYS } from "./ad-topologies.js";

export interface EntityTopologyDeps extends IndexerDeps {
  /** ISO 8601 time stamped on written entity documents. */
  readonly now: () => string;
}

function touchedIds(change: EntityChange): string[] {
  return [...new Set([change.entityId, ...(change.mergedFrom ?? []), ...(change.splitInto ?? [])])];
}

/**
 * One version for every document a change touches, above each one's previous version: an absorbed
 * id's redirect must outrank the document it replaces, which carried that id's own counter.
 */
async function nextVersion(deps: EntityTopologyDeps, ids: readonly string[]): Promise<number> {
  const versions = await deps.store.getMany<number>(ids.map(KEYS.entityVersion));
  return Math.max(0, ...versions.map((v) => v ?? 0)) + 1;
}

async function indexChange(deps: EntityTopologyDeps, change: EntityChange): Promise<void> {
  const ids = touchedIds(change);
  const version = await nextVersion(deps, ids);
  const known = await deps.store.getMany<EsEntityDocument>(ids.map(KEYS.entity));
  const docs = new Map<string, EsEntityDocument>();
  ids.forEach((id, i) => {
    const doc = known[i];
    if (doc !== undefined) docs.set(id, doc);
  });
  // The change carries the entity's full membership; other fields are not on the topic yet.
  docs.set(change.entityId, {
    entityId: change.entityId,
    layer: change.layer,
    adIds: change.adIds,
    updatedAt: deps.now(),
  });
  const absorbed = change.type === "merged" ? (change.mergedFrom ?? []).filter((id) => id !== change.entityId) : [];
  for (const id of absorbed) docs.delete(id);
  const ops: StoreOp[] = [
    ...ids.map((id): StoreOp => ({ type: "put", key: KEYS.entityVersion(id), value: version })),
    { type: "put", key: KEYS.entity(change.entityId), value: docs.get(change.entityId) },
    ...absorbed.map((id): StoreOp => ({ type: "del", key: KEYS.entity(id) })),
  ];
  await deps.store.write(ops, { sync: true });
  await deps.writer.write(entityChangeOps(change, (id) => docs.get(id), version));
}

/** nexus.entities.changes.v1 → entity documents; a merge leaves a redirect at every absorbed id. */
export function createEntityTopology(deps: EntityTopologyDeps): Topology<typeof TOPICS.entityChanges> {
  return {
    name: "nexus-indexer-entities",
    input: TOPICS.entityChanges,
    outputs: [],
    async handle(change) {
      // Entity changes are keyed by entity id, but one change touches several ids: one lock for all.
      await deps.lock.run("entities", () => indexChange(deps, change));
      return [];
    },
  };
}
