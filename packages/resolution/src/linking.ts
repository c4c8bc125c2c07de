import type { AdRecord } from "./ad-record.js";
import { type Edge, pairKey } from "./edge-store.js";
import { scorePair } from "./scoring.js";
import type { ClusterState, ResolverState, UpdateBuilder } from "./state.js";
import type { EdgeUpdate, EvidenceKind, PairLink } from "./types.js";

export function toPairLink(state: ClusterState, edge: Edge, linked: boolean): PairLink {
  const [a, b] = [state.adId(edge.a), state.adId(edge.b)];
  const persona = edge.persona || edge.must === "persona";
  const layer = persona ? "persona" : "network";
  return { a, b, score: edge.score, linked, layer, evidence: edge.evidence };
}

/** A pair's scores and whether they pass each layer's threshold: what a matcher decides. */
export type EdgeScore = Readonly<Omit<EdgeUpdate, "a" | "b">>;

/** Scores a pair against the current generic values and stores, updates or drops its edge. */
export function scoreAndStore(state: ResolverState, pair: { x: AdRecord; y: AdRecord }, update: UpdateBuilder): void {
  const { x, y } = pair;
  if (x.seq === y.seq) return;
  const [a, b] = x.seq < y.seq ? [x, y] : [y, x];
  if (!state.owns(b.seq)) return;
  const scored = scorePair(a, b, state.scoring);
  const { networkThreshold, personaThreshold } = state.config;
  const network = scored.score >= networkThreshold;
  const persona = scored.personaScore >= personaThreshold;
  storeEdge(state, [a.seq, b.seq], { ...scored, network, persona }, update);
}

/**
 * Stores, updates or drops the edge of a scored pair (`a < b`), and records in the update what
 * the change means for clustering. Scores changing without a threshold crossed change nothing.
 */
export function storeEdge(
  state: ClusterState,
  [a, b]: readonly [number, number],
  scored: EdgeScore,
  update: UpdateBuilder,
): void {
  const { network, persona } = scored;
  const existing = state.edges.get(a, b);
  if (existing === undefined) {
    if (!network) return;
    const edge: Edge = { a, b, ...scored, must: undefined };
    state.edges.set(edge);
    update.scored.set(pairKey(a, b), { a, b, ...scored });
    update.link(toPairLink(state, edge, true));
    markDirty(update, a, b);
    update.gained.push([a, b]);
    return;
  }
  const changed = existing.network !== network || existing.persona !== persona;
  if ((existing.network && !network) || (existing.persona && !persona)) update.lost = true;
  if ((!existing.network && network) || (!existing.persona && persona)) update.gained.push([a, b]);
  existing.score = scored.score;
  existing.personaScore = scored.personaScore;
  existing.network = network;
  existing.persona = persona;
  existing.evidence =
    existing.must === undefined ? scored.evidence : [...scored.evidence, ...analystEvidence(existing)];
  if (!changed) return;
  update.scored.set(pairKey(a, b), { a, b, ...scored });
  const stillLinked = network || existing.must !== undefined;
  if (!stillLinked) state.edges.delete(a, b);
  update.link(toPairLink(state, existing, stillLinked));
  markDirty(update, a, b);
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
