import { randomUUID } from "node:crypto";
import { Client } from "@elastic/elasticsearch";
import { elasticsearchUrl } from "@nexus/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEsIndexer,
  createEsSearch,
  dropEsIndices,
  type EsDrop,
  type EsIndexNames,
  type EsSearch,
  ensureEsIndices,
} from "../src/index.js";
import { ADS, flipBits, OTHER_PHOTO, PHOTO } from "./fixtures.js";

// Against a real Elasticsearch 8.19 (test/helpers/services.ts finds or starts it). Each suite gets
// its own UUID-named indices and templates, deleted at the end.

let client: Client;
let names: EsIndexNames;
let search: EsSearch;
const prefix = `nexus-test-${randomUUID()}`;

beforeAll(async () => {
  client = new Client({ node: await elasticsearchUrl() });
  names = await ensureEsIndices({ client, prefix });
  search = createEsSearch({ client, names });
  const indexer = createEsIndexer({ client, names, refresh: "wait_for" });
  const report = await indexer.write(ADS.map((ad) => ({ kind: "ad", ad, version: 1 })));
  expect(report).toMatchObject({ written: ADS.length, dropped: 0, conflicts: 0 });
});

afterAll(async () => {
  await dropEsIndices(client, prefix);
  await client.close();
});

describe("templates", () => {
  it("creates versioned indices behind the aliases", async () => {
    const aliases = await client.indices.getAlias({ name: [names.ads, names.entities] });
    expect(Object.keys(aliases).sort()).toEqual([names.adsIndex, names.entitiesIndex].sort());
    expect(await ensureEsIndices({ client, prefix })).toEqual(names);
  });
});

describe("indexer", () => {
  it("keeps the newest version: replays and late updates are conflicts, not errors", async () => {
    const conflicts: string[] = [];
    const indexer = createEsIndexer({ client, names, refresh: "wait_for", onConflict: (c) => conflicts.push(c.id) });
    const ad = { adId: "ad-v", source: "s", body: "versión cinco" };
    expect((await indexer.write([{ kind: "ad", ad, version: 5 }])).written).toBe(1);
    const late = await indexer.write([
      { kind: "ad", ad: { ...ad, body: "versión tres" }, version: 3 },
      { kind: "ad", ad: { ...ad, body: "versión cinco otra vez" }, version: 5 },
    ]);
    expect(late).toMatchObject({ written: 0, conflicts: 2, dropped: 0 });
    expect(conflicts).toEqual(["ad-v", "ad-v"]);
    const stored = await client.get<{ body: string; version: number }>({ index: names.ads, id: "ad-v" });
    expect(stored._source).toMatchObject({ body: "versión cinco", version: 5 });
    expect(stored._version).toBe(5);
  });

  it("reports every rejected document with its id and reason", async () => {
    const drops: EsDrop[] = [];
    const indexer = createEsIndexer({ client, names, refresh: "wait_for", onDrop: (d) => drops.push(d) });
    const report = await indexer.write([
      { kind: "ad", ad: { adId: "ok-1", source: "s", body: "bien" }, version: 1 },
      { kind: "ad", ad: { adId: "bad-date", source: "s", body: "x", postedAt: "ayer" }, version: 1 },
      { kind: "ad", ad: { adId: "bad-version", source: "s", body: "x" }, version: -1 },
    ]);
    expect(report).toMatchObject({ written: 1, dropped: 2 });
    expect(drops.map((d) => [d.id, d.code]).sort()).toEqual([
      ["bad-date", "NEXUS_ES_REJECTED"],
      ["bad-version", "NEXUS_ES_REJECTED"],
    ]);
    expect(drops.find((d) => d.id === "bad-date")?.reason).toMatch(/postedAt|date/);
  });
});

