import { type AdRecord, contactKind } from "./ad-record.js";
import { rescoreIncident, scoreCandidates } from "./linking.js";
import type { PhotoNode } from "./photo-index.js";
import type { PhraseFlip } from "./phrase-index.js";
import type { ResolverState, UpdateBuilder } from "./state.js";
import type { GenericDemotion } from "./types.js";

function sourcesOf(state: ResolverState, seqs: Iterable<number>): number {
  const sources = new Set<string>();
  for (const seq of seqs) sources.add(state.ad(seq).source);
  return sources.size;
}

function record(state: ResolverState, demotion: GenericDemotion, update: UpdateBuilder): void {
  state.demotions.set(demotion.key, demotion);
  update.demotions.push(demotion);
}

/** A contact became generic: record it and undo the links that leaned on it. */
export function demoteContact(state: ResolverState, key: string, update: UpdateBuilder): void {
  const stat = state.contacts.stats.get(key);
  if (stat === undefined) return;
  const kind = contactKind(key);
  const demotion: GenericDemotion = {
    key,
    kind,
    reason: state.contacts.reason(stat),
    distinctAds: stat.ads.length,
    distinctSources: stat.sources.size,
  };
  if (stat.override !== undefined) demotion.overridden = true;
  record(state, demotion, update);
  const value = key.slice(kind.length + 1);
  for (const seq of stat.ads) rescoreIncident(state, seq, { kind, value }, update);
}

/**
 * A photo became generic. Near-duplicates of one stock photo flip one after another, so they share
 * the demotion key of the first generic neighbour instead of flooding the list.
 */
export function demotePhoto(state: ResolverState, node: PhotoNode, update: UpdateBuilder): void {
  let key = `photo:${node.pdq}`;
  for (const id of state.photos.neighbours(node)) {
    const shared = state.photoDemotionKey.get(id);
    if (shared !== undefined && id !== node.id) {
      key = shared;
      break;
    }
  }
  state.photoDemotionKey.set(node.id, key);
  const existing = state.demotions.get(key);
  const distinctAds = Math.max(node.ads.size, existing?.distinctAds ?? 0);
  const distinctSources = Math.max(node.sources.size, existing?.distinctSources ?? 0);
  const demotion: GenericDemotion = {
    key,
    kind: "photo",
    reason: state.photos.reason(node),
    distinctAds,
    distinctSources,
  };
  if (node.override !== undefined) demotion.overridden = true;
  if (existing === undefined) record(state, demotion, update);
  else state.demotions.set(key, demotion);
  rescoreIncident(state, node.seq, { kind: "photo" }, update);
}

/**
 * Shingles became boilerplate: the ads holding them get new signatures (so they may now meet ads
 * the boilerplate hid) and their text links are re-scored without it.
 */
export function demotePhrases(
  state: ResolverState,
  flips: readonly PhraseFlip[],
  context: { current: AdRecord; byAnalyst?: boolean },
  update: UpdateBuilder,
): void {
  const { current } = context;
  if (flips.length === 0) return;
  const affected = new Set<number>();
  for (const flip of flips) {
    const key = `phrase:${flip.text}`;
    const demotion: GenericDemotion = {
      key,
      kind: "phrase",
      reason: context.byAnalyst
        ? "marked generic by an analyst"
        : `shingle on ${flip.ads.length} ads (limit ${state.config.generic.phraseMinAds})`,
      distinctAds: flip.ads.length,
      distinctSources: sourcesOf(state, flip.ads),
    };
    if (context.byAnalyst || state.phrases.specific.has(flip.hash)) demotion.overridden = true;
    record(state, demotion, update);
    for (const seq of flip.ads) if (seq !== current.seq) affected.add(seq);
  }
  refreshText(state, affected, update);
}

/**
 * Re-scores the ads' links after the boilerplate set changed, and re-registers in LSH those
 * whose signature moved (`force` for analyst overrides) so they meet the ads boilerplate hid.
 */
export function refreshText(state: ResolverState, seqs: Iterable<number>, update: UpdateBuilder, force = false): void {
  for (const seq of seqs) {
    const ad = state.ad(seq);
    // Every link, not only those with text evidence: a pair that shared boilerplate had no text
    // disagreement before and may have one now.
    rescoreIncident(state, seq, undefined, update);
    if (!force && !state.phrases.isStale(ad)) continue;
    const candidates = new Set<number>();
    state.phrases.register(ad, candidates);
    scoreCandidates(state, ad, candidates, update);
  }
}
