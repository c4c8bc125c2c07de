import { adInputFromEnriched } from "@nexus/es";
import type { Topology } from "@nexus/kafka-runtime";
import type { EnrichedAd, ResolvedAd } from "@nexus/schemas";
import { TOPICS } from "@nexus/schemas";
import type { Store } from "@nexus/store";
import type { KeyedLock } from "./keyed-lock.js";
import type { AdIndexWriter } from "./writer.js";

export interface IndexerDeps {
  readonly store: Store;
  readonly writer: AdIndexWriter;
  readonly lock: KeyedLock;
}

/** Store keys: one namespace per side of the join and one for the version counters. */
export const KEYS = {
  enriched: (adId: string) => `ad/enriched/${adId}`,
  resolved: (adId: string) => `ad/resolved/${adId}`,
  adVersion: (adId: string) => `ad/version/${adId}`,
  entity: (entityId: string) => `entity/doc/${entityId}`,
  entityVersion: (entityId: string) => `entity/version/${entityId}`,
} as const;

type Resolution = Pick<ResolvedAd, "adId" | "personaId" | "networkId">;

/**
 * Writes the ad document from both sides known so far. The version is bumped and persisted (with
 * the side just received) before the write, so newer information always carries a higher version;
 * a replay after a crash writes the same content again under a higher version, which is harmless.
 */
async function indexAd(deps: IndexerDeps, adId: string, side: { key: string; value: unknown }): Promise<void> {
  const { store, writer } = deps;
  const [enriched, resolved, previous] = await Promise.all([
    store.get<EnrichedAd>(KEYS.enriched(adId)),
    store.get<Resolution>(KEYS.resolved(adId)),
    store.get<number>(KEYS.adVersion(adId)),
  ]);
  const version = (previous ?? 0) + 1;
  await store.write(
    [
      { type: "put", key: side.key, value: side.value },
      { type: "put", key: KEYS.adVersion(adId), value: version },
    ],
    { sync: true },
  );
  const ad = side.key === KEYS.enriched(adId) ? (side.value as EnrichedAd) : enriched;
  const resolution = side.key === KEYS.resolved(adId) ? (side.value as Resolution) : resolved;
  // Resolution before its ad: remembered, written when the ad arrives.
  if (ad === undefined) return;
  await writer.write([{ kind: "ad", ad: adInputFromEnriched(ad, resolution), version }]);
}

/** nexus.ads.enriched.v1 → the ad document, with the resolution known so far. ES is the sink: no outputs. */
export function createEnrichedTopology(deps: IndexerDeps): Topology<typeof TOPICS.adsEnriched> {
  return {
    name: "nexus-indexer-ads",
    input: TOPICS.adsEnriched,
    outputs: [],
    async handle(enriched) {
      await deps.lock.run(enriched.id, () =>
        indexAd(deps, enriched.id, { key: KEYS.enriched(enriched.id), value: enriched }),
      );
      return [];
    },
  };
}

/** nexus.ads.resolved.v1 → the ad document again, now with its persona and network. */
export function createResolvedTopology(deps: IndexerDeps): Topology<typeof TOPICS.adsResolved> {
  return {
    name: "nexus-indexer-resolved",
    input: TOPICS.adsResolved,
    outputs: [],
    async handle(resolved) {
      const value: Resolution = { adId: resolved.adId, personaId: resolved.personaId, networkId: resolved.networkId };
      await deps.lock.run(resolved.adId, () =>
        indexAd(deps, resolved.adId, { key: KEYS.resolved(resolved.adId), value }),
      );
      return [];
    },
  };
}
