import { AD_SOURCE_FIELDS } from "./ad-query.js";
import { classifyEsError } from "./classify.js";
import { encodeCursor } from "./cursor.js";
import { buildEntitySearch, entityOf, type StoredEntitySource } from "./entity-query.js";
import { runSearch, type SearchContext, totalOf } from "./search-context.js";
import type { EsAdSummary, EsEntityDetail, EsEntityQuery, EsEntityResult } from "./search-types.js";

const MAX_REDIRECTS = 8;

export async function searchEntities(ctx: SearchContext, query: EsEntityQuery): Promise<EsEntityResult> {
  const request = buildEntitySearch(query, ctx.limits.maxPageSize);
  const response = await runSearch<StoredEntitySource>(ctx, ctx.names.entities, request.body);
  const hits = response.hits.hits.flatMap((h) => {
    const entity = entityOf(h._source);
    return entity === undefined ? [] : [{ id: entity.entityId, score: h._score ?? 0, entity }];
  });
  const last = response.hits.hits[response.hits.hits.length - 1];
  const total = totalOf(response);
  return hits.length === request.size && last?.sort !== undefined
    ? { total, hits, next: encodeCursor(last.sort) }
    : { total, hits };
}

async function getSource(ctx: SearchContext, id: string): Promise<StoredEntitySource | undefined> {
  try {
    const doc = await ctx.client.get<StoredEntitySource>(
      { index: ctx.names.entities, id },
      { ...ctx.transport, ignore: [404] },
    );
    return doc.found ? doc._source : undefined;
  } catch (error) {
    throw classifyEsError(error);
  }
}

/** The entity behind `entityId` (following merge redirects) and its ads, oldest first. */
export async function getEntity(
  ctx: SearchContext,
  entityId: string,
  maxAds = 100,
): Promise<EsEntityDetail | undefined> {
  const redirectedFrom: string[] = [];
  let source = await getSource(ctx, entityId);
  while (typeof source?.redirectTo === "string" && redirectedFrom.length < MAX_REDIRECTS) {
    redirectedFrom.push(String(source.entityId));
    source = await getSource(ctx, source.redirectTo);
  }
  const entity = entityOf(source);
  if (entity === undefined) return undefined;
  const field = entity.layer === "persona" ? "personaId" : "networkId";
  const response = await runSearch<EsAdSummary>(ctx, ctx.names.ads, {
    query: { term: { [field]: entity.entityId } },
    sort: [{ postedAt: { order: "asc", missing: "_last" } }, { adId: "asc" }],
    size: maxAds,
    track_total_hits: true,
    _source: AD_SOURCE_FIELDS,
  });
  const ads = response.hits.hits.flatMap((h) => (h._source === undefined ? [] : [h._source]));
  return { entity, redirectedFrom, ads, adTotal: totalOf(response) };
}
