import { arrive, finish } from "./arrival.js";
import { type ResolutionConfigOverrides, resolveConfig } from "./config.js";
import { applyDecision } from "./decisions.js";
import { applyOverride } from "./overrides.js";
import { explain, summarize } from "./queries.js";
import { ResolverState, UpdateBuilder } from "./state.js";
import type {
  AdFeatures,
  AnalystDecision,
  EntitySummary,
  Explanation,
  GenericDemotion,
  Layer,
  ResolutionUpdate,
} from "./types.js";

export interface Resolver {
  ingest(ad: AdFeatures): ResolutionUpdate;
  decide(decision: AnalystDecision): ResolutionUpdate;
  overrideGeneric(key: string, mode: "generic" | "specific"): ResolutionUpdate;
  entityOfAd(adId: string, layer?: Layer): EntitySummary | undefined;
  /** Follows aliases; the layer is found from the id. */
  entity(id: string): EntitySummary | undefined;
  /** Default "network". */
  entities(layer?: Layer): EntitySummary[];
  explain(adA: string, adB: string, layer?: Layer): Explanation;
  generics(): GenericDemotion[];
  /** Sizes of the internal indexes, for benchmarks and health output. */
  stats(): ResolverStats;
}

export interface ResolverStats {
  ads: number;
  edges: number;
  personas: number;
  networks: number;
  demotions: number;
  phraseIndex: { shingles: number; buckets: number; overflowed: number; generic: number };
}

function ingest(state: ResolverState, features: AdFeatures): ResolutionUpdate {
  const update = new UpdateBuilder();
  // A replayed or re-scraped ad changes nothing: ingest is idempotent per ad id.
  if (state.seqOf.has(features.adId)) return update.empty();
  const record = arrive(state, features, update);
  return finish(state, update, `ad ${record.adId} arrived`);
}

/** Creates an empty resolver. Deterministic: the same calls in the same order give the same state. */
export function createResolver(config: ResolutionConfigOverrides = {}): Resolver {
  const state = new ResolverState(resolveConfig(config));
  const layerOfId = (id: string): Layer | undefined => {
    if (state.persona.get(id) !== undefined) return "persona";
    return state.network.get(id) !== undefined ? "network" : undefined;
  };
  return {
    ingest: (features) => ingest(state, features),
    decide(decision) {
      const update = new UpdateBuilder();
      const reason = applyDecision(state, decision, update);
      return finish(state, update, reason);
    },
    overrideGeneric(key, mode) {
      const update = new UpdateBuilder();
      applyOverride(state, { key, mode }, update);
      return finish(state, update, `analyst marked ${key} ${mode}`);
    },
    entityOfAd(adId, layer = "network") {
      const seq = state.seqOf.get(adId);
      const entity = seq === undefined ? undefined : state.layer(layer).of(seq);
      return entity === undefined ? undefined : summarize(state, layer, entity);
    },
    entity(id) {
      const layer = layerOfId(id);
      const entity = layer === undefined ? undefined : state.layer(layer).get(id);
      return layer === undefined || entity === undefined ? undefined : summarize(state, layer, entity);
    },
    entities: (layer = "network") =>
      state
        .layer(layer)
        .all()
        .map((entity) => summarize(state, layer, entity)),
    explain: (adA, adB, layer = "network") => explain(state, [adA, adB], layer),
    generics: () => [...state.demotions.values()],
    stats: () => ({
      ads: state.ads.length,
      edges: state.edges.size,
      personas: state.persona.all().length,
      networks: state.network.all().length,
      demotions: state.demotions.size,
      phraseIndex: state.phrases.stats(),
    }),
  };
}
