import type { Engine } from "@nexus/embedded-runtime";
import type { EntitySummary, PairLink } from "@nexus/resolution";
import type { EnrichedAd } from "@nexus/schemas";
import type { AdHit, ApiBackend, CitySighting, EntityDetail, EntityHit } from "./backend.js";

const MAX_LINKED_ADS = 60;

function citySightings(ads: readonly EnrichedAd[]): CitySighting[] {
  const byCity = new Map<string, { city: string; country?: string; dates: string[]; ads: number }>();
  for (const { ad } of ads) {
    if (!ad.city) continue;
    const key = `${ad.country ?? ""}/${ad.city}`;
    const entry = byCity.get(key) ?? {
      city: ad.city,
      ...(ad.country ? { country: ad.country } : {}),
      dates: [],
      ads: 0,
    };
    entry.ads += 1;
    if (ad.postedAt) entry.dates.push(ad.postedAt);
    byCity.set(key, entry);
  }
  return [...byCity.values()].map(({ dates, ...rest }) => {
    const sorted = dates.sort();
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    return { ...rest, ...(first ? { firstSeen: first } : {}), ...(last ? { lastSeen: last } : {}) };
  });
}

function photoGroups(ads: readonly EnrichedAd[]): { pdq: string; adIds: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const enriched of ads) {
    for (const image of enriched.images)
      if (image.pdq) groups.set(image.pdq, [...(groups.get(image.pdq) ?? []), enriched.id]);
  }
  return [...groups].map(([pdq, adIds]) => ({ pdq, adIds }));
}

/** The links on the paths from the entity's first ad to each other ad: its spanning evidence. */
function spanningLinks(engine: Engine, entity: EntitySummary): PairLink[] {
  const [first, ...rest] = entity.adIds;
  const links = new Map<string, PairLink>();
  for (const other of first ? rest.slice(0, MAX_LINKED_ADS) : []) {
    for (const link of engine.explain(first as string, other).path) links.set(`${link.a}|${link.b}`, link);
  }
  return [...links.values()];
}

function toEntityHit(entity: EntitySummary): EntityHit {
  const { id, layer, adIds, phones, emails, handles } = entity;
  return { id, layer, adIds, phones, emails, handles };
}

/** The API over the embedded engine: everything in process, no servers. */
export function createEmbeddedBackend(engine: Engine): ApiBackend {
  const loadAds = async (ids: readonly string[]): Promise<EnrichedAd[]> =>
    (await Promise.all(ids.map((id) => engine.ad(id)))).filter((ad): ad is EnrichedAd => ad !== undefined);
  return {
    name: "embedded",
    async searchAds(query) {
      const result = await engine.search(query);
      const ads = await loadAds(result.hits.map((hit) => hit.id));
      const byId = new Map(ads.map((enriched) => [enriched.id, enriched.ad]));
      const hits = result.hits.map((hit): AdHit => {
        const ad = byId.get(hit.id);
        const entityId = engine.entityOfAd(hit.id)?.id;
        return {
          ...hit,
          ...(entityId ? { entityId } : {}),
          ...(ad?.title ? { title: ad.title } : {}),
          ...(ad?.country ? { country: ad.country } : {}),
          ...(ad?.city ? { city: ad.city } : {}),
          ...(ad?.postedAt ? { postedAt: ad.postedAt } : {}),
          ...(ad?.url ? { url: ad.url } : {}),
        };
      });
      return { ...result, hits };
    },
    async getAd(id) {
      const ad = await engine.ad(id);
      if (!ad) return undefined;
      const entityId = engine.entityOfAd(id, "network")?.id;
      const personaId = engine.entityOfAd(id, "persona")?.id;
      return { ad, ...(entityId ? { entityId } : {}), ...(personaId ? { personaId } : {}) };
    },
    async searchImage(hashes, maxDistance, size) {
      return engine
        .searchImage(hashes, maxDistance)
        .slice(0, size)
        .map(({ adId, distance }) => ({ id: adId, distance }));
    },
    async getEntity(id) {
      const entity = engine.resolver.entity(id);
      if (!entity) return undefined;
      const ads = await loadAds(entity.adIds);
      const personas = (entity.personaIds ?? []).flatMap((pid) => engine.resolver.entity(pid) ?? []);
      const detail: EntityDetail = {
        ...entity,
        personas,
        cities: citySightings(ads),
        photos: photoGroups(ads),
        links: spanningLinks(engine, entity),
      };
      return detail;
    },
    async searchEntities(query) {
      const contact = (e: EntitySummary): boolean =>
        (!query.phone || e.phones.includes(query.phone)) &&
        (!query.email || e.emails.includes(query.email.toLowerCase())) &&
        (!query.handle || e.handles.includes(query.handle.toLowerCase()));
      let candidates = engine.entities(query.layer).filter(contact);
      if (query.text) {
        const order = new Map<string, number>();
        for (const hit of (await engine.search({ text: query.text, size: 500 })).hits) {
          const id = engine.entityOfAd(hit.id, query.layer)?.id;
          if (id && !order.has(id)) order.set(id, order.size);
        }
        candidates = candidates
          .filter((e) => order.has(e.id))
          .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      }
      return { total: candidates.length, hits: candidates.slice(0, query.size).map(toEntityHit) };
    },
    async explain(adA, adB) {
      return engine.explain(adA, adB);
    },
    async ingest(ads) {
      const summary = await engine.ingest(
        (async function* () {
          for (const ad of ads) yield JSON.stringify(ad);
        })(),
      );
      const rejected = summary.rejections.map((r) => ({ index: (r.line ?? 1) - 1, code: r.code, message: r.message }));
      return { accepted: summary.accepted, updated: summary.updated, duplicates: summary.duplicates, rejected };
    },
  };
}
