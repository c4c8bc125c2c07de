import { contactKind } from "./ad-record.js";
import { linksAt } from "./edge-store.js";
import type { Entity } from "./layer-clusters.js";
import { toPairLink } from "./linking.js";
import { scorePair } from "./scoring.js";
import type { ResolverState } from "./state.js";
import type { EntitySummary, Explanation, Layer, PairLink } from "./types.js";

export function summarize(state: ResolverState, layer: Layer, entity: Entity): EntitySummary {
  const contacts: Record<"phone" | "email" | "handle", Set<string>> = {
    phone: new Set(),
    email: new Set(),
    handle: new Set(),
  };
  for (const seq of entity.members) {
    for (const key of state.ad(seq).contacts) {
      const kind = contactKind(key);
      contacts[kind].add(key.slice(kind.length + 1));
    }
  }
  const summary: EntitySummary = {
    id: entity.id,
    layer,
    aliases: [...(state.layer(layer).aliasesOf.get(entity.id) ?? [])],
    adIds: state.adIds(entity.members),
    phones: [...contacts.phone].sort(),
    emails: [...contacts.email].sort(),
    handles: [...contacts.handle].sort(),
  };
  if (layer === "network") {
    const personas = new Set<string>();
    for (const seq of entity.members) personas.add(state.persona.of(seq)?.id ?? "");
    summary.personaIds = [...personas].sort();
  } else {
    const first = entity.members[0];
    const network = first === undefined ? undefined : state.network.of(first);
    if (network !== undefined) summary.networkId = network.id;
  }
  return summary;
}

/** Shortest chain of linking edges between two ads of one entity (breadth-first). */
function pathBetween(state: ResolverState, layer: Layer, from: number, to: number): PairLink[] {
  const previous = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length && !previous.has(to); head += 1) {
    const seq = queue[head] as number;
    for (const edge of state.edges.incident(seq)) {
      const other = edge.a === seq ? edge.b : edge.a;
      if (previous.has(other) || !linksAt(edge, layer)) continue;
      if (state.layer(layer).of(other) !== state.layer(layer).of(from)) continue;
      previous.set(other, seq);
      queue.push(other);
    }
  }
  const path: PairLink[] = [];
  for (let at = to; at !== from && previous.has(at); at = previous.get(at) as number) {
    const edge = state.edges.get(at, previous.get(at) as number);
    if (edge !== undefined) path.unshift(toPairLink(state, edge, true));
  }
  return path;
}

function describeCut(state: ResolverState, layer: Layer, seqs: readonly [number, number]): string {
  const [x, y] = seqs;
  const banned = state.constraintsFor(layer).get(x);
  if (banned?.has(y)) return "an analyst cannot-link separates them";
  return "no chain of links joins them";
}

export function explain(state: ResolverState, pair: readonly [string, string], layer: Layer): Explanation {
  const [x, y] = pair.map((adId) => state.seqOf.get(adId));
  if (x === undefined || y === undefined) {
    return { joined: false, layer, path: [], reason: `unknown ad ${x === undefined ? pair[0] : pair[1]}` };
  }
  const clusters = state.layer(layer);
  if (x === y) return { joined: true, layer, path: [], reason: "same ad" };
  if (clusters.of(x) === clusters.of(y)) {
    const path = pathBetween(state, layer, x, y);
    return {
      joined: true,
      layer,
      path,
      reason: `joined by a chain of ${path.length} link(s) in ${clusters.of(x)?.id}`,
    };
  }
  const [a, b] = x < y ? [state.ad(x), state.ad(y)] : [state.ad(y), state.ad(x)];
  const scored = scorePair(a, b, state.scoring);
  const threshold = layer === "network" ? state.config.networkThreshold : state.config.personaThreshold;
  const value = layer === "network" ? scored.score : scored.personaScore;
  const direct: PairLink = { a: a.adId, b: b.adId, score: value, linked: false, layer, evidence: scored.evidence };
  const entities = `${clusters.of(x)?.id} and ${clusters.of(y)?.id}`;
  const cut = describeCut(state, layer, [x, y]);
  return {
    joined: false,
    layer,
    path: [direct],
    reason: `in ${entities}: direct score ${value} vs threshold ${threshold}; ${cut}`,
  };
}
