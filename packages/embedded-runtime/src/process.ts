import type { AlertEvaluator } from "@nexus/alerting";
import { toNexusError } from "@nexus/errors";
import type { HammingIndex } from "@nexus/image-hash";
import { enrichAd, extractAd, type ImageHasherPort, toAdFeatures } from "@nexus/pipeline";
import type { ResolutionUpdate, Resolver } from "@nexus/resolution";
import type { Alert, DeadLetter, EnrichedAd } from "@nexus/schemas";
import { TOPICS } from "@nexus/schemas";
import type { SearchIndex } from "@nexus/search-index";
import type { Store, StoreOp } from "@nexus/store";
import type { StoredRawAd } from "./accept.js";
import { type AlertSinks, alertOps, evaluateAd, publishAlerts } from "./alerts.js";
import { applyDecision, loadDecisions, type StoredDecision } from "./decisions.js";
import type { IndexSink } from "./es-sink.js";
import { KEYS, seqOfKey } from "./keys.js";
import { mapWithLimit } from "./run-pool.js";
import { toSearchDocument } from "./search-document.js";

/** Every stored photo hash → the ads that carry it, for image search. */
export type ImageIndex = HammingIndex<string>;

export interface StageDeps {
  /** Optional: where processed ads and entities are also indexed (Elasticsearch). */
  readonly sink?: IndexSink;
  readonly store: Store;
  readonly images: ImageIndex;
  readonly hasher: ImageHasherPort;
  readonly resolver: Resolver;
  readonly search: Pick<SearchIndex, "upsert">;
  readonly concurrency: number;
  readonly evaluator: AlertEvaluator;
  readonly alertSinks: AlertSinks;
}

export interface StoredEnrichedAd {
  readonly seq: number;
  readonly enriched: EnrichedAd;
}

export interface ProcessStats {
  processed: number;
  failed: number;
  imageErrors: number;
  /** Chunks the index sink could not take; they are indexed again at the next start (catch-up). */
  indexErrors: number;
  lastIndexError?: string;
}

async function indexChunk(
  sink: IndexSink | undefined,
  chunk: { processed: EnrichedAd[]; updates: ResolutionUpdate[]; cursor: number },
  stats: ProcessStats,
): Promise<void> {
  if (!sink) return;
  try {
    await sink.index(chunk.processed, chunk.updates, chunk.cursor);
  } catch (thrown) {
    // Search indexing must not stop ingestion: the ads are safe in the store and caught up later.
    stats.indexErrors += 1;
    stats.lastIndexError = toNexusError(thrown).message;
  }
}

const CHUNK = 64;

const now = (): string => new Date().toISOString();

/**
 * Feeds one processed ad to the in-memory state: the resolver, the local search index and the
 * watches (which raise alerts only when `raise`, not while history is replayed).
 */
export function applyToState(
  deps: Pick<StageDeps, "resolver" | "search" | "images" | "evaluator">,
  enriched: EnrichedAd,
  position: { seq: number; raise: boolean },
): { update?: ResolutionUpdate; alerts: Alert[] } {
  for (const image of enriched.images) if (image.pdq) deps.images.add(image.pdq, enriched.id);
  deps.search.upsert(toSearchDocument(enriched));
  // A re-scraped ad whose content changed keeps its links until the next start, when the replay
  // resolves only its latest version: the resolver takes each ad id once, and so do the watches.
  if (deps.resolver.entityOfAd(enriched.id) !== undefined) return { alerts: [] };
  const update = deps.resolver.ingest(toAdFeatures(enriched));
  const alerts = evaluateAd(
    deps.evaluator,
    { enriched, update, seq: position.seq },
    { raise: position.raise, raisedAt: now },
  );
  return { update, alerts };
}

async function readChunk(store: Store, cursor: number): Promise<{ seq: number; adId: string }[]> {
  const entries: { seq: number; adId: string }[] = [];
  for await (const [key, adId] of store.scan<string>(KEYS.seqPrefix, { after: KEYS.seq(cursor), limit: CHUNK })) {
    entries.push({ seq: seqOfKey(key), adId });
  }
  return entries;
}

type Outcome = { ok: true; seq: number; enriched: EnrichedAd } | { ok: false; seq: number; deadLetter: DeadLetter };

async function processOne(raw: StoredRawAd, hasher: ImageHasherPort): Promise<Outcome> {
  try {
    const enriched = await enrichAd(extractAd(raw.ad), hasher);
    return { ok: true, seq: raw.seq, enriched };
  } catch (thrown) {
    const error = toNexusError(thrown, "NEXUS_PROCESSING_FAILED");
    const deadLetter: DeadLetter = {
      topic: TOPICS.adsRaw,
      stage: "extract",
      key: raw.ad.id,
      error: { code: error.code, message: error.message },
      payload: JSON.stringify(raw.ad),
      attempts: 1,
    };
    return { ok: false, seq: raw.seq, deadLetter };
  }
}

