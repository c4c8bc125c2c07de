import { join } from "node:path";
import { type AlertService, createAlertEvaluator } from "@nexus/alerting";
import type { EsIndexer } from "@nexus/es";
import { createHammingIndex } from "@nexus/image-hash";
import { createImageHasher, type ImageInputOptions } from "@nexus/image-input";
import type { ImageHasherPort } from "@nexus/pipeline";
import { parseRawAdLine } from "@nexus/pipeline";
import {
  type AnalystDecision,
  createResolver,
  type EntitySummary,
  type Explanation,
  type ResolutionConfig,
  type ResolutionUpdate,
  type Resolver,
} from "@nexus/resolution";
import type { DeadLetter, EnrichedAd, RawAd } from "@nexus/schemas";
import type { SearchQuery, SearchResult } from "@nexus/search-index";
import { openStore, type Store } from "@nexus/store";
import { acceptAds } from "./accept.js";
import { type AlertSinks, alertsById, createStoreAlertService, loadWatches } from "./alerts.js";
import { loadDecisions, recordDecision, type StoredDecision } from "./decisions.js";
import { createEngineDispatcher, type WebhookOptions } from "./deliveries.js";
import { createEsSink } from "./es-sink.js";
import { KEYS } from "./keys.js";
import { createLazySearchIndex, type LazySearchIndex } from "./lazy-search.js";
import {
  type ImageIndex,
  type ProcessStats,
  processPending,
  replayProcessed,
  type StoredEnrichedAd,
} from "./process.js";

export interface EngineOptions {
  readonly dataDir: string;
  readonly images?: ImageInputOptions;
  readonly imageConcurrency?: number;
  readonly resolution?: Partial<ResolutionConfig>;
  /** Replaces the sharp-based hasher (tests). */
  readonly hasher?: ImageHasherPort;
  /** When set, processed ads and entities are also indexed into Elasticsearch. */
  readonly esIndexer?: EsIndexer;
  /** Webhook delivery of alerts (signed, retried, flood-controlled). */
  readonly webhooks?: WebhookOptions;
}

export interface IngestProgress {
  read: number;
  accepted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  processed: number;
}

export interface IngestSummary extends IngestProgress {
  readonly failed: number;
  readonly imageErrors: number;
  /** Chunks Elasticsearch did not take (re-indexed at the next start). */
  readonly indexErrors: number;
  readonly lastIndexError?: string;
  readonly interrupted: boolean;
  readonly rejections: readonly { line?: number; code: string; message: string }[];
}

export interface IngestOptions {
  readonly onProgress?: (progress: Readonly<IngestProgress>) => void;
  readonly signal?: AbortSignal;
  readonly defaultSource?: string;
  /** Ads accepted per durable batch. */
  readonly batchSize?: number;
}

export interface Engine {
  ingest(lines: AsyncIterable<string>, options?: IngestOptions): Promise<IngestSummary>;
  entities(layer?: "persona" | "network"): EntitySummary[];
  entityOfAd(adId: string, layer?: "persona" | "network"): EntitySummary | undefined;
  /** Full-text search; the first call builds the index from the store. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** Ads with a photo within `maxDistance` of any of `hashes` (pass all 8 dihedral hashes to match flips), closest first. */
  searchImage(hashes: readonly string[], maxDistance: number): { adId: string; distance: number }[];
  explain(adA: string, adB: string): Explanation;
  /** Must-link / cannot-link between ads or entities: applied now, persisted, honoured after restarts. */
  decide(decision: AnalystDecision): Promise<ResolutionUpdate>;
  /** Marks a value (phone, photo, phrase…) generic or specific, overriding automatic demotion. */
  overrideGeneric(key: string, mode: "generic" | "specific", by?: string): Promise<ResolutionUpdate>;
  /** Every decision and override taken, oldest first, with when it was taken. */
  decisions(): Promise<StoredDecision[]>;
  ad(adId: string): Promise<EnrichedAd | undefined>;
  deadLetters(): AsyncIterable<DeadLetter>;
  /** Watches and alerts: watches are evaluated on every new ad after resolution. */
  readonly alerting: AlertService;
  readonly resolver: Resolver;
  close(): Promise<void>;
}

function hasherFrom(options: EngineOptions): ImageHasherPort {
  if (options.hasher) return options.hasher;
  const hasher = createImageHasher({ allowFile: true, ...options.images });
  return { hash: (ref) => hasher.hash(ref) };
}

