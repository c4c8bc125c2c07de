import type { Language } from "./language.js";

/** An ad as the index sees it. Only `id` and `body` are required. */
export interface SearchDocument {
  readonly id: string;
  readonly title?: string;
  readonly body: string;
  readonly language?: Language;
  /** ISO 3166 alpha-2. */
  readonly country?: string;
  readonly city?: string;
  readonly source?: string;
  /** ISO 8601 timestamp. */
  readonly postedAt?: string;
  /** E.164 numbers. */
  readonly phones?: readonly string[];
  readonly entityId?: string;
}

export const FACET_FIELDS = ["country", "city", "source", "hasPhone"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface SearchFilters {
  /** Any of these values (countries compared upper-case, cities and sources folded). */
  readonly country?: readonly string[];
  readonly city?: readonly string[];
  readonly source?: readonly string[];
  /** Inclusive ISO 8601 bounds on `postedAt`; documents without a date fail a date filter. */
  readonly from?: string;
  readonly to?: string;
  readonly hasPhone?: boolean;
  readonly entityId?: string;
}

export interface SearchQuery {
  /** Words and "quoted phrases". Words are optional (ranked), phrases are required. */
  readonly text?: string;
  /** Stemming language of `text`; guessed when absent (the other language's stem is also tried). */
  readonly language?: Language;
  /** "or" (default): any word matches; "and": every word must match (typo variants count). */
  readonly operator?: "or" | "and";
  /** E.164; the caller normalises. Required when given. */
  readonly phone?: string;
  readonly filters?: SearchFilters;
  readonly facets?: readonly FacetField[];
  /** Offset into the ranked hits (default 0). */
  readonly from?: number;
  /** Page size (default 10, at most the index's `maxPageSize`). */
  readonly size?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly score: number;
  /** Snippets of the original title/body with matched words marked «like this». */
  readonly highlights: string[];
}

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export interface SearchResult {
  /** Number of documents matching, before pagination. */
  readonly total: number;
  readonly hits: SearchHit[];
  readonly facets: Partial<Record<string, FacetCount[]>>;
}

export interface SearchIndex {
  /** Add or replace the document with this id (no stale terms survive a replace). */
  upsert(doc: SearchDocument): void;
  /** Forget a document; unknown ids are ignored. */
  remove(id: string): void;
  search(query: SearchQuery): SearchResult;
  readonly size: number;
}

export interface SearchIndexOptions {
  /** BM25 term-frequency saturation (default 1.2). */
  readonly k1?: number;
  /** BM25 length normalisation (default 0.75). */
  readonly b?: number;
  /** How many times a title word counts (default 2). */
  readonly titleBoost?: number;
  /** Query-time typo tolerance against the vocabulary (default true). */
  readonly fuzzy?: boolean;
  /** Values kept per facet, by count (default 20). */
  readonly facetSize?: number;
  /** Largest accepted `size` (default 1000). */
  readonly maxPageSize?: number;
}
