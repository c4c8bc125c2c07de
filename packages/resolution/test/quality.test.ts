import { describe, expect, it } from "vitest";
import { createResolver, type Layer, type Resolver } from "../src/index.js";
import { scoreClustering } from "./metrics.js";
import { generateAds, type SyntheticAd, shuffle } from "./synthetic.js";

function labels(resolver: Resolver, layer: Layer): Map<string, string> {
  const map = new Map<string, string>();
  for (const entity of resolver.entities(layer)) for (const adId of entity.adIds) map.set(adId, entity.id);
  return map;
}

/** The partition as a canonical string: sorted groups of sorted ad ids (ids themselves may differ). */
function canonical(resolver: Resolver, layer: Layer): string {
  return resolver
    .entities(layer)
    .map((entity) => [...entity.adIds].sort().join(","))
    .sort()
    .join("\n");
}

function run(ads: readonly SyntheticAd[]): Resolver {
  const resolver = createResolver();
  for (const ad of ads) resolver.ingest(ad.features);
  return resolver;
}

describe("synthetic corpus", () => {
  const ads = generateAds({ networks: 40, seed: 7 });
  // Several full runs per test; generous timeouts because CI machines are shared.
  const slow = { timeout: 120_000 };

  it("gives the same partition in any arrival order, at both layers", slow, () => {
    const reference = run(ads);
    for (const seed of [1, 2]) {
      const shuffled = run(shuffle(ads, seed));
      expect(canonical(shuffled, "network")).toBe(canonical(reference, "network"));
      expect(canonical(shuffled, "persona")).toBe(canonical(reference, "persona"));
    }
  });

  it("nests every persona inside one network", slow, () => {
    const resolver = run(shuffle(ads, 9));
    for (const persona of resolver.entities("persona")) {
      const networks = new Set(persona.adIds.map((adId) => resolver.entityOfAd(adId)?.id));
      expect(networks.size).toBe(1);
      expect(resolver.entity(persona.networkId ?? "")?.personaIds).toContain(persona.id);
    }
  });

  it("finds the networks and personas despite a site number, stock photos and disclaimers", slow, () => {
    const resolver = run(ads);
    const network = scoreClustering(
      labels(resolver, "network"),
      new Map(ads.map((ad) => [ad.features.adId, ad.network])),
    );
    const persona = scoreClustering(
      labels(resolver, "persona"),
      new Map(ads.map((ad) => [ad.features.adId, ad.persona])),
    );
    expect(network.pairwisePrecision).toBeGreaterThanOrEqual(0.97);
    expect(network.bcubedF1).toBeGreaterThanOrEqual(0.95);
    expect(persona.bcubedF1).toBeGreaterThanOrEqual(0.9);
    const kinds = new Set(resolver.generics().map((demotion) => demotion.kind));
    expect(kinds).toContain("phone");
    expect(kinds).toContain("photo");
    expect(kinds).toContain("phrase");
  });
});