/**
 * Opens the embedded runtime on a data directory: rebuilds the in-memory state from what was
 * processed before, then finishes any accepted ads a crash left unprocessed.
 */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const store = await openStore(join(options.dataDir, "store"));
  const resolver = createResolver(options.resolution);
  const search = createLazySearchIndex(store);
  const images = createHammingIndex<string>();
  const sink = options.esIndexer ? createEsSink(options.esIndexer, resolver, store) : undefined;
  const evaluator = createAlertEvaluator();
  await loadWatches(store, evaluator);
  const dispatcher = createEngineDispatcher(
    { store, evaluator, alertsOf: (ids) => alertsById(store, ids) },
    options.webhooks ?? {},
  );
  await dispatcher.resume();
  const alertSinks: AlertSinks = { listeners: new Set(), deliver: (alerts) => dispatcher.enqueue(alerts) };
  const deps = {
    store,
    resolver,
    search,
    images,
    hasher: hasherFrom(options),
    concurrency: options.imageConcurrency ?? 4,
    evaluator,
    alertSinks,
    ...(sink ? { sink } : {}),
  };
  await replayProcessed(deps);
  await processPending(deps);
  await sink?.catchUp();
  const engine = buildEngine(store, deps);
  return {
    ...engine,
    // Digest windows close at once and in-flight requests finish; retries left are resumed next start.
    async close() {
      await dispatcher.flush({ closeWindows: true });
      await dispatcher.close();
      await engine.close();
    },
  };
}

function nearestAds(
  index: ImageIndex,
  hashes: readonly string[],
  maxDistance: number,
): { adId: string; distance: number }[] {
  const best = new Map<string, number>();
  for (const hash of hashes) {
    for (const match of index.query(hash, maxDistance)) {
      const known = best.get(match.value);
      if (known === undefined || match.distance < known) best.set(match.value, match.distance);
    }
  }
  return [...best]
    .map(([adId, distance]) => ({ adId, distance }))
    .sort((a, b) => a.distance - b.distance || (a.adId < b.adId ? -1 : 1));
}

function buildEngine(
  store: Store,
  deps: { resolver: Resolver; search: LazySearchIndex } & Parameters<typeof processPending>[0],
): Engine {
  return {
    resolver: deps.resolver,
    alerting: createStoreAlertService({
      store,
      evaluator: deps.evaluator,
      resolver: deps.resolver,
      sinks: deps.alertSinks,
    }),
    ingest: (lines, options) => ingestLines(deps, lines, options),
    entities: (layer = "network") => deps.resolver.entities(layer),
    entityOfAd: (adId, layer) => deps.resolver.entityOfAd(adId, layer),
    search: async (query) => (await deps.search.ready()).search(query),
    searchImage: (hashes, maxDistance) => nearestAds(deps.images, hashes, maxDistance),
    explain: (adA, adB) => deps.resolver.explain(adA, adB),
    decide: (decision) => recordDecision(store, deps.resolver, { kind: "decision", decision }),
    overrideGeneric: (key, mode, by) =>
      recordDecision(store, deps.resolver, { kind: "override", key, mode, ...(by ? { by } : {}) }),
    decisions: () => loadDecisions(store),
    ad: async (adId) => (await store.get<StoredEnrichedAd>(KEYS.enriched(adId)))?.enriched,
    deadLetters: async function* () {
      for await (const [, letter] of store.scan<DeadLetter>(KEYS.deadLetterPrefix)) yield letter;
    },
    close: () => store.close(),
  };
}

async function ingestLines(
  deps: Parameters<typeof processPending>[0],
  lines: AsyncIterable<string>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const progress: IngestProgress = { read: 0, accepted: 0, updated: 0, duplicates: 0, rejected: 0, processed: 0 };
  const rejections: { line?: number; code: string; message: string }[] = [];
  const totals: ProcessStats = { processed: 0, failed: 0, imageErrors: 0, indexErrors: 0 };
  let batch: RawAd[] = [];
  let letters: DeadLetter[] = [];
  const flush = async (): Promise<void> => {
    const { outcomes } = await acceptAds(deps.store, batch, letters);
    for (const outcome of outcomes) progress[outcome === "duplicate" ? "duplicates" : outcome] += 1;
    batch = [];
    letters = [];
    const stats = await processPending(deps);
    totals.processed += stats.processed;
    totals.failed += stats.failed;
    totals.imageErrors += stats.imageErrors;
    totals.indexErrors += stats.indexErrors;
    if (stats.lastIndexError) totals.lastIndexError = stats.lastIndexError;
    progress.processed = totals.processed;
    options.onProgress?.(progress);
  };
  let lineNumber = 0;
  for await (const line of lines) {
    if (options.signal?.aborted) break;
    lineNumber += 1;
    if (line.trim() === "") continue;
    progress.read += 1;
    const parsed = parseRawAdLine(
      line,
      lineNumber,
      options.defaultSource ? { defaultSource: options.defaultSource } : {},
    );
    if (parsed.ok) batch.push(parsed.ad);
    else {
      letters.push(parsed.deadLetter);
      progress.rejected += 1;
      rejections.push({
        line: lineNumber,
        code: parsed.deadLetter.error.code,
        message: parsed.deadLetter.error.message,
      });
    }
    if (batch.length + letters.length >= (options.batchSize ?? 64)) await flush();
  }
  await flush();
  return { ...progress, ...totals, interrupted: options.signal?.aborted ?? false, rejections };
}
