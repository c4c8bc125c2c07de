import type { estypes } from "@elastic/elasticsearch";
import { NexusError } from "@nexus/errors";
import { AD_SOURCE_FIELDS, filterClauses } from "./ad-query.js";
import { isPdqHex, minHamming } from "./hamming.js";
import { PDQ_DIMS } from "./mappings.js";
import { runSearch, type SearchContext } from "./search-context.js";
import type { EsAdSummary, EsImageHit, EsImageQuery } from "./search-types.js";

const MAX_IMAGE_RESULTS = 1000;

function checked(query: EsImageQuery): { hashes: string[]; maxDistance: number; size: number } {
  const hashes = [...new Set(query.hashes.map((h) => h.toLowerCase()))];
  const bad = hashes.find((h) => !isPdqHex(h));
  const maxDistance = query.maxDistance ?? 31;
  const size = query.size ?? 20;
  const distanceOk = Number.isInteger(maxDistance) && maxDistance >= 0 && maxDistance <= PDQ_DIMS;
  if (bad !== undefined || hashes.length === 0 || !distanceOk || size < 1 || size > MAX_IMAGE_RESULTS) {
    throw new NexusError("NEXUS_USAGE", "hashes must be 1+ PDQ hashes (64 hex), maxDistance 0..256, size 1..1000", {
      details: { field: bad !== undefined || hashes.length === 0 ? "hashes" : distanceOk ? "size" : "maxDistance" },
    });
  }
  return { hashes, maxDistance, size };
}

/**
 * One kNN clause per query hash (the photo and its dihedral variants) over `flat` bit vectors: exact,
 * and for bit vectors kNN `similarity` is the largest Hamming distance kept. Distances are then
 * recomputed from the stored hashes, so the order does not depend on how a server version scores.
 */
export async function searchImages(ctx: SearchContext, query: EsImageQuery): Promise<EsImageHit[]> {
  const { hashes, maxDistance, size } = checked(query);
  const filter = filterClauses(query.filters);
  const knn = hashes.map((h) => ({
    field: "images.vector",
    query_vector: h,
    k: size,
    num_candidates: Math.min(10_000, Math.max(100, size)),
    similarity: maxDistance,
    ...(filter.length > 0 ? { filter } : {}),
  }));
  const response = await runSearch<EsAdSummary>(ctx, ctx.names.ads, { knn, size, _source: AD_SOURCE_FIELDS });
  const hits = response.hits.hits.flatMap((h: estypes.SearchHit<EsAdSummary>) => {
    if (h._source === undefined) return [];
    const distance = minHamming(hashes, h._source.pdq);
    if (distance > maxDistance) return [];
    return [{ id: h._source.adId, distance, score: 1 - distance / PDQ_DIMS, ad: h._source }];
  });
  return hits.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
