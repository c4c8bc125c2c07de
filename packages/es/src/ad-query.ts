import { NexusError } from "@nexus/errors";
import type { FacetField, SearchFilters, SearchQuery } from "@nexus/search-index";
import { decodeCursor } from "./cursor.js";
import { countryKey, foldKey } from "./fold.js";
import { type CompiledText, compileText } from "./query-text.js";

/** SearchQuery of @nexus/search-index plus a search_after cursor for pages that stay stable. */
export interface EsAdQuery extends SearchQuery {
  /** `next` of the previous page; when given, `from` is ignored. */
  readonly after?: string;
}

export interface AdSearchRequest {
  readonly body: Record<string, unknown>;
  readonly text: CompiledText | undefined;
  readonly size: number;
}

export const AD_SOURCE_FIELDS = [
  "adId",
  "source",
  "url",
  "title",
  "body",
  "language",
  "country",
  "city",
  "postedAt",
  "phones",
  "emails",
  "handles",
  "personaId",
  "networkId",
  "pdq",
] as const;

function checkDate(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && Number.isNaN(Date.parse(value))) {
    throw new NexusError("NEXUS_USAGE", `filters.${name} is not an ISO 8601 date: ${value}`, {
      details: { field: `filters.${name}` },
    });
  }
  return value;
}

/** Filters as Elasticsearch filter clauses, compared the way they were indexed (folded keys). */
export function filterClauses(filters: SearchFilters = {}): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (filters.country !== undefined) out.push({ terms: { country: filters.country.map(countryKey) } });
  if (filters.city !== undefined) out.push({ terms: { city_key: filters.city.map(foldKey) } });
  if (filters.source !== undefined) out.push({ terms: { source_key: filters.source.map(foldKey) } });
  const from = checkDate(filters.from, "from");
  const to = checkDate(filters.to, "to");
  if (from !== undefined || to !== undefined) {
    out.push({
      range: { postedAt: { ...(from === undefined ? {} : { gte: from }), ...(to === undefined ? {} : { lte: to }) } },
    });
  }
  if (filters.hasPhone !== undefined) out.push({ term: { hasPhone: filters.hasPhone } });
  if (filters.entityId !== undefined) {
    const id = filters.entityId;
    out.push({ bool: { should: [{ term: { personaId: id } }, { term: { networkId: id } }], minimum_should_match: 1 } });
  }
  return out;
}

const ORDER = [{ _count: "desc" }, { _key: "asc" }] as const;

/** Facet aggregations; city and source count folded keys and show their smallest spelling. */
export function facetAggs(fields: readonly FacetField[], size: number): Record<string, unknown> {
  const aggs: Record<string, unknown> = {};
  const display = (field: string) => ({ display: { terms: { field, size: 1, order: { _key: "asc" } } } });
  for (const field of new Set(fields)) {
    if (field === "country") aggs[field] = { terms: { field: "country", size, order: ORDER } };
    if (field === "city") aggs[field] = { terms: { field: "city_key", size, order: ORDER }, aggs: display("city") };
    if (field === "source") {
      aggs[field] = { terms: { field: "source_key", size, order: ORDER }, aggs: display("source") };
    }
    if (field === "hasPhone") aggs[field] = { terms: { field: "hasPhone", size: 2, order: ORDER } };
  }
  return aggs;
}

function pageOf(query: EsAdQuery, maxPageSize: number): { from: number; size: number } {
  const from = query.from ?? 0;
  const size = query.size ?? 10;
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw new NexusError("NEXUS_USAGE", `from must be an integer >= 0 and size an integer in 0..${maxPageSize}`, {
      details: { from, size },
    });
  }
  return { from, size };
}

function mainQuery(query: EsAdQuery, text: CompiledText | undefined): Record<string, unknown> {
  const filter = filterClauses(query.filters);
  if (query.phone !== undefined) filter.push({ term: { phones: query.phone } });
  if (text?.empty === true) return { match_none: {} };
  const must: Record<string, unknown>[] = [...(text?.phrases ?? [])];
  const words = text?.words ?? [];
  if (query.operator === "and") must.push(...words);
  else if (words.length > 0) must.push({ bool: { should: words, minimum_should_match: 1 } });
  if (must.length === 0) must.push({ match_all: {} });
  return { bool: { must, filter } };
}

/** The _search body for an ads query: sorted by score then adId, so search_after pages are stable. */
export function buildAdSearch(
  query: EsAdQuery,
  limits: { readonly maxPageSize: number; readonly facetSize: number },
): AdSearchRequest {
  const { from, size } = pageOf(query, limits.maxPageSize);
  const text =
    query.text === undefined || query.text.trim() === "" ? undefined : compileText(query.text, query.language);
  const page = query.after !== undefined ? { search_after: decodeCursor(query.after) } : from > 0 ? { from } : {};
  const facets = query.facets ?? [];
  const body: Record<string, unknown> = {
    query: mainQuery(query, text),
    sort: [{ _score: "desc" }, { adId: "asc" }],
    size,
    track_total_hits: true,
    _source: AD_SOURCE_FIELDS,
    ...page,
    ...(facets.length > 0 ? { aggs: facetAggs(facets, limits.facetSize) } : {}),
  };
  return { body, text, size };
}
