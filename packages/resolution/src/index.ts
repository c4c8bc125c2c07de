/**
 * @module @nexus/resolution
 * Pure, incremental entity resolution. Ads arrive one by one as features; the resolver blocks
 * (shared contacts, MinHash-LSH text bands, PDQ neighbours), scores pairs with log-likelihood
 * weights, demotes generic values as they emerge, and keeps two layers of entities (persona and
 * network) with stable ids, analyst decisions and explanations. No clock, no randomness, no I/O:
 * replaying the same calls in the same order rebuilds the same state.
 */

export { type ClusteredAd, type Clusterer, createClusterer } from "./clusterer.js";
export {
  DEFAULT_RESOLUTION_CONFIG,
  type ResolutionConfig,
  type ResolutionConfigOverrides,
  resolveConfig,
} from "./config.js";
export { createMatcher, type Matcher, type MatchShare, validShare } from "./matcher.js";
export { createResolver, type Resolver, type ResolverStats } from "./resolver.js";
export type {
  AdFeatures,
  AnalystDecision,
  EdgeUpdate,
  EntityChange,
  EntitySummary,
  Evidence,
  EvidenceKind,
  Explanation,
  GenericDemotion,
  Layer,
  MatchBatch,
  PairLink,
  ResolutionUpdate,
  ResolvedAd,
} from "./types.js";
