import type { Output, Topology } from "@nexus/kafka-runtime";
import type { ClusteredAd, Clusterer, ResolutionUpdate } from "@nexus/resolution";
import { type AdResolution, type EnrichedAd, type MatchBatch, TOPICS } from "@nexus/schemas";

/** The resolver's state changelog: every matcher batch it accepted, keyed "<seq>/<replica>". */
export const RESOLVER_CHANGELOG = "nexus.resolver.matches.changelog.v1";

/** The one event per taken ad that watches are evaluated on: the ad, where it landed, what it changed. */
function resolutionOutput(ad: EnrichedAd | undefined, taken: ClusteredAd): Output[] {
  const landed = taken.update.resolved.find((resolved) => resolved.adId === taken.adId);
  if (!landed || !ad) return [];
  const changes = taken.update.changes.map((change, i) => ({ id: `${taken.adId}/${i}`, ...change }));
  const value: AdResolution = {
    seq: taken.seq + 1,
    ad,
    personaId: landed.personaId,
    networkId: landed.networkId,
    changes,
  };
  return [{ topic: TOPICS.adsResolutions, key: taken.adId, value }];
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
 * resolve: the matcher replicas' batches → links, entity changes, resolved ads and resolutions.
 * An ad is taken, in seq order, once every replica's batch for it is in; the entities are the ones
 * one resolver would build. Stateful and global, so it runs as one instance; its state is rebuilt
 * from the changelog (batches waiting for their siblings included) before it consumes.
 */
export function createResolverTopology(clusterer: Clusterer): Topology<typeof TOPICS.matches> {
  // The ads carried by owner batches, until their seq is taken.
  const ads = new Map<number, EnrichedAd>();
  const receive = (batch: MatchBatch): { accepted: boolean; taken: ClusteredAd[] } => {
    const { ad, ...match } = batch;
    const result = clusterer.receive(match);
    if (result.accepted && ad) ads.set(batch.seq, ad);
    return result;
  };
  const handOn = (taken: ClusteredAd): EnrichedAd | undefined => {
    const ad = ads.get(taken.seq);
    ads.delete(taken.seq);
    return ad;
  };
  return {
    name: "nexus-resolver",
    input: TOPICS.matches,
    outputs: [TOPICS.links, TOPICS.entityChanges, TOPICS.adsResolved, TOPICS.adsResolutions],
    state: {
      changelog: RESOLVER_CHANGELOG,
      restore(_key, value) {
        if (value !== null) for (const taken of receive(value as MatchBatch).taken) handOn(taken);
      },
    },
    handle(batch) {
      const { accepted, taken } = receive(batch);
      // Replayed after a crash, past the changelog: its outputs were produced already.
      if (!accepted) return [];
      // The changelog record goes last (see the matcher): outputs are never lost behind restored state.
      return [
        ...taken.flatMap((ad) => [...updateOutputs(ad.adId, ad.update), ...resolutionOutput(handOn(ad), ad)]),
        { topic: RESOLVER_CHANGELOG, key: `${batch.seq}/${batch.replica}`, value: batch },
      ];
    },
  };
}
