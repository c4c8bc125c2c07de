/** The shapes of the API responses the console reads (the API's HTTP contract, /openapi.json). */

export type Role = "viewer" | "analyst" | "admin";

export interface Me {
  user: { name: string; role: Role };
  mode: "local" | "keys";
  csrfToken?: string;
}

export interface Settings {
  blurPhotos: boolean;
  language?: "en" | "es";
}

export interface AdHit {
  id: string;
  score: number;
  highlights: string[];
  entityId?: string;
  title?: string;
  country?: string;
  city?: string;
  postedAt?: string;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: AdHit[];
  facets?: Record<string, Facet[]>;
}

export interface Span {
  raw: string;
  start: number;
  end: number;
}

export interface Extraction {
  language: string;
  phones: (Span & { e164: string; country: string; obfuscations: string[]; confidence: number })[];
  emails: (Span & { value: string })[];
  handles: (Span & { platform: string; value: string })[];
  names: (Span & { value: string })[];
  ages: (Span & { value: number })[];
}

export interface RawAd {
  id: string;
  source: string;
  url?: string;
  postedAt?: string;
  title?: string;
  body: string;
  country?: string;
  city?: string;
  images?: unknown[];
}

export interface AdDetail {
  ad: {
    id: string;
    ad: RawAd;
    extraction: Extraction;
    images: { index: number; pdq?: string; quality?: number; error?: { code: string } }[];
  };
  entityId?: string;
  personaId?: string;
}

export interface Evidence {
  kind: string;
  value?: string;
  weight: number;
  detail?: string;
}

export interface PairLink {
  a: string;
  b: string;
  score: number;
  linked: boolean;
  layer: "persona" | "network";
  evidence: Evidence[];
}

export interface Explanation {
  joined: boolean;
  layer: "persona" | "network";
  path: PairLink[];
  reason: string;
}

export interface EntityDetail {
  id: string;
  layer: "persona" | "network";
  aliases: string[];
  adIds: string[];
  personaIds?: string[];
  networkId?: string;
  phones: string[];
  emails: string[];
  handles: string[];
  cities: { city: string; country?: string; firstSeen?: string; lastSeen?: string; ads: number }[];
  photos: { pdq: string; adIds: string[] }[];
  links: PairLink[];
}

export interface AdSummary {
  id: string;
  source: string;
  title?: string;
  postedAt?: string;
  city?: string;
  country?: string;
  photos: number;
  personaId?: string;
  contacts: string[];
}

export interface ContactStat {
  key: string;
  kind: "phone" | "email" | "handle";
  value: string;
  ads: number;
  firstSeen?: string;
  lastSeen?: string;
  generic: boolean;
}

export interface DecisionRecord {
  kind: "must-link" | "cannot-link" | "override";
  a?: string;
  b?: string;
  key?: string;
  mode?: "generic" | "specific";
  by?: string;
  note?: string;
  at?: string;
}

export interface GenericDemotion {
  key: string;
  kind: string;
  reason: string;
  distinctAds: number;
  distinctSources: number;
  overridden?: boolean;
}

export interface EntityOverview {
  id: string;
  layer: "persona" | "network";
  networkId?: string;
  personaIds: string[];
  aliases: string[];
  ads: AdSummary[];
  contacts: ContactStat[];
  decisions: DecisionRecord[];
  generics: GenericDemotion[];
}

export interface Watch {
  id: string;
  kind: "phone" | "email" | "handle" | "text" | "image" | "entity";
  value: string;
  label?: string;
  createdAt?: string;
}

export interface Alert {
  id: string;
  watchId: string;
  watchKind: string;
  adId: string;
  entityId?: string;
  personaId?: string;
  seq: number;
  raisedAt: string;
  evidence?: unknown;
  ad?: { title?: string; city?: string; country?: string; postedAt?: string };
}
