import type { EntitySummary, Explanation, PairLink } from "@nexus/resolution";
import type { EnrichedAd } from "@nexus/schemas";
import type { SearchQuery, SearchResult } from "@nexus/search-index";

export interface AdHit {
  readonly id: string;
  readonly score: number;
  readonly highlights: readonly string[];
  readonly entityId?: string;
  readonly title?: string;
  readonly country?: string;
  readonly city?: string;
  readonly postedAt?: string;
  readonly url?: string;
}

export interface CitySighting {
  readonly city: string;
  readonly country?: string;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly ads: number;
}

export interface EntityDetail extends EntitySummary {
  readonly personas: readonly EntitySummary[];
  readonly cities: readonly CitySighting[];
  readonly photos: readonly { pdq: string; adIds: string[] }[];
  /** The links (with their evidence) that hold the entity together; capped for very large entities. */
  readonly links: readonly PairLink[];
}

export interface IngestResult {
  readonly accepted: number;
  /** Known only where ingest resolves at once (embedded); over Kafka the stages sort that out later. */
  readonly updated?: number;
  readonly duplicates?: number;
  readonly rejected: readonly { index: number; code: string; message: string }[];
}

export interface EntityQuery {
  readonly text?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly handle?: string;
  readonly layer: "persona" | "network";
  readonly size: number;
}

export interface EntityHit {
  readonly id: string;
  readonly layer: "persona" | "network";
  readonly adIds: readonly string[];
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly handles: readonly string[];
}

/** What the API needs from a backend: the embedded engine, or Elasticsearch plus Kafka. */
export interface ApiBackend {
  readonly name: string;
  searchAds(query: SearchQuery): Promise<Omit<SearchResult, "hits"> & { hits: AdHit[] }>;
  getAd(id: string): Promise<{ ad: EnrichedAd; entityId?: string; personaId?: string } | undefined>;
  searchImage(
    hashes: readonly string[],
    maxDistance: number,
    size: number,
  ): Promise<{ id: string; distance: number }[]>;
  getEntity(id: string): Promise<EntityDetail | undefined>;
  /** Entities carrying a contact, or whose ads match words. */
  searchEntities(query: EntityQuery): Promise<{ total: number; hits: EntityHit[] }>;
  explain(adA: string, adB: string): Promise<Explanation>;
  ingest(ads: readonly unknown[]): Promise<IngestResult>;
}
