import type { Output, Topology } from "@nexus/kafka-runtime";
import { toAdFeatures } from "@nexus/pipeline";
import type { AdFeatures, ResolutionUpdate, Resolver } from "@nexus/resolution";
import { TOPICS } from "@nexus/schemas";

/** The resolver's state changelog: the features of every ad it has taken, in the order it took them. */
export const RESOLVER_CHANGELOG = "nexus.resolver.features.changelog.v1";

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
  return {
    name: "nexus-resolver",
    input: TOPICS.adsEnriched,
    outputs: [TOPICS.links, TOPICS.entityChanges, TOPICS.adsResolved],
    state: {
      changelog: RESOLVER_CHANGELOG,
      restore(_key, value) {
        if (value !== null) resolver.ingest(value as AdFeatures);
      },
    },
    handle(enriched) {
      // Replayed after a crash, past the changelog: its outputs were produced already.
      if (resolver.entityOfAd(enriched.id) !== undefined) return [];
      const features = toAdFeatures(enriched);
      const update = resolver.ingest(features);
      return [{ topic: RESOLVER_CHANGELOG, key: enriched.id, value: features }, ...updateOutputs(enriched.id, update)];
    },
  };
}
