import type { Engine, StoredDecision } from "@nexus/embedded-runtime";
import type { EntitySummary, GenericDemotion, ResolutionUpdate } from "@nexus/resolution";
import type { EnrichedAd } from "@nexus/schemas";
import type { AdSummary, ContactStat, DecisionRecord, EntityOverview, InsightBackend } from "./insights.js";

/** Ads listed per entity overview: a larger network shows its first ads and says how many there are. */
const MAX_OVERVIEW_ADS = 5000;

export function contactsOf(enriched: EnrichedAd): string[] {
  const { phones, emails, handles } = enriched.extraction;
  const keys = new Set<string>();
  for (const phone of phones) keys.add(`phone:${phone.e164}`);
  for (const email of emails) keys.add(`email:${email.value.toLowerCase()}`);
  for (const handle of handles) keys.add(`handle:${handle.platform}:${handle.value}`.toLowerCase());
  return [...keys];
}

function contactStats(ads: readonly EnrichedAd[], generic: ReadonlySet<string>): ContactStat[] {
  const stats = new Map<string, { ads: number; dates: string[] }>();
  for (const enriched of ads) {
    for (const key of contactsOf(enriched)) {
      const stat = stats.get(key) ?? { ads: 0, dates: [] };
      stat.ads += 1;
      if (enriched.ad.postedAt) stat.dates.push(enriched.ad.postedAt);
      stats.set(key, stat);
    }
  }
  return [...stats]
    .map(([key, stat]): ContactStat => {
      const kind = key.slice(0, key.indexOf(":")) as ContactStat["kind"];
      const dates = stat.dates.sort();
      const first = dates[0];
      const last = dates[dates.length - 1];
      return {
        key,
        kind,
        value: key.slice(kind.length + 1),
        ads: stat.ads,
        generic: generic.has(key),
        ...(first ? { firstSeen: first } : {}),
        ...(last ? { lastSeen: last } : {}),
      };
    })
    .sort((a, b) => b.ads - a.ads || (a.key < b.key ? -1 : 1));
}

function toRecord(stored: StoredDecision): DecisionRecord {
  const at = stored.at ? { at: stored.at } : {};
  if (stored.kind === "override") {
    return { kind: "override", key: stored.key, mode: stored.mode, ...(stored.by ? { by: stored.by } : {}), ...at };
  }
  const { kind, a, b, by, note } = stored.decision;
  return { kind, a, b, ...(by ? { by } : {}), ...(note ? { note } : {}), ...at };
}

function outcome(update: ResolutionUpdate): { changes: ResolutionUpdate["changes"]; demotions: GenericDemotion[] } {
  return { changes: update.changes, demotions: update.demotions };
}

function summarise(enriched: EnrichedAd, personaId: string | undefined): AdSummary {
  const { ad } = enriched;
  return {
    id: enriched.id,
    source: ad.source,
    photos: ad.images?.length ?? 0,
    contacts: contactsOf(enriched),
    ...(ad.title ? { title: ad.title } : {}),
    ...(ad.postedAt ? { postedAt: ad.postedAt } : {}),
    ...(ad.city ? { city: ad.city } : {}),
    ...(ad.country ? { country: ad.country } : {}),
    ...(personaId ? { personaId } : {}),
  };
}

function concerns(record: DecisionRecord, entity: EntitySummary, contactKeys: ReadonlySet<string>): boolean {
  const ids = new Set([entity.id, ...entity.aliases, ...entity.adIds, ...(entity.personaIds ?? [])]);
  if (record.kind === "override") return record.key !== undefined && contactKeys.has(record.key);
  return (record.a !== undefined && ids.has(record.a)) || (record.b !== undefined && ids.has(record.b));
}

/** The console's extra reads and writes over the embedded engine's public methods. */
export function createEngineInsights(engine: Engine): InsightBackend {
  const loadAds = async (ids: readonly string[]): Promise<EnrichedAd[]> =>
    (await Promise.all(ids.map((id) => engine.ad(id)))).filter((ad): ad is EnrichedAd => ad !== undefined);
  const decisions = async (): Promise<DecisionRecord[]> => (await engine.decisions()).map(toRecord);
  return {
    async entityOverview(id) {
      const entity = engine.resolver.entity(id);
      if (!entity) return undefined;
      const ads = await loadAds(entity.adIds.slice(0, MAX_OVERVIEW_ADS));
      const demotions = engine.resolver.generics().filter((g) => !g.overridden);
      const contacts = contactStats(ads, new Set(demotions.map((g) => g.key)));
      const contactKeys = new Set(contacts.map((c) => c.key));
      const overview: EntityOverview = {
        id: entity.id,
        layer: entity.layer,
        personaIds: entity.personaIds ?? [],
        aliases: entity.aliases,
        ads: ads.map((enriched) => summarise(enriched, engine.entityOfAd(enriched.id, "persona")?.id)),
        contacts,
        decisions: (await decisions()).filter((record) => concerns(record, entity, contactKeys)),
        generics: demotions.filter((g) => contactKeys.has(g.key)),
        ...(entity.networkId ? { networkId: entity.networkId } : {}),
      };
      return overview;
    },
    async generics() {
      return engine.resolver.generics();
    },
    async overrideGeneric(key, mode, by) {
      return outcome(await engine.overrideGeneric(key, mode, by));
    },
    async decide(decision) {
      return outcome(await engine.decide(decision));
    },
    decisions,
    async photo(adId, index) {
      const enriched = await engine.ad(adId);
      const source = enriched?.ad.images?.[index];
      if (!enriched || !source) return undefined;
      const sha256 = enriched.images.find((image) => image.index === index)?.sha256;
      return { source, ...(sha256 ? { sha256 } : {}) };
    },
  };
}
