/**
 * Mappings use only what every Elasticsearch 8.x distribution has: the `whitespace` analyzer (core)
 * over terms Nexus analysed itself, keywords, dates and `dense_vector` bit vectors. No analysis-common,
 * no painless, no percolator — so the same template behaves the same here and on a full cluster.
 */

const keyword = { type: "keyword" } as const;
const analysed = { type: "text", analyzer: "whitespace", norms: true } as const;
/** Stored originals: returned for Nexus-side highlighting, not searched by Elasticsearch. */
const original = { type: "text", index: false } as const;

export const PDQ_DIMS = 256;

export const AD_MAPPINGS = {
  dynamic: "strict",
  properties: {
    adId: keyword,
    source: keyword,
    source_key: keyword,
    url: { type: "keyword", index: false },
    title: original,
    body: original,
    language: keyword,
    title_analyzed: analysed,
    text_analyzed: analysed,
    country: keyword,
    city: keyword,
    city_key: keyword,
    postedAt: { type: "date" },
    phones: keyword,
    emails: keyword,
    handles: keyword,
    hasPhone: { type: "boolean" },
    personaId: keyword,
    networkId: keyword,
    pdq: keyword,
    // One nested document per image, because a dense_vector holds one vector per document. `flat`
    // makes kNN exact (no HNSW misses under the distance threshold); for bit vectors l2_norm is the
    // Hamming distance, and kNN `similarity` is the largest distance kept.
    images: {
      type: "nested",
      properties: {
        pdq: keyword,
        vector: {
          type: "dense_vector",
          element_type: "bit",
          dims: PDQ_DIMS,
          index: true,
          similarity: "l2_norm",
          index_options: { type: "flat" },
        },
      },
    },
    version: { type: "long" },
  },
} as const;

export const ENTITY_MAPPINGS = {
  dynamic: "strict",
  properties: {
    entityId: keyword,
    layer: keyword,
    redirectTo: keyword,
    adIds: keyword,
    aliases: keyword,
    aliases_analyzed: analysed,
    phones: keyword,
    emails: keyword,
    handles: keyword,
    cities: keyword,
    city_keys: keyword,
    countries: keyword,
    personaIds: keyword,
    updatedAt: { type: "date" },
    version: { type: "long" },
  },
} as const;

export interface EsIndexSettings {
  readonly shards?: number;
  readonly replicas?: number;
  /** Refresh interval, e.g. "1s" (default) or "30s" for bulk loads. */
  readonly refreshInterval?: string;
}

export function indexSettings(settings: EsIndexSettings = {}): Record<string, unknown> {
  return {
    number_of_shards: settings.shards ?? 1,
    number_of_replicas: settings.replicas ?? 0,
    refresh_interval: settings.refreshInterval ?? "1s",
  };
}
