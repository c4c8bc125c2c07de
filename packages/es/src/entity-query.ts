import { NexusError } from "@nexus/errors";
import { analyze } from "@nexus/search-index";
import { decodeCursor } from "./cursor.js";
import type { EsEntityDocument } from "./documents.js";
import { countryKey, foldKey } from "./fold.js";
import { FUZZINESS } from "./query-text.js";
import type { EsEntityQuery } from "./search-types.js";

function aliasClause(text: string): Record<string, unknown> | undefined {
  const terms = analyze(text);
  if (terms.length === 0) return undefined;
  const should = terms.flatMap((t) => [
    { term: { aliases_analyzed: { value: t } } },
    { fuzzy: { aliases_analyzed: { value: t, fuzziness: FUZZINESS, prefix_length: 1, boost: 0.5 } } },
  ]);
  return { bool: { should, minimum_should_match: 1 } };
}

/** The _search body for entities: merged-away ids (redirects) never appear, pages sort by score then id. */
export function buildEntitySearch(
  query: EsEntityQuery,
  maxPageSize: number,
): { body: Record<string, unknown>; size: number } {
  const size = query.size ?? 10;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw new NexusError("NEXUS_USAGE", `size must be an integer in 0..${maxPageSize}`, { details: { size } });
  }
  const must: Record<string, unknown>[] = [];
  const filter: Record<string, unknown>[] = [];
  if (query.text !== undefined && query.text.trim() !== "") must.push(aliasClause(query.text) ?? { match_none: {} });
  if (query.phone !== undefined) filter.push({ term: { phones: query.phone } });
  if (query.email !== undefined) filter.push({ term: { emails: query.email.toLowerCase() } });
  if (query.handle !== undefined) filter.push({ term: { handles: query.handle.toLowerCase() } });
  if (query.layer !== undefined) filter.push({ term: { layer: query.layer } });
  if (query.city !== undefined) filter.push({ term: { city_keys: foldKey(query.city) } });
  if (query.country !== undefined) filter.push({ term: { countries: countryKey(query.country) } });
  const body: Record<string, unknown> = {
    query: {
      bool: {
        must: must.length > 0 ? must : [{ match_all: {} }],
        filter,
        must_not: [{ exists: { field: "redirectTo" } }],
      },
    },
    sort: [{ _score: "desc" }, { entityId: "asc" }],
    size,
    track_total_hits: true,
    ...(query.after === undefined ? {} : { search_after: decodeCursor(query.after) }),
  };
  return { body, size };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** An entities-index `_source` as read back: entity or redirect, fields unchecked. */
export interface StoredEntitySource {
  readonly entityId?: unknown;
  readonly layer?: unknown;
  readonly redirectTo?: unknown;
  readonly adIds?: unknown;
  readonly aliases?: unknown;
  readonly phones?: unknown;
  readonly emails?: unknown;
  readonly handles?: unknown;
  readonly cities?: unknown;
  readonly countries?: unknown;
  readonly personaIds?: unknown;
  readonly updatedAt?: unknown;
  readonly version?: unknown;
}

/** A stored entity source as the public shape (analysis-only fields left out); undefined for redirects. */
export function entityOf(
  source: StoredEntitySource | undefined,
): (EsEntityDocument & { readonly version: number }) | undefined {
  if (source === undefined || typeof source.redirectTo === "string") return undefined;
  const layer = source.layer === "network" ? "network" : "persona";
  return {
    entityId: String(source.entityId),
    layer,
    adIds: strings(source.adIds),
    aliases: strings(source.aliases),
    phones: strings(source.phones),
    emails: strings(source.emails),
    handles: strings(source.handles),
    cities: strings(source.cities),
    countries: strings(source.countries),
    personaIds: strings(source.personaIds),
    updatedAt: String(source.updatedAt ?? ""),
    version: Number(source.version ?? 0),
  };
}
