import type { Topology } from "@nexus/kafka-runtime";
import { toAdFeatures } from "@nexus/pipeline";
import type { AdFeatures, Matcher } from "@nexus/resolution";
import { TOPICS } from "@nexus/schemas";

/** Each replica's own changelog: the features it took, in the order it took them. */
export function matcherChangelog(replica: number): string {
  return `nexus.matcher.${replica}.features.changelog.v1`;
}

/**
 * match: enriched ad → this replica's batch of scored pairs. Every replica is its own consumer
 * group and reads the whole one-partition enriched topic, so all of them see the ads in the same
 * order and keep identical indexes; each scores only its share of the pairs. The replica that owns
 * the ad's seq also carries the ad, for the resolver to hand on to the alerter.
 */
export function createMatcherTopology(matcher: Matcher): Topology<typeof TOPICS.adsEnriched> {
  const { replica, replicas } = matcher.share;
  const changelog = matcherChangelog(replica);
  return {
    name: `nexus-matcher-${replica}`,
    input: TOPICS.adsEnriched,
    outputs: [TOPICS.matches],
    state: {
      changelog,
      restore(_key, value) {
        if (value !== null) matcher.match(value as AdFeatures);
      },
    },
    handle(enriched) {
      const features = toAdFeatures(enriched);
      const batch = matcher.match(features);
      // A replay after a crash, or a re-scrape: taken before, its batch was produced then.
      if (batch === undefined) return [];
      const value = batch.seq % replicas === replica ? { ...batch, ad: enriched } : batch;
      // The changelog record goes last: a large burst is produced in several requests, and an ad
      // must never be in the state a restart restores while its batch was never produced.
      return [
        { topic: TOPICS.matches, key: `${batch.seq}/${replica}`, value },
        { topic: changelog, key: enriched.id, value: features },
      ];
    },
  };
}
