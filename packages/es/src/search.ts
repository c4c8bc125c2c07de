import type { Client, estypes } from "@elastic/elasticsearch";
import type { FacetCount } from "@nexus/search-index";
import { buildAdSearch, type EsAdQuery } from "./ad-query.js";
import { encodeCursor } from "./cursor.js";
import { getEntity, searchEntities } from "./entity-search.js";
import { highlightAd } from "./highlight.js";
import { searchImages } from "./image-search.js";
import { type EsIndexNames, esIndexNames } from "./names.js";
import { runSearch, type SearchContext, totalOf } from "./search-context.js";
import type {
  EsAdHit,
  EsAdResult,
  EsAdSummary,
  EsEntityDetail,
  EsEntityQuery,
  EsEntityResult,
  EsImageHit,
  EsImageQuery,
} from "./search-types.js";

export interface EsSearchOptions {
  readonly client: Client;
  readonly names?: EsIndexNames;
  /** Largest page (default 1000). */
  readonly maxPageSize?: number;
  /** Values per facet (default 20). */
  readonly facetSize?: number;
  /** Per-request timeout in ms (default 10 000). */
  readonly requestTimeoutMs?: number;
}

export interface EsSearch {
  searchAds(query: EsAdQuery): Promise<EsAdResult>;
  /** Ads carrying this exact E.164 number (the caller normalises what the analyst typed). */
  lookupPhone(e164: string, page?: { size?: number; after?: string }): Promise<EsAdResult>;
  /** Ads with a photo within `maxDistance` of any query hash, nearest first (exact: `flat` kNN). */
  searchImages(query: EsImageQuery): Promise<EsImageHit[]>;
  searchEntities(query: EsEntityQuery): Promise<EsEntityResult>;
  /** The entity (following merge redirects) and its ads; undefined when the id is unknown. */
  getEntity(entityId: string, options?: { maxAds?: number }): Promise<EsEntityDetail | undefined>;
}

type TermsAgg = { buckets: { key: string | number; key_as_string?: string; doc_count: number; display?: TermsAgg }[] };

function facetsOf(aggs: Record<string, unknown> | undefined): Partial<Record<string, FacetCount[]>> {
  const out: Partial<Record<string, FacetCount[]>> = {};
  for (const [field, agg] of Object.entries(aggs ?? {})) {
    out[field] = (agg as TermsAgg).buckets.map((b) => ({
      value: String(b.display?.buckets[0]?.key ?? b.key_as_string ?? b.key),
      count: b.doc_count,
    }));
  }
  return out;
}

/** Full-text ads: hits carry the stored ad and highlights computed in Nexus from the original text. */
async function searchAds(ctx: SearchContext, query: EsAdQuery): Promise<EsAdResult> {
  const request = buildAdSearch(query, ctx.limits);
  const response = await runSearch<EsAdSummary>(ctx, ctx.names.ads, request.body);
  const terms = request.text?.terms ?? [];
  const hits: EsAdHit[] = response.hits.hits.flatMap((h: estypes.SearchHit<EsAdSummary>) => {
    const ad = h._source;
    if (ad === undefined) return [];
    return [{ id: ad.adId, score: h._score ?? 0, highlights: highlightAd(ad, ad.language, terms), ad }];
  });
  const last = response.hits.hits[response.hits.hits.length - 1];
  const result = { total: totalOf(response), hits, facets: facetsOf(response.aggregations) };
  return hits.length === request.size && last?.sort !== undefined
    ? { ...result, next: encodeCursor(last.sort) }
    : result;
}

export function createEsSearch(options: EsSearchOptions): EsSearch {
  const ctx: SearchContext = {
    client: options.client,
    names: options.names ?? esIndexNames(),
    limits: { maxPageSize: options.maxPageSize ?? 1000, facetSize: options.facetSize ?? 20 },
    transport: { requestTimeout: options.requestTimeoutMs ?? 10_000 },
  };
  return {
    searchAds: (query) => searchAds(ctx, query),
    lookupPhone: (e164, page = {}) => searchAds(ctx, { phone: e164, ...page }),
    searchImages: (query) => searchImages(ctx, query),
    searchEntities: (query) => searchEntities(ctx, query),
    getEntity: (entityId, opts = {}) => getEntity(ctx, entityId, opts.maxAds),
  };
}
