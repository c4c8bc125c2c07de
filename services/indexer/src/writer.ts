import { NexusError } from "@nexus/errors";
import type { EsDrop, EsIndexer, EsWriteOp } from "@nexus/es";

/**
 * The indexer's sink port: writes versioned documents. Resolves when every op is written or refused
 * as stale (a newer version is already stored); throws NEXUS_ES_REJECTED when any op was rejected,
 * and a retryable NexusError for transient failures.
 */
export interface AdIndexWriter {
  write(ops: readonly EsWriteOp[]): Promise<void>;
}

export interface EsWriterParts {
  /** Built by the caller with `onDrop` wired to `drops.record`, so this writer sees each rejection. */
  readonly indexer: EsIndexer;
  readonly drops: DropCollector;
}

/** Holds rejections reported through `onDrop` until the write that caused them claims them. */
export interface DropCollector {
  record(drop: EsDrop): void;
  take(ids: readonly string[]): EsDrop[];
}

export function createDropCollector(): DropCollector {
  const pending = new Map<string, EsDrop>();
  return {
    record: (drop) => {
      pending.set(`${drop.kind}:${drop.id}`, drop);
    },
    take: (keys) => {
      const found: EsDrop[] = [];
      for (const key of keys) {
        const drop = pending.get(key);
        if (drop === undefined) continue;
        pending.delete(key);
        found.push(drop);
      }
      return found;
    },
  };
}

function opKey(op: EsWriteOp): string {
  if (op.kind === "ad") return `ad:${op.ad.adId}`;
  if (op.kind === "entity") return `entity:${op.entity.entityId}`;
  return `redirect:${op.redirect.entityId}`;
}

/** The Elasticsearch adapter of the port. Transient errors pass through as the indexer throws them (retryable). */
export function createEsAdIndexWriter(parts: EsWriterParts): AdIndexWriter {
  return {
    async write(ops) {
      if (ops.length === 0) return;
      const report = await parts.indexer.write(ops);
      const drops = parts.drops.take(ops.map(opKey));
      if (report.dropped === 0 && drops.length === 0) return;
      const reasons = drops.map((d) => `${d.kind} ${d.id}: ${d.code} ${d.reason}`).join("; ");
      throw new NexusError("NEXUS_ES_REJECTED", `Elasticsearch rejected ${report.dropped} document(s): ${reasons}`, {
        details: { drops: drops.map((d) => ({ ...d })) },
      });
    },
  };
}
