import { NexusError } from "@nexus/errors";
import type { Edge } from "./edge-store.js";
import { toPairLink } from "./linking.js";
import { scorePair } from "./scoring.js";
import type { ResolverState, UpdateBuilder } from "./state.js";
import type { AnalystDecision, Evidence, Layer } from "./types.js";

interface Target {
  readonly seq: number;
  readonly layer: Layer | undefined;
}

/** An ad id, or an entity id (aliases followed) standing for its oldest ad. */
function resolveTarget(state: ResolverState, id: string): Target {
  const seq = state.seqOf.get(id);
  if (seq !== undefined) return { seq, layer: undefined };
  for (const layer of ["persona", "network"] as const) {
    const entity = state.layer(layer).get(id);
    const oldest = entity?.members.reduce((low, seq) => Math.min(low, seq), Number.POSITIVE_INFINITY);
    if (oldest !== undefined && Number.isFinite(oldest)) return { seq: oldest, layer };
  }
  throw new NexusError("NEXUS_NOT_FOUND", `analyst decision names unknown ad or entity ${id}`, { details: { id } });
}

function setConstraint(state: ResolverState, layer: Layer, pair: readonly [number, number], on: boolean): void {
  const map = state.cannot[layer];
  for (const [from, to] of [pair, [pair[1], pair[0]] as const]) {
    const set = map.get(from) ?? new Set<number>();
    if (on) set.add(to);
    else set.delete(to);
    if (set.size > 0) map.set(from, set);
    else map.delete(from);
  }
}

function analystEvidence(decision: AnalystDecision, layer: Layer, weight: number): Evidence {
  const who = decision.by === undefined ? "analyst" : decision.by;
  const note = decision.note === undefined ? "" : `: ${decision.note}`;
  return { kind: "analyst", value: decision.kind, weight, detail: `${who}, ${layer} layer${note}` };
}

function mustLink(
  state: ResolverState,
  decision: AnalystDecision,
  scope: { x: number; y: number; layer: Layer },
): Edge {
  const [a, b] = scope.x < scope.y ? [scope.x, scope.y] : [scope.y, scope.x];
  let edge = state.edges.get(a, b);
  if (edge === undefined) {
    const scored = scorePair(state.ad(a), state.ad(b), state.scoring);
    edge = { a, b, ...scored, network: false, persona: false, must: undefined };
    state.edges.set(edge);
  }
  edge.must = scope.layer;
  const evidence = analystEvidence(decision, scope.layer, state.config.weights.analyst);
  edge.evidence = [...edge.evidence.filter((item) => item.kind !== "analyst"), evidence];
  return edge;
}

function dropMustLink(
  state: ResolverState,
  decision: AnalystDecision,
  pair: readonly [number, number],
): Edge | undefined {
  const edge = state.edges.get(pair[0], pair[1]);
  if (edge?.must === undefined) return undefined;
  edge.must = undefined;
  edge.evidence = [...edge.evidence.filter((item) => item.kind !== "analyst"), analystEvidence(decision, "network", 0)];
  if (!edge.network) state.edges.delete(pair[0], pair[1]);
  return edge;
}

/**
 * Applies a must-link or cannot-link. The latest decision about a pair wins. Must-link is an edge
 * no score can undo; cannot-link is a constraint every later partition honours. Returns the reason
 * to put on the entity changes.
 */
export function applyDecision(state: ResolverState, decision: AnalystDecision, update: UpdateBuilder): string {
  const first = resolveTarget(state, decision.a);
  const second = resolveTarget(state, decision.b);
  const fallback: Layer = decision.kind === "must-link" ? "persona" : "network";
  const layer = decision.layer ?? first.layer ?? second.layer ?? fallback;
  const reason = `analyst ${decision.kind} ${decision.a} ${decision.b}${decision.by ? ` by ${decision.by}` : ""}`;
  const pair = [first.seq, second.seq] as const;
  if (first.seq === second.seq) return reason;
  if (decision.kind === "must-link") {
    setConstraint(state, "persona", pair, false);
    setConstraint(state, "network", pair, false);
    update.link(toPairLink(state, mustLink(state, decision, { x: first.seq, y: second.seq, layer }), true));
    update.gained.push([first.seq, second.seq]);
    // Lifting a cannot-link cannot split anything, but the constrained partition must be redone.
    update.lost = true;
  } else {
    update.lost = true;
    setConstraint(state, layer, pair, true);
    const dropped = dropMustLink(state, decision, pair);
    if (dropped !== undefined) update.link(toPairLink(state, dropped, dropped.network));
  }
  update.dirty.add(first.seq);
  update.dirty.add(second.seq);
  return reason;
}