/**
 * Processes every accepted ad after the cursor, in arrival order, one chunk at a time. The chunk's
 * outputs and the new cursor are written in one atomic batch, so a crash repeats at most one chunk
 * and the repeat is harmless (same ids, same results).
 */
export async function processPending(deps: StageDeps, onChunk?: (stats: ProcessStats) => void): Promise<ProcessStats> {
  const stats: ProcessStats = { processed: 0, failed: 0, imageErrors: 0, indexErrors: 0 };
  let cursor = (await deps.store.get<number>(KEYS.cursor)) ?? 0;
  let nextDeadLetter = (await deps.store.get<number>(KEYS.nextDeadLetter)) ?? 1;
  for (
    let entries = await readChunk(deps.store, cursor);
    entries.length > 0;
    entries = await readChunk(deps.store, cursor)
  ) {
    const raws = await deps.store.getMany<StoredRawAd>(entries.map((entry) => KEYS.raw(entry.adId)));
    // A later version of the same ad supersedes this one; it is processed at its own sequence number.
    const current = raws.filter((raw, i): raw is StoredRawAd => raw?.seq === entries[i]?.seq);
    const outcomes = await mapWithLimit(current, deps.concurrency, (raw) => processOne(raw, deps.hasher));
    const ops: StoreOp[] = [];
    const processed: EnrichedAd[] = [];
    const updates: ResolutionUpdate[] = [];
    const alerts: Alert[] = [];
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        ops.push({ type: "put", key: KEYS.deadLetter(nextDeadLetter), value: outcome.deadLetter });
        nextDeadLetter += 1;
        stats.failed += 1;
        continue;
      }
      const applied = applyToState(deps, outcome.enriched, { seq: outcome.seq, raise: true });
      if (applied.update) updates.push(applied.update);
      alerts.push(...applied.alerts);
      processed.push(outcome.enriched);
      const stored: StoredEnrichedAd = { seq: outcome.seq, enriched: outcome.enriched };
      ops.push({ type: "put", key: KEYS.enriched(outcome.enriched.id), value: stored });
      stats.processed += 1;
      stats.imageErrors += outcome.enriched.images.filter((image) => image.error).length;
    }
    cursor = entries[entries.length - 1]?.seq ?? cursor;
    ops.push(
      { type: "put", key: KEYS.cursor, value: cursor },
      { type: "put", key: KEYS.nextDeadLetter, value: nextDeadLetter },
      ...alertOps(alerts),
    );
    await deps.store.write(ops);
    await publishAlerts(deps.alertSinks, alerts);
    await indexChunk(deps.sink, { processed, updates, cursor }, stats);
    onChunk?.(stats);
  }
  return stats;
}

/**
 * Rebuilds the in-memory state from what was processed before, in the same order, with analyst
 * decisions applied at the point of the stream where they were taken: deterministic.
 */
export async function replayProcessed(
  deps: Pick<StageDeps, "store" | "resolver" | "search" | "images" | "evaluator">,
): Promise<number> {
  const cursor = (await deps.store.get<number>(KEYS.cursor)) ?? 0;
  const decisions = await loadDecisions(deps.store);
  const applyDecisionsUpTo = (seq: number): void => {
    while (decisions.length > 0 && (decisions[0]?.afterSeq ?? 0) < seq) {
      applyDecision(deps.resolver, decisions.shift() as StoredDecision);
    }
  };
  let replayed = 0;
  let pending: { seq: number; adId: string }[] = [];
  const flush = async (): Promise<void> => {
    const stored = await deps.store.getMany<StoredEnrichedAd>(pending.map((entry) => KEYS.enriched(entry.adId)));
    pending.forEach((entry, i) => {
      applyDecisionsUpTo(entry.seq);
      const item = stored[i];
      if (item?.seq !== entry.seq) return;
      applyToState(deps, item.enriched, { seq: entry.seq, raise: false });
      replayed += 1;
    });
    pending = [];
  };
  for await (const [key, adId] of deps.store.scan<string>(KEYS.seqPrefix)) {
    const seq = seqOfKey(key);
    if (seq > cursor) break;
    pending.push({ seq, adId });
    if (pending.length >= 512) await flush();
  }
  await flush();
  applyDecisionsUpTo(Number.POSITIVE_INFINITY);
  return replayed;
}
