import type { AdRecord } from "./ad-record.js";
import type { Edge } from "./edge-store.js";
import { scorePair } from "./scoring.js";
import type { ResolverState, UpdateBuilder } from "./state.js";
import type { EvidenceKind, PairLink } from "./types.js";

export function toPairLink(state: ResolverState, edge: Edge, linked: boolean): PairLink {
  const [a, b] = [state.ad(edge.a).adId, state.ad(edge.b).adId];
  const persona = edge.persona || edge.must === "persona";
  const layer = persona ? "persona" : "network";
  return { a, b, score: edge.score, linked, layer, evidence: edge.evidence };
}

/** Scores a pair against the current generic values and stores, updates or drops its edge. */
export function scoreAndStore(state: ResolverState, pair: { x: AdRecord; y: AdRecord }, update: UpdateBuilder): void {
  const { x, y } = pair;
  if (x.seq === y.seq) return;
  const [a, b] = x.seq < y.seq ? [x, y] : [y, x];
  const scored = scorePair(a, b, state.scoring);
  const { networkThreshold, personaThreshold } = state.config;
  const network = scored.score >= networkThreshold;
  const persona = scored.personaScore >= personaThreshold;
  const existing = state.edges.get(a.seq, b.seq);
  if (existing === undefined) {
    if (!network) return;
    const edge: Edge = { a: a.seq, b: b.seq, ...scored, network, persona, must: undefined };
    state.edges.set(edge);
    update.link(toPairLink(state, edge, true));
    markDirty(update, a.seq, b.seq);
    update.gained.push([a.seq, b.seq]);
    return;
  }
  const changed = existing.network !== network || existing.persona !== persona;
  if ((existing.network && !network) || (existing.persona && !persona)) update.lost = true;
  if ((!existing.network && network) || (!existing.persona && persona)) update.gained.push([a.seq, b.seq]);
  existing.score = scored.score;
  existing.personaScore = scored.personaScore;
  existing.network = network;
  existing.persona = persona;
  existing.evidence =
    existing.must === undefined ? scored.evidence : [...scored.evidence, ...analystEvidence(existing)];
  if (!changed) return;
  const stillLinked = network || existing.must !== undefined;
  if (!stillLinked) state.edges.delete(a.seq, b.seq);
  update.link(toPairLink(state, existing, stillLinked));
  markDirty(update, a.seq, b.seq);
}

function analystEvidence(edge: Edge): Edge["evidence"] {
  return edge.evidence.filter((item) => item.kind === "analyst");
}

function markDirty(update: UpdateBuilder, a: number, b: number): void {
  update.dirty.add(a);
  update.dirty.add(b);
}

/**
 * Re-scores the stored edges of `seq`: those whose evidence has the given kind (and value, if
 * given), or all of them when no kind is given.
 */
export function rescoreIncident(
  state: ResolverState,
  seq: number,
  match: { kind: EvidenceKind; value?: string } | undefined,
  update: UpdateBuilder,
): void {
  const affected = [...state.edges.incident(seq)].filter(
    (edge) =>
      match === undefined ||
      edge.evidence.some(
        (item) => item.kind === match.kind && (match.value === undefined || item.value === match.value),
      ),
  );
  for (const edge of affected) scoreAndStore(state, { x: state.ad(edge.a), y: state.ad(edge.b) }, update);
}

/** Scores the record against each candidate (never against itself). */
export function scoreCandidates(
  state: ResolverState,
  record: AdRecord,
  candidates: Iterable<number>,
  update: UpdateBuilder,
): void {
  for (const seq of candidates) if (seq !== record.seq) scoreAndStore(state, { x: record, y: state.ad(seq) }, update);
}
