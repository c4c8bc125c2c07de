import type { AnalystDecision, GenericDemotion, Layer, ResolutionUpdate } from "@nexus/resolution";

/** One ad as the console lists it inside an entity. */
export interface AdSummary {
  readonly id: string;
  readonly source: string;
  readonly title?: string;
  readonly postedAt?: string;
  readonly city?: string;
  readonly country?: string;
  readonly photos: number;
  readonly personaId?: string;
  readonly contacts: readonly string[];
}

/** A contact (`phone:+502…`, `email:…`, `handle:platform:value`) seen in an entity's ads. */
export interface ContactStat {
  readonly key: string;
  readonly kind: "phone" | "email" | "handle";
  readonly value: string;
  readonly ads: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /** Demoted from linking (a site's number, a shared template…): shown, never drawn as a link. */
  readonly generic: boolean;
}

/** An analyst's decision or generic override as recorded: what, who and when. */
export interface DecisionRecord {
  readonly kind: "must-link" | "cannot-link" | "override";
  readonly a?: string;
  readonly b?: string;
  readonly key?: string;
  readonly mode?: "generic" | "specific";
  readonly by?: string;
  readonly note?: string;
  readonly at?: string;
}

export interface EntityOverview {
  readonly id: string;
  readonly layer: Layer;
  readonly networkId?: string;
  readonly personaIds: readonly string[];
  /** Entity ids merged into this one over time (lineage); splits appear as decisions. */
  readonly aliases: readonly string[];
  readonly ads: readonly AdSummary[];
  readonly contacts: readonly ContactStat[];
  readonly decisions: readonly DecisionRecord[];
  /** The generic values the entity's ads carry, with why they were demoted. */
  readonly generics: readonly GenericDemotion[];
}

/** What a decision or an override changed, as the console reports it. */
export interface DecisionOutcome {
  readonly changes: ResolutionUpdate["changes"];
  readonly demotions: readonly GenericDemotion[];
}

/** A stored photo's bytes location, as recorded at import. */
export interface PhotoLocation {
  readonly source: { url: string } | { data: string };
  readonly sha256?: string;
}

/**
 * What the console needs beyond the API's search and entity routes. Implemented over the embedded
 * engine's public methods (`engine-insights.ts`); another runtime implements the same port.
 */
export interface InsightBackend {
  entityOverview(id: string): Promise<EntityOverview | undefined>;
  generics(): Promise<GenericDemotion[]>;
  overrideGeneric(key: string, mode: "generic" | "specific", by: string): Promise<DecisionOutcome>;
  decide(decision: AnalystDecision): Promise<DecisionOutcome>;
  decisions(): Promise<DecisionRecord[]>;
  photo(adId: string, index: number): Promise<PhotoLocation | undefined>;
}
