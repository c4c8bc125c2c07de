import type { AdRecord } from "./ad-record.js";
import { demoteContact, demotePhoto, demotePhrases } from "./generic.js";
import { scoreCandidates } from "./linking.js";
import { recluster } from "./recluster.js";
import { type CandidateSink, type ClusterState, IGNORED, type ResolverState, type UpdateBuilder } from "./state.js";
import type { AdFeatures, ResolutionUpdate } from "./types.js";

/**
 * The matching half of an ad's arrival: index it, demote the values it made generic (re-scoring
 * what leaned on them), and score it against its blocking candidates. Clustering is left to the
 * caller. The ad must be new (callers check `seqOf`).
 */
export function arrive(state: ResolverState, features: AdFeatures, update: UpdateBuilder): AdRecord {
  const record = state.add(features);
  // Only the replica that scores this ad's pairs needs its candidates; the others only keep their
  // indexes and generic-value counts in step.
  const owned = state.owns(record.seq);
  const candidates = new Set<number>();
  const sink: CandidateSink = owned ? candidates : IGNORED;
  const contactFlips = state.contacts.add(record);
  const photoFlips = state.photos.add(record, (seq) => state.ad(seq), sink);
  const phraseFlips = state.phrases.count(record);
  for (const key of contactFlips) demoteContact(state, key, update);
  for (const node of photoFlips) demotePhoto(state, node, update);
  demotePhrases(state, phraseFlips, { current: record }, update);
  if (owned) state.contacts.candidates(record, candidates);
  state.phrases.register(record, sink);
  if (owned) scoreCandidates(state, record, candidates, update);
  update.dirty.add(record.seq);
  return record;
}

/** The clustering half: recompute the entities around what the update touched. */
export function finish(state: ClusterState, update: UpdateBuilder, reason: string): ResolutionUpdate {
  const { changes, resolved } = recluster(state, update, reason);
  return { links: [...update.links.values()], changes, resolved, demotions: update.demotions };
}
