import { createTestDriver } from "@nexus/kafka-runtime";
import { createResolver } from "@nexus/resolution";
import { type ResolvedAd, TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createResolverTopology, RESOLVER_CHANGELOG } from "../src/topology.js";

const extraction = (e164: string) => ({
  language: "es",
  phones: [{ raw: e164, start: 0, end: 1, e164, country: "GT", rule: "ad-country", obfuscations: [], confidence: 1 }],
  emails: [],
  handles: [],
  urls: [],
  ages: [],
  prices: [],
  names: [],
  locations: [],
});
const enriched = (id: string, phone: string) => ({
  id,
  ad: { id, source: `site-${id}`, body: `ad ${id}` },
  extraction: extraction(phone),
  images: [],
});

describe("resolver topology", () => {
  it("links two ads sharing a phone and writes its changelog", async () => {
    const driver = createTestDriver(createResolverTopology(createResolver()));
    await driver.send(enriched("a1", "+50255551234"), "a1");
    await driver.send(enriched("a2", "+50255551234"), "a2");
    const resolved = driver.values<ResolvedAd>(TOPICS.adsResolved);
    const last = new Map(resolved.map((r) => [r.adId, r.networkId]));
    expect(last.get("a1")).toBe(last.get("a2"));
    expect(driver.read(RESOLVER_CHANGELOG).map((r) => r.key)).toEqual(["a1", "a2"]);
    expect(driver.read(TOPICS.links).length).toBeGreaterThan(0);
    expect(driver.deadLetters()).toEqual([]);
  });

  it("rebuilds its state from the changelog and ignores a replayed ad", async () => {
    const first = createTestDriver(createResolverTopology(createResolver()));
    await first.send(enriched("a1", "+50255551234"), "a1");
    const changelog = first.read(RESOLVER_CHANGELOG).map((r) => [r.key ?? "", r.value] as const);
    const resolver = createResolver();
    const second = createTestDriver(createResolverTopology(resolver), { changelog });
    await second.send(enriched("a1", "+50255551234"), "a1");
    expect(second.read(TOPICS.adsResolved)).toEqual([]);
    await second.send(enriched("a2", "+50255551234"), "a2");
    expect(resolver.entityOfAd("a2")?.adIds).toEqual(expect.arrayContaining(["a1", "a2"]));
  });
});
