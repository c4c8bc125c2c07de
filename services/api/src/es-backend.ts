import type { EsAdSummary, EsSearch } from "@nexus/es";
import type { AdHit, ApiBackend } from "./backend.js";

function toHit(hit: { id: string; score: number; highlights: readonly string[]; ad: EsAdSummary }): AdHit {
  const { ad } = hit;
  return {
    id: hit.id,
    score: hit.score,
    highlights: hit.highlights,
    ...(ad.networkId ? { entityId: ad.networkId } : {}),
    ...(ad.title ? { title: ad.title } : {}),
    ...(ad.country ? { country: ad.country } : {}),
    ...(ad.city ? { city: ad.city } : {}),
    ...(ad.postedAt ? { postedAt: ad.postedAt } : {}),
    ...(ad.url ? { url: ad.url } : {}),
  };
}

/**
 * Search and image search from Elasticsearch; what Elasticsearch does not hold (the link evidence
 * behind an entity, explanations, ingest) from `local`, the engine that resolves.
 */
export function createEsBackend(search: EsSearch, local: ApiBackend): ApiBackend {
  return {
    ...local,
    name: "elasticsearch",
    async searchAds(query) {
      const result = await search.searchAds(query);
      return { total: result.total, facets: result.facets, hits: result.hits.map(toHit) };
    },
    async searchEntities(query) {
      if (query.text) return local.searchEntities(query);
      const result = await search.searchEntities({
        layer: query.layer,
        size: query.size,
        ...(query.phone ? { phone: query.phone } : {}),
        ...(query.email ? { email: query.email.toLowerCase() } : {}),
        ...(query.handle ? { handle: query.handle.toLowerCase() } : {}),
      });
      const hits = result.hits.map(({ entity }) => ({
        id: entity.entityId,
        layer: entity.layer,
        adIds: entity.adIds,
        phones: entity.phones ?? [],
        emails: entity.emails ?? [],
        handles: entity.handles ?? [],
      }));
      return { total: result.total, hits };
    },
    async searchImage(hashes, maxDistance, size) {
      const hits = await search.searchImages({ hashes, maxDistance, size });
      return hits.map((hit) => ({ id: hit.id, distance: hit.distance }));
    },
  };
}
