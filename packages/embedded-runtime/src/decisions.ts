import type { AnalystDecision, ResolutionUpdate, Resolver } from "@nexus/resolution";
import type { Store } from "@nexus/store";
import { KEYS } from "./keys.js";

export type DecisionInput =
  | { readonly kind: "decision"; readonly decision: AnalystDecision }
  | { readonly kind: "override"; readonly key: string; readonly mode: "generic" | "specific"; readonly by?: string };

/**
 * An analyst's act, stored with its place in the ad stream so a replay applies it at the same point,
 * and when it was taken (`at`, ISO 8601; absent on decisions stored before it was recorded).
 */
export type StoredDecision = DecisionInput & { readonly afterSeq: number; readonly at?: string };

export function applyDecision(resolver: Resolver, stored: StoredDecision): ResolutionUpdate {
  return stored.kind === "decision"
    ? resolver.decide(stored.decision)
    : resolver.overrideGeneric(stored.key, stored.mode);
}

/** Applies it now (throwing, and storing nothing, if the resolver refuses it), then persists it. */
export async function recordDecision(
  store: Store,
  resolver: Resolver,
  decision: DecisionInput,
): Promise<ResolutionUpdate> {
  const afterSeq = (await store.get<number>(KEYS.cursor)) ?? 0;
  const stored: StoredDecision = { ...decision, afterSeq, at: new Date().toISOString() };
  const update = applyDecision(resolver, stored);
  const next = (await store.get<number>(KEYS.nextDecision)) ?? 1;
  await store.write(
    [
      { type: "put", key: KEYS.decision(next), value: stored },
      { type: "put", key: KEYS.nextDecision, value: next + 1 },
    ],
    { sync: true },
  );
  return update;
}

export async function loadDecisions(store: Store): Promise<StoredDecision[]> {
  const decisions: StoredDecision[] = [];
  for await (const [, stored] of store.scan<StoredDecision>(KEYS.decisionPrefix)) decisions.push(stored);
  return decisions;
}
