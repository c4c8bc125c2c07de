import { arrive } from "./arrival.js";
import { type ResolutionConfigOverrides, resolveConfig } from "./config.js";
import { ResolverState, UpdateBuilder } from "./state.js";
import type { AdFeatures, MatchBatch } from "./types.js";

/** Which replica this is, of how many. Every replica reads every ad, in one shared order. */
export interface MatchShare {
  readonly replica: number;
  readonly replicas: number;
}

/**
 * The matching stage of a split deployment. Each replica keeps the whole blocking index and the
 * generic-value counts (identical in every replica, because they read the same ads in the same
 * order) but scores only the pairs whose later ad falls to it, so the replicas divide the scoring
 * and every pair is scored exactly once. Demotions re-score only the replica's own pairs.
 */
export interface Matcher {
  readonly share: MatchShare;
  /** The batch for a new ad; undefined for an ad taken before (a replay or a re-scrape). */
  match(ad: AdFeatures): MatchBatch | undefined;
  /** Ads taken so far. */
  readonly taken: number;
}

export function validShare(share: MatchShare): boolean {
  const { replica, replicas } = share;
  return Number.isInteger(replica) && Number.isInteger(replicas) && replica >= 0 && replica < replicas;
}

export function createMatcher(config: ResolutionConfigOverrides = {}, share: MatchShare = SOLE): Matcher {
  if (!validShare(share)) throw new RangeError(`invalid matcher share ${share.replica} of ${share.replicas}`);
  const { replica, replicas } = share;
  const state = new ResolverState(resolveConfig(config), (laterSeq) => laterSeq % replicas === replica);
  return {
    share,
    get taken() {
      return state.ads.length;
    },
    match(features) {
      if (state.seqOf.has(features.adId)) return undefined;
      const update = new UpdateBuilder();
      const record = arrive(state, features, update);
      const edges = [...update.scored.values()];
      return { seq: record.seq, adId: record.adId, replica, replicas, edges, demotions: update.demotions };
    },
  };
}

const SOLE: MatchShare = { replica: 0, replicas: 1 };
