import { linksAt } from "./edge-store.js";
import { linkedClosure, partition } from "./partition.js";
import type { ClusterState, UpdateBuilder } from "./state.js";
import type { EntityChange, Layer, ResolvedAd } from "./types.js";

/** Ads whose entity at `layer` may change: the linked closure of the seeds plus their old entities. */
function universe(state: ClusterState, layer: Layer, seeds: Iterable<number>): Set<number> {
  const clusters = state.layer(layer);
  let frontier = new Set(seeds);
  const all = new Set<number>();
  while (frontier.size > 0) {
    const grown = linkedClosure(state.edges, layer, frontier);
    frontier = new Set();
    for (const seq of grown) all.add(seq);
    for (const seq of grown) {
      for (const member of clusters.of(seq)?.members ?? []) if (!all.has(member)) frontier.add(member);
    }
  }
  return all;
}

function snapshot(state: ClusterState, seqs: Iterable<number>): Map<number, string> {
  const before = new Map<number, string>();
  for (const seq of seqs) before.set(seq, `${state.persona.of(seq)?.id}|${state.network.of(seq)?.id}`);
  return before;
}

/**
 * The common case, links only added and no cannot-links: entities can only merge, so the new parts
 * are the old entities (and new ads) joined by the gained links, found without walking any edges.
 */
function grownParts(state: ClusterState, layer: Layer, update: UpdateBuilder): number[][] {
  const clusters = state.layer(layer);
  const representative = (seq: number): number => clusters.of(seq)?.members[0] ?? seq;
  const parent = new Map<number, number>();
  const find = (seq: number): number => {
    let root = representative(seq);
    if (!parent.has(root)) parent.set(root, root);
    while (parent.get(root) !== root) root = parent.get(root) as number;
    return root;
  };
  for (const seq of update.dirty) find(seq);
  for (const [a, b] of update.gained) {
    const edge = state.edges.get(a, b);
    if (edge === undefined || !linksAt(edge, layer)) continue;
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent.set(Math.max(x, y), Math.min(x, y));
  }
  const groups = new Map<number, number[]>();
  for (const start of parent.keys()) {
    const root = find(start);
    const members = clusters.of(start)?.members ?? [start];
    groups.set(root, [...(groups.get(root) ?? []), ...members]);
  }
  return [...groups.values()]
    .map((group) => group.sort((x, y) => x - y))
    .sort((p, q) => (p[0] as number) - (q[0] as number));
}

function applyParts(
  state: ClusterState,
  parts: { persona: number[][]; network: number[][] },
  reason: string,
): { changes: EntityChange[]; resolved: ResolvedAd[] } {
  const seqs = new Set<number>();
  for (const part of parts.network) for (const seq of part) seqs.add(seq);
  const before = snapshot(state, seqs);
  const describe = (list: readonly number[]): string[] => state.adIds(list);
  const changes = [
    ...state.persona.apply(parts.persona, describe, reason),
    ...state.network.apply(parts.network, describe, reason),
  ];
  const resolved: ResolvedAd[] = [];
  for (const seq of [...seqs].sort((x, y) => x - y)) {
    const personaId = state.persona.of(seq)?.id ?? "";
    const networkId = state.network.of(seq)?.id ?? "";
    if (before.get(seq) !== `${personaId}|${networkId}`) resolved.push({ adId: state.adId(seq), personaId, networkId });
  }
  return { changes, resolved };
}

/**
 * Recomputes both layers around the dirty ads: personas first, then networks built from whole
 * personas, so a persona never straddles two networks.
 */
export function recluster(
  state: ClusterState,
  update: UpdateBuilder,
  reason: string,
): { changes: EntityChange[]; resolved: ResolvedAd[] } {
  if (update.dirty.size === 0) return { changes: [], resolved: [] };
  const unconstrained = state.cannot.persona.size === 0 && state.cannot.network.size === 0;
  if (!update.lost && unconstrained) {
    const persona = grownParts(state, "persona", update);
    return applyParts(state, { persona, network: grownParts(state, "network", update) }, reason);
  }
  const personaUniverse = universe(state, "persona", update.dirty);
  const networkUniverse = universe(state, "network", [...update.dirty, ...personaUniverse]);
  const persona = partition(state.edges, "persona", {
    universe: personaUniverse,
    constraints: state.constraintsFor("persona"),
  });
  // Networks are built from whole personas, so a persona never straddles two networks.
  const units = new Map<number, readonly number[]>();
  for (const part of persona) for (const seq of part) units.set(seq, part);
  for (const seq of networkUniverse) {
    if (!units.has(seq)) {
      const members = state.persona.of(seq)?.members ?? [seq];
      for (const member of members) units.set(member, members);
    }
  }
  const network = partition(state.edges, "network", {
    universe: networkUniverse,
    units: [...new Set(units.values())],
    constraints: state.constraintsFor("network"),
  });
  return applyParts(state, { persona, network }, reason);
}
