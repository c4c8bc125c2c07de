import type { EntityChange } from "@nexus/schemas";
import type { EsEntityDocument } from "./documents.js";
import type { EsWriteOp } from "./operations.js";

/** The current state of an entity, as the resolver holds it; undefined when it no longer exists. */
export type EntityLookup = (entityId: string) => EsEntityDocument | undefined;

/**
 * The writes that bring the entities index in line with one change event: the changed entity's
 * document; on a merge, a redirect for each absorbed id (so links to it still resolve); on a split,
 * a document for every part. All carry the same version (the change's sequence number), so a
 * replayed or reordered change is refused rather than undoing a newer one.
 */
export function entityChangeOps(change: EntityChange, lookup: EntityLookup, version: number): EsWriteOp[] {
  const ops: EsWriteOp[] = [];
  const write = (entityId: string): void => {
    const entity = lookup(entityId);
    if (entity !== undefined) ops.push({ kind: "entity", entity, version });
  };
  write(change.entityId);
  const updatedAt = lookup(change.entityId)?.updatedAt ?? new Date(0).toISOString();
  if (change.type === "merged") {
    for (const absorbed of change.mergedFrom ?? []) {
      if (absorbed === change.entityId) continue;
      ops.push({
        kind: "redirect",
        redirect: { entityId: absorbed, layer: change.layer, redirectTo: change.entityId, updatedAt },
        version,
      });
    }
  }
  if (change.type === "split") {
    for (const part of change.splitInto ?? []) if (part !== change.entityId) write(part);
  }
  return ops;
}
