import type { Output, Topology } from "@nexus/kafka-runtime";
import { toAdFeatures } from "@nexus/pipeline";
import type { AdFeatures, ResolutionUpdate, Resolver } from "@nexus/resolution";
import { type AdResolution, type EnrichedAd, TOPICS } from "@nexus/schemas";

/** The resolver's state changelog: the features of every ad it has taken, in the order it took them. */
export const RESOLVER_CHANGELOG = "nexus.resolver.features.changelog.v1";

/** The one event per taken ad that watches are evaluated on: the ad, where it landed, what it changed. */
function resolutionOutput(enriched: EnrichedAd, update: ResolutionUpdate, seq: number): Output[] {
  const landed = update.resolved.find((resolved) => resolved.adId === enriched.id);
  if (!landed) return [];
  const changes = update.changes.map((change, i) => ({ id: `${enriched.id}/${i}`, ...change }));
  const value: AdResolution = { seq, ad: enriched, personaId: landed.personaId, networkId: landed.networkId, changes };
  return [{ topic: TOPICS.adsResolutions, key: enriched.id, value }];
}

function updateOutputs(adId: string, update: ResolutionUpdate): Output[] {
  return [
    ...update.links.map((link) => {
      const id = `${link.a}|${link.b}`;
      return { topic: TOPICS.links, key: id, value: { id, ...link } };
    }),
    // Event ids derive from the ad that caused them, so a replay produces the same events.
    ...update.changes.map((change, i) => ({
      topic: TOPICS.entityChanges,
      key: change.entityId,
      value: { id: `${adId}/${i}`, ...change },
    })),
    ...update.resolved.map((resolved) => ({ topic: TOPICS.adsResolved, key: resolved.adId, value: resolved })),
  ];
}

/**
 * match + resolve: enriched ad → scored links, entity changes and resolved ads. Stateful and global
 * (an ad may link to any earlier ad), so it runs as one instance; its state is rebuilt from the
 * changelog, in order, before it consumes.
 */
export function createResolverTopology(resolver: Resolver): Topology<typeof TOPICS.adsEnriched> {
  // Ads taken so far: the position of the next one in the resolver's order.
  let taken = 0;
  return {
    name: "nexus-resolver",
    input: TOPICS.adsEnriched,
    outputs: [TOPICS.links, TOPICS.entityChanges, TOPICS.adsResolved, TOPICS.adsResolutions],
    state: {
      changelog: RESOLVER_CHANGELOG,
      restore(_key, value) {
        if (value === null) return;
        resolver.ingest(value as AdFeatures);
        taken += 1;
      },
    },
    handle(enriched) {
      // Replayed after a crash, past the changelog: its outputs were produced already.
      if (resolver.entityOfAd(enriched.id) !== undefined) return [];
      const features = toAdFeatures(enriched);
      const update = resolver.ingest(features);
      taken += 1;
      return [
        { topic: RESOLVER_CHANGELOG, key: enriched.id, value: features },
        ...updateOutputs(enriched.id, update),
        ...resolutionOutput(enriched, update, taken),
      ];
    },
  };
}
