import { adInputFromEnriched, type EsEntityDocument, type EsIndexer, type EsWriteOp, entityChangeOps } from "@nexus/es";
import type { ResolutionUpdate, Resolver } from "@nexus/resolution";
import type { EnrichedAd } from "@nexus/schemas";
import type { Store } from "@nexus/store";
import { KEYS } from "./keys.js";
import type { StoredEnrichedAd } from "./process.js";

/** Where processed ads and changed entities are indexed for search beyond the process (Elasticsearch). */
export interface IndexSink {
  /** Indexes these ads and every ad and entity the updates touched; `throughSeq` is then durable. */
  index(ads: readonly EnrichedAd[], updates: readonly ResolutionUpdate[], throughSeq: number): Promise<void>;
  /** Re-indexes what a crash or an outage left behind (ads processed after the last indexed seq). */
  catchUp(): Promise<void>;
}

function entityDocument(resolver: Resolver, entityId: string, updatedAt: string): EsEntityDocument | undefined {
  const entity = resolver.entity(entityId);
  if (!entity) return undefined;
  return {
    entityId: entity.id,
    layer: entity.layer,
    adIds: entity.adIds,
    aliases: entity.aliases,
    phones: entity.phones,
    emails: entity.emails,
    handles: entity.handles,
    ...(entity.personaIds ? { personaIds: entity.personaIds } : {}),
    updatedAt,
  };
}

/**
 * Indexes into Elasticsearch with the same documents the indexer service writes. Versions come from
 * a persisted counter, so a re-index after a crash carries a higher version with the same content,
 * and an older write can never overwrite a newer one.
 */
export function createEsSink(indexer: EsIndexer, resolver: Resolver, store: Store): IndexSink {
  const nextVersion = async (): Promise<number> => ((await store.get<number>(KEYS.esVersion)) ?? 0) + 1;
  const adOps = (ads: readonly EnrichedAd[], version: number): EsWriteOp[] =>
    ads.map((enriched) => {
      const persona = resolver.entityOfAd(enriched.id, "persona")?.id;
      const network = resolver.entityOfAd(enriched.id, "network")?.id;
      const resolved = persona && network ? { adId: enriched.id, personaId: persona, networkId: network } : undefined;
      return { kind: "ad" as const, ad: adInputFromEnriched(enriched, resolved), version };
    });
  const loadAds = async (ids: readonly string[]): Promise<EnrichedAd[]> =>
    (await store.getMany<StoredEnrichedAd>(ids.map((id) => KEYS.enriched(id)))).flatMap((s) => (s ? [s.enriched] : []));
  const write = async (ops: EsWriteOp[], version: number, throughSeq: number): Promise<void> => {
    await indexer.write(ops);
    await store.write([
      { type: "put", key: KEYS.esVersion, value: version },
      { type: "put", key: KEYS.esCursor, value: throughSeq },
    ]);
  };
  return {
    async index(ads, updates, throughSeq) {
      const version = await nextVersion();
      const now = new Date().toISOString();
      const known = new Set(ads.map((ad) => ad.id));
      const touched = [...new Set(updates.flatMap((u) => u.resolved.map((r) => r.adId)))].filter(
        (id) => !known.has(id),
      );
      const lookup = (id: string) => entityDocument(resolver, id, now);
      const entityOps = updates
        .flatMap((u) => u.changes)
        .flatMap((change) => entityChangeOps({ id: `${change.entityId}/${version}`, ...change }, lookup, version));
      await write([...adOps([...ads, ...(await loadAds(touched))], version), ...entityOps], version, throughSeq);
    },
    async catchUp() {
      const indexed = (await store.get<number>(KEYS.esCursor)) ?? 0;
      const cursor = (await store.get<number>(KEYS.cursor)) ?? 0;
      if (indexed >= cursor) return;
      const ids: string[] = [];
      for await (const [key, adId] of store.scan<string>(KEYS.seqPrefix, { after: KEYS.seq(indexed) })) {
        if (Number(key.slice(KEYS.seqPrefix.length)) > cursor) break;
        ids.push(adId);
      }
      const version = await nextVersion();
      const now = new Date().toISOString();
      const ads = await loadAds(ids);
      const entityIds = new Set(
        ads.flatMap((ad) => [resolver.entityOfAd(ad.id, "persona")?.id, resolver.entityOfAd(ad.id, "network")?.id]),
      );
      const entityOps = [...entityIds].flatMap((id) => {
        const entity = id ? entityDocument(resolver, id, now) : undefined;
        return entity ? [{ kind: "entity" as const, entity, version }] : [];
      });
      await write([...adOps(ads, version), ...entityOps], version, cursor);
    },
  };
}
