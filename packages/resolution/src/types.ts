/** Public types of the resolution core. Field names are part of the stage contract: add, never rename. */

export type Layer = "persona" | "network";

export interface AdFeatures {
  adId: string;
  source: string;
  /** ISO 8601 */
  postedAt?: string;
  country?: string;
  city?: string;
  /** E.164 */
  phones: string[];
  /** Normalised lower-case. */
  emails: string[];
  /** "platform:value", e.g. "instagram:maria.gt". */
  handles: string[];
  /**
   * 64-hex PDQ; quality 0..100 (below the configured minimum a photo never links). `dihedral`, when
   * given (the 8 variants in the reference's order), lets a mirrored or rotated re-post match.
   */
  photos: { pdq: string; quality: number; dihedral?: string[] }[];
  /** Title + body as written. */
  text: string;
  names: string[];
  ages: number[];
}

export type EvidenceKind =
  | "phone"
  | "email"
  | "handle"
  | "photo"
  | "text"
  | "name"
  | "age"
  | "city"
  | "time"
  | "analyst";

export interface Evidence {
  kind: EvidenceKind;
  value?: string;
  /** Log-likelihood ratio contribution in bits (negative = evidence against). */
  weight: number;
  detail?: string;
}

export interface PairLink {
  a: string;
  b: string;
  score: number;
  linked: boolean;
  layer: Layer;
  evidence: Evidence[];
}

/**
 * A scored pair as a matcher left it: `a < b` are positions in the order every matcher replica
 * read the ads in. Not passing the network threshold means the link is gone.
 */
export interface EdgeUpdate {
  a: number;
  b: number;
  score: number;
  personaScore: number;
  network: boolean;
  persona: boolean;
  evidence: Evidence[];
}

/**
 * What one matcher replica found when the ad at `seq` arrived: the pairs it owns whose links
 * changed (new pairs and re-scored ones) and the values that became generic. The clusterer takes
 * an ad once it has the batch of every replica.
 */
export interface MatchBatch {
  seq: number;
  adId: string;
  replica: number;
  replicas: number;
  edges: EdgeUpdate[];
  demotions: GenericDemotion[];
}

export interface EntityChange {
  type: "created" | "merged" | "split" | "updated";
  layer: Layer;
  entityId: string;
  adIds: string[];
  mergedFrom?: string[];
  splitInto?: string[];
  reason?: string;
}

export interface ResolvedAd {
  adId: string;
  personaId: string;
  networkId: string;
}

export interface GenericDemotion {
  key: string;
  kind: string;
  reason: string;
  distinctAds: number;
  distinctSources: number;
  overridden?: boolean;
}

export interface ResolutionUpdate {
  links: PairLink[];
  changes: EntityChange[];
  resolved: ResolvedAd[];
  demotions: GenericDemotion[];
}

export interface EntitySummary {
  id: string;
  layer: Layer;
  aliases: string[];
  adIds: string[];
  personaIds?: string[];
  networkId?: string;
  phones: string[];
  emails: string[];
  handles: string[];
}

/**
 * a/b are ad ids or entity ids (aliases followed). `layer` defaults to the entity's layer for entity
 * ids; for two ads a must-link means "same persona" and a cannot-link "not even the same network".
 */
export type AnalystDecision = {
  kind: "must-link" | "cannot-link";
  a: string;
  b: string;
  by?: string;
  note?: string;
  layer?: Layer;
};

export interface Explanation {
  joined: boolean;
  layer: Layer;
  path: PairLink[];
  reason: string;
}
