import type { ErrorCode } from "@nexus/errors";
import {
  type EsAdInput,
  type EsEntityDocument,
  type EsEntityRedirect,
  entitySource,
  toAdDocument,
} from "./documents.js";
import type { EsIndexNames } from "./names.js";

/**
 * One write. `version` is the caller's monotonically increasing version of that document (e.g. the
 * Kafka offset or the entity's change sequence): Elasticsearch keeps the highest, so a replay or an
 * update that arrives late is refused (409) instead of overwriting newer data.
 */
export type EsWriteOp =
  | { readonly kind: "ad"; readonly ad: EsAdInput; readonly version: number }
  | { readonly kind: "entity"; readonly entity: EsEntityDocument; readonly version: number }
  | { readonly kind: "redirect"; readonly redirect: EsEntityRedirect; readonly version: number };

/** An operation serialised once: its NDJSON lines and their size, which is what batches are cut by. */
export interface BulkItem {
  readonly id: string;
  readonly index: string;
  readonly kind: EsWriteOp["kind"];
  readonly lines: string;
  readonly bytes: number;
  attempts: number;
}

/** A document Nexus did not get into Elasticsearch, and why. Every one is reported. */
export interface EsDrop {
  readonly id: string;
  readonly index: string;
  readonly kind: EsWriteOp["kind"];
  readonly code: ErrorCode;
  readonly status?: number;
  readonly reason: string;
  readonly attempts: number;
}

// Elasticsearch external versions are non-negative longs; JavaScript numbers are exact up to 2^53.
function validVersion(version: number): boolean {
  return Number.isSafeInteger(version) && version >= 0;
}

function target(op: EsWriteOp, names: EsIndexNames): { id: string; index: string; source: object } {
  switch (op.kind) {
    case "ad":
      return { id: op.ad.adId, index: names.ads, source: toAdDocument(op.ad) };
    case "entity":
      return { id: op.entity.entityId, index: names.entities, source: entitySource(op.entity) };
    case "redirect":
      return { id: op.redirect.entityId, index: names.entities, source: op.redirect };
  }
}

const encoder = new TextEncoder();

/** Serialise an operation, or say why it cannot be written (reported as a drop, never thrown). */
export function toBulkItem(op: EsWriteOp, names: EsIndexNames): BulkItem | EsDrop {
  let t: { id: string; index: string; source: object };
  try {
    t = target(op, names);
  } catch (error) {
    const id = op.kind === "ad" ? op.ad.adId : op.kind === "entity" ? op.entity.entityId : op.redirect.entityId;
    const reason = `could not build the document: ${error instanceof Error ? error.message : String(error)}`;
    return { id: String(id), index: "", kind: op.kind, code: "NEXUS_ES_REJECTED", reason, attempts: 0 };
  }
  if (typeof t.id !== "string" || t.id.length === 0 || encoder.encode(t.id).length > 512) {
    return { ...dropBase(t, op), reason: "document id must be 1-512 bytes" };
  }
  if (!validVersion(op.version)) {
    return { ...dropBase(t, op), reason: `version must be a non-negative safe integer, got ${op.version}` };
  }
  const action = { index: { _index: t.index, _id: t.id, version: op.version, version_type: "external" } };
  const lines = `${JSON.stringify(action)}\n${JSON.stringify({ ...t.source, version: op.version })}\n`;
  return { id: t.id, index: t.index, kind: op.kind, lines, bytes: encoder.encode(lines).length, attempts: 0 };
}

function dropBase(t: { id: string; index: string }, op: EsWriteOp): Omit<EsDrop, "reason"> {
  return { id: String(t.id), index: t.index, kind: op.kind, code: "NEXUS_ES_REJECTED", attempts: 0 };
}

export function isDrop(value: BulkItem | EsDrop): value is EsDrop {
  return "code" in value;
}

/** Cut items into batches of at most `maxBytes` and `maxDocs` (an item bigger than maxBytes goes alone). */
export function cutBatches(items: readonly BulkItem[], limits: { maxBytes: number; maxDocs: number }): BulkItem[][] {
  const batches: BulkItem[][] = [];
  let current: BulkItem[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (bytes + item.bytes > limits.maxBytes || current.length >= limits.maxDocs)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
