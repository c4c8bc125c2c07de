import { NexusError } from "@nexus/errors";
import { type DocColumns, foldKey } from "./index-store.js";
import type { FacetCount, FacetField, SearchFilters } from "./types.js";

/** A compiled filter: one predicate over a live document number. */
export type NumPredicate = (num: number) => boolean;

function parseBound(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new NexusError("NEXUS_USAGE", `filters.${name} is not an ISO 8601 date: ${value}`, {
      details: { field: `filters.${name}` },
    });
  }
  return ms;
}

function keySet(values: readonly string[] | undefined, key: (v: string) => string): Set<string> | undefined {
  return values === undefined ? undefined : new Set(values.map(key));
}

function inSet(set: Set<string> | undefined, key: string | undefined): boolean {
  return set === undefined || (key !== undefined && set.has(key));
}

function hasPhone(columns: DocColumns, num: number): boolean {
  return (columns.docs[num]?.phones?.length ?? 0) > 0;
}

/** Compile filters once per query; values are compared the way they were indexed (folded keys). */
export function compileFilters(columns: DocColumns, filters: SearchFilters = {}): NumPredicate {
  const countries = keySet(filters.country, (v) => v.trim().toUpperCase());
  const cities = keySet(filters.city, foldKey);
  const sources = keySet(filters.source, foldKey);
  const from = parseBound(filters.from, "from") ?? Number.NEGATIVE_INFINITY;
  const to = parseBound(filters.to, "to") ?? Number.POSITIVE_INFINITY;
  const dated = filters.from !== undefined || filters.to !== undefined;
  const { hasPhone: wantPhone, entityId } = filters;
  return (num) => {
    if (!inSet(countries, columns.countryKeys[num]) || !inSet(cities, columns.cityKeys[num])) return false;
    if (!inSet(sources, columns.sourceKeys[num])) return false;
    if (dated) {
      const at = columns.postedAt[num] ?? Number.NaN;
      if (!(at >= from && at <= to)) return false;
    }
    if (wantPhone !== undefined && hasPhone(columns, num) !== wantPhone) return false;
    return entityId === undefined || columns.docs[num]?.entityId === entityId;
  };
}

type FacetValue = readonly [key: string, display: string] | undefined;

const FACET_VALUE: Record<FacetField, (c: DocColumns, num: number) => FacetValue> = {
  country: (c, num) => {
    const key = c.countryKeys[num];
    return key === undefined ? undefined : [key, key];
  },
  city: (c, num) => {
    const key = c.cityKeys[num];
    return key === undefined ? undefined : [key, c.docs[num]?.city?.trim() ?? key];
  },
  source: (c, num) => {
    const key = c.sourceKeys[num];
    return key === undefined ? undefined : [key, c.docs[num]?.source?.trim() ?? key];
  },
  hasPhone: (c, num) => {
    const v = String(hasPhone(c, num));
    return [v, v];
  },
};

function byCountThenValue(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.value === b.value) return 0;
  return a.value < b.value ? -1 : 1;
}

/**
 * Counts per value over every matching document (not just the page). Values that fold to the same
 * key ("Bogotá", "bogota") count together under the smallest spelling, so output is deterministic.
 */
export function countFacets(
  columns: DocColumns,
  nums: readonly number[],
  request: { readonly fields: readonly FacetField[]; readonly limit: number },
): Partial<Record<string, FacetCount[]>> {
  const out: Partial<Record<string, FacetCount[]>> = {};
  for (const field of new Set(request.fields)) {
    const counts = new Map<string, { display: string; count: number }>();
    const facetValue = FACET_VALUE[field];
    for (const num of nums) {
      const v = facetValue(columns, num);
      if (v === undefined) continue;
      const entry = counts.get(v[0]);
      if (entry === undefined) counts.set(v[0], { display: v[1], count: 1 });
      else {
        entry.count++;
        if (v[1] < entry.display) entry.display = v[1];
      }
    }
    const values = [...counts.values()].map((e) => ({ value: e.display, count: e.count }));
    out[field] = values.sort(byCountThenValue).slice(0, request.limit);
  }
  return out;
}
