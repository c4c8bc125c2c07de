import { createTestDriver, type TestDriver } from "@nexus/kafka-runtime";
import { createClusterer, createMatcher } from "@nexus/resolution";
import { type AdResolution, type MatchBatch, type ResolvedAd, TOPICS } from "@nexus/schemas";
import { enriched } from "@nexus/service-matcher/test-fixtures";
import { createMatcherTopology } from "@nexus/service-matcher/topology";
import { describe, expect, it } from "vitest";
import { createResolverTopology, RESOLVER_CHANGELOG } from "../src/topology.js";

/** Two matcher replicas' batches for the ads, in the order each replica produced them. */
async function batches(ads: readonly (readonly [string, string])[]): Promise<MatchBatch[][]> {
  const replicas = [0, 1].map((replica) =>
    createTestDriver(createMatcherTopology(createMatcher({}, { replica, replicas: 2 }))),
  );
  for (const driver of replicas) for (const [id, phone] of ads) await driver.send(enriched(id, phone), id);
  return replicas.map((driver) => driver.values<MatchBatch>(TOPICS.matches));
}

async function sendAll(driver: TestDriver, list: readonly MatchBatch[]): Promise<void> {
  for (const batch of list) await driver.send(batch, `${batch.seq}/${batch.replica}`);
}

describe("resolver topology", () => {
  const ads = [
    ["a1", "+50255551234"],
    ["a2", "+50255551234"],
    ["a3", "+50766667777"],
  ] as const;

  it("takes each ad once all replicas' batches are in, in order, and hands the ad on", async () => {
    const [zero = [], one = []] = await batches(ads);
    const driver = createTestDriver(createResolverTopology(createClusterer()));
    // Replica 1 runs ahead: nothing can be taken until replica 0's batch for seq 0 arrives.
    await sendAll(driver, one);
    expect(driver.read(TOPICS.adsResolved)).toEqual([]);
    await sendAll(driver, zero);
    const resolutions = driver.values<AdResolution>(TOPICS.adsResolutions);
    expect(resolutions.map((resolution) => [resolution.seq, resolution.ad.id])).toEqual([
      [1, "a1"],
      [2, "a2"],
      [3, "a3"],
    ]);
    const last = new Map(driver.values<ResolvedAd>(TOPICS.adsResolved).map((r) => [r.adId, r.networkId]));
    expect(last.get("a1")).toBe(last.get("a2"));
    expect(last.get("a3")).not.toBe(last.get("a1"));
    expect(driver.read(TOPICS.links).length).toBeGreaterThan(0);
    expect(driver.read(RESOLVER_CHANGELOG)).toHaveLength(6);
    expect(driver.deadLetters()).toEqual([]);
  });

  it("rebuilds its state, waiting batches included, from the changelog and ignores replays", async () => {
    const [zero = [], one = []] = await batches(ads);
    const first = createTestDriver(createResolverTopology(createClusterer()));
    await sendAll(first, [...zero.slice(0, 2), ...one.slice(0, 1), ...one.slice(1, 2)]);
    expect(first.values<AdResolution>(TOPICS.adsResolutions).map((r) => r.ad.id)).toEqual(["a1", "a2"]);
    await sendAll(first, zero.slice(2));
    const changelog = first.read(RESOLVER_CHANGELOG).map((record) => [record.key ?? "", record.value] as const);

    const clusterer = createClusterer();
    const second = createTestDriver(createResolverTopology(clusterer), { changelog });
    expect([clusterer.taken, clusterer.pending]).toEqual([2, 1]);
    await sendAll(second, zero);
    expect(second.read(TOPICS.adsResolved)).toEqual([]);
    await sendAll(second, one.slice(2));
    // a3's own batch (replica 0 owns seq 2) came from the changelog; the ad is handed on all the same.
    expect(second.values<AdResolution>(TOPICS.adsResolutions).map((r) => r.ad.id)).toEqual(["a3"]);
    expect(clusterer.entityOf("a2")).toBe(clusterer.entityOf("a1"));
  });
});