describe("ad search", () => {
  it("finds Spanish words without accents, in another case and misspelled, with highlights", async () => {
    const result = await search.searchAds({ text: "BOGOTA masages", facets: ["country", "city", "source"] });
    expect(result.hits.map((h) => h.id)).toContain("ad-1");
    const first = result.hits.find((h) => h.id === "ad-1");
    expect(first?.highlights.join(" ")).toContain("«Bogotá»");
    expect(first?.highlights.join(" ")).toContain("«masajes»");
    expect(result.facets).toMatchObject({
      city: expect.arrayContaining([{ value: "Bogotá", count: 2 }]),
      source: expect.arrayContaining([{ value: "SiteA", count: 2 }]),
    });
  });

  it("matches plurals and English stems, and filters by country, date and phone presence", async () => {
    const en = await search.searchAds({ text: "massage", language: "en", filters: { country: ["pa"] } });
    expect(en.hits.map((h) => h.id)).toEqual(["ad-3"]);
    const dated = await search.searchAds({ filters: { from: "2026-01-15T00:00:00Z", hasPhone: false } });
    expect(dated.hits.map((h) => h.id)).toEqual(["ad-2"]);
  });

  it("finds an obfuscated phone by the number typed plainly, and by E.164", async () => {
    const typed = await search.searchAds({ text: "3001234567" });
    expect(typed.hits[0]?.id).toBe("ad-1");
    const exact = await search.lookupPhone("+50761234567");
    expect(exact.hits.map((h) => h.id)).toEqual(["ad-3"]);
  });

  it("requires quoted phrases in order", async () => {
    const hit = await search.searchAds({ text: '"chica nueva"' });
    expect(hit.hits.map((h) => h.id)).toEqual(["ad-2"]);
    const miss = await search.searchAds({ text: '"nueva chica"' });
    expect(miss.total).toBe(0);
  });

  it("pages with search_after without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await search.searchAds({ size: 2, ...(after === undefined ? {} : { after }) });
      seen.push(...page.hits.map((h) => h.id));
      after = page.next;
    } while (after !== undefined);
    const all = await search.searchAds({ size: 100 });
    expect(seen).toEqual(all.hits.map((h) => h.id));
    expect(new Set(seen).size).toBe(all.total);
  });
});

describe("image search", () => {
  it("finds a photo within the distance through any dihedral variant, nearest first", async () => {
    const near = flipBits(PHOTO, 12);
    const hits = await search.searchImages({ hashes: ["f".repeat(64), near], maxDistance: 31 });
    expect(hits.map((h) => [h.id, h.distance])).toEqual([["ad-1", 12]]);
    const far = await search.searchImages({ hashes: [flipBits(OTHER_PHOTO, 40)], maxDistance: 31 });
    expect(far).toEqual([]);
  });
});

describe("entities", () => {
  it("writes merges as redirects and follows them; search never returns a redirect", async () => {
    const indexer = createEsIndexer({ client, names, refresh: "wait_for" });
    const at = "2026-03-02T00:00:00Z";
    await indexer.write([
      {
        kind: "entity",
        entity: { entityId: "p-1", layer: "persona", adIds: ["ad-1"], aliases: ["Valentina"], updatedAt: at },
        version: 1,
      },
      {
        kind: "entity",
        entity: { entityId: "p-2", layer: "persona", adIds: ["ad-2"], aliases: ["Vale"], updatedAt: at },
        version: 1,
      },
    ]);
    await indexer.write([
      {
        kind: "entity",
        entity: {
          entityId: "p-1",
          layer: "persona",
          adIds: ["ad-1", "ad-2"],
          aliases: ["Valentina", "Vale"],
          phones: ["+573001234567"],
          updatedAt: at,
        },
        version: 2,
      },
      {
        kind: "redirect",
        redirect: { entityId: "p-2", layer: "persona", redirectTo: "p-1", updatedAt: at },
        version: 2,
      },
    ]);
    const detail = await search.getEntity("p-2");
    expect(detail?.entity.entityId).toBe("p-1");
    expect(detail?.redirectedFrom).toEqual(["p-2"]);
    expect(detail?.ads.map((a) => a.adId)).toEqual(["ad-1"]);
    const found = await search.searchEntities({ text: "valentina" });
    expect(found.hits.map((h) => h.id)).toEqual(["p-1"]);
    const byPhone = await search.searchEntities({ phone: "+573001234567" });
    expect(byPhone.hits.map((h) => h.id)).toEqual(["p-1"]);
    expect(await search.getEntity("nope")).toBeUndefined();
  });
});
