import { NexusError } from "@nexus/errors";
import type { EsWriteOp } from "@nexus/es";
import type { AdIndexWriter } from "../src/writer.js";

export interface StoredDoc {
  readonly op: EsWriteOp;
  readonly version: number;
}

/** An in-memory AdIndexWriter with the port's contract: higher version wins, stale writes are ignored. */
export function createFakeWriter(): AdIndexWriter & {
  docs: Map<string, StoredDoc>;
  writes: EsWriteOp[];
  failNext: (error: Error) => void;
} {
  const docs = new Map<string, StoredDoc>();
  const writes: EsWriteOp[] = [];
  const failures: Error[] = [];
  const idOf = (op: EsWriteOp): string =>
    op.kind === "ad"
      ? `ad:${op.ad.adId}`
      : op.kind === "entity"
        ? `entity:${op.entity.entityId}`
        : `entity:${op.redirect.entityId}`;
  return {
    docs,
    writes,
    failNext: (error) => failures.push(error),
    async write(ops) {
      const failure = failures.shift();
      if (failure) throw failure;
      for (const op of ops) {
        writes.push(op);
        const id = idOf(op);
        const current = docs.get(id);
        if (current === undefined || current.version < op.version) docs.set(id, { op, version: op.version });
      }
    },
  };
}

export const rejected = (): NexusError => new NexusError("NEXUS_ES_REJECTED", "mapper_parsing_exception on body");
export const backpressure = (): NexusError =>
  new NexusError("NEXUS_ES_BACKPRESSURE", "429 too many requests", { retryable: true });
