import type { FacetCount, Language, SearchFilters, SearchHit } from "@nexus/search-index";
import type { EsEntityDocument } from "./documents.js";

/** The stored fields of an ad a hit carries (original text, not the analysed terms). */
export interface EsAdSummary {
  readonly adId: string;
  readonly source: string;
  readonly url?: string;
  readonly title?: string;
  readonly body: string;
  readonly language: Language;
  readonly country?: string;
  readonly city?: string;
  readonly postedAt?: string;
  readonly phones: string[];
  readonly emails?: string[];
  readonly handles?: string[];
  readonly personaId?: string;
  readonly networkId?: string;
  readonly pdq: string[];
}

/** SearchHit of @nexus/search-index plus the ad itself. */
export interface EsAdHit extends SearchHit {
  readonly ad: EsAdSummary;
}

/** SearchResult of @nexus/search-index plus a cursor for the next page. */
export interface EsAdResult {
  readonly total: number;
  readonly hits: EsAdHit[];
  readonly facets: Partial<Record<string, FacetCount[]>>;
  /** Pass as `after` for the next page; absent on the last page. */
  readonly next?: string;
}

export interface EsImageQuery {
  /** The query photo's PDQ hash and, to find flipped or rotated copies, its 8 dihedral variants. */
  readonly hashes: readonly string[];
  /** Largest Hamming distance kept (default 31, PDQ's match threshold). */
  readonly maxDistance?: number;
  /** Most ads returned (default 20, at most 1000). */
  readonly size?: number;
  readonly filters?: SearchFilters;
}

export interface EsImageHit {
  readonly id: string;
  /** Smallest Hamming distance between any query hash and any of the ad's hashes. */
  readonly distance: number;
  /** 1 - distance/256, so higher is better as in text hits. */
  readonly score: number;
  readonly ad: EsAdSummary;
}

export interface EsEntityQuery {
  /** Words matched against aliases (analysed like ad text). */
  readonly text?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly handle?: string;
  readonly layer?: "persona" | "network";
  readonly city?: string;
  readonly country?: string;
  readonly size?: number;
  readonly after?: string;
}

export interface EsEntityHit {
  readonly id: string;
  readonly score: number;
  readonly entity: EsEntityDocument & { readonly version: number };
}

export interface EsEntityResult {
  readonly total: number;
  readonly hits: EsEntityHit[];
  readonly next?: string;
}

export interface EsEntityDetail {
  readonly entity: EsEntityDocument & { readonly version: number };
  /** The ids followed to get here when the requested id was merged away (oldest first). */
  readonly redirectedFrom: string[];
  /** The entity's ads, oldest first (up to `maxAds`). */
  readonly ads: EsAdSummary[];
  readonly adTotal: number;
}
