import { finish } from "./arrival.js";
import { storeEdge } from "./linking.js";
import { ClusterState, UpdateBuilder } from "./state.js";
import type { Layer, MatchBatch, ResolutionUpdate } from "./types.js";

/** The clustering half of the resolver, fed with matcher batches instead of ad features. */
class ClustersOnly extends ClusterState {
  readonly ids: string[] = [];

  adId(seq: number): string {
    return this.ids[seq] as string;
  }
}

/** An ad the clusterer took, with what taking it changed. */
export interface ClusteredAd {
  readonly seq: number;
  readonly adId: string;
  readonly update: ResolutionUpdate;
}

/**
 * The resolve stage of a split deployment. Batches arrive interleaved from the matcher replicas;
 * an ad is taken, in order, once the batch of every replica for it is in, so the entities are the
 * ones a single resolver would build from the same ads in the same order.
 */
export interface Clusterer {
  /** `accepted: false` for a batch seen before (a replay); `taken` lists the ads it completed. */
  receive(batch: MatchBatch): { accepted: boolean; taken: ClusteredAd[] };
  /** Ads taken so far; the next ad to take has this seq. */
  readonly taken: number;
  /** Batches waiting for the rest of their ad's batches. */
  readonly pending: number;
  entityOf(adId: string, layer?: Layer): string | undefined;
  /** Every entity of a layer (default "network") with its ads. */
  entities(layer?: Layer): { id: string; adIds: string[] }[];
}

function take(state: ClustersOnly, batches: readonly MatchBatch[]): ClusteredAd {
  const [first] = batches as [MatchBatch];
  const { seq, adId } = first;
  state.ids[seq] = adId;
  const update = new UpdateBuilder();
  update.dirty.add(seq);
  for (const batch of batches) for (const edge of batch.edges) storeEdge(state, [edge.a, edge.b], edge, update);
  // Every replica sees the same generic values; one copy of the demotions is the list.
  update.demotions.push(...first.demotions);
  return { seq, adId, update: finish(state, update, `ad ${adId} arrived`) };
}

export function createClusterer(): Clusterer {
  const state = new ClustersOnly();
  const waiting = new Map<number, Map<number, MatchBatch>>();
  const seqOf = new Map<string, number>();
  const complete = (group: Map<number, MatchBatch> | undefined): group is Map<number, MatchBatch> => {
    const replicas = group?.values().next().value?.replicas;
    return group !== undefined && replicas !== undefined && group.size >= replicas;
  };
  return {
    get taken() {
      return state.ids.length;
    },
    get pending() {
      let count = 0;
      for (const group of waiting.values()) count += group.size;
      return count;
    },
    receive(batch) {
      const group = waiting.get(batch.seq) ?? new Map<number, MatchBatch>();
      if (batch.seq < state.ids.length || group.has(batch.replica)) return { accepted: false, taken: [] };
      group.set(batch.replica, batch);
      waiting.set(batch.seq, group);
      const taken: ClusteredAd[] = [];
      for (let next = waiting.get(state.ids.length); complete(next); next = waiting.get(state.ids.length)) {
        waiting.delete(state.ids.length);
        const ad = take(
          state,
          [...next.values()].sort((x, y) => x.replica - y.replica),
        );
        seqOf.set(ad.adId, ad.seq);
        taken.push(ad);
      }
      return { accepted: true, taken };
    },
    entityOf(adId, layer = "network") {
      const seq = seqOf.get(adId);
      return seq === undefined ? undefined : state.layer(layer).of(seq)?.id;
    },
    entities: (layer = "network") =>
      state
        .layer(layer)
        .all()
        .map((entity) => ({ id: entity.id, adIds: state.adIds(entity.members) })),
  };
}
