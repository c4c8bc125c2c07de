/**
 * Issue 6: killing the stateful services (a matcher replica, then the resolver) with SIGKILL
 * mid-stream and restarting them loses no ad and duplicates none: each rebuilds its state from its
 * changelog and ignores what it had taken before.
 */
import type { ChildProcess } from "node:child_process";
import { extractAd, toAdFeatures } from "@nexus/pipeline";
import { type AdFeatures, createClusterer, createResolver, type MatchBatch } from "@nexus/resolution";
import { type EnrichedAd, TOPICS } from "@nexus/schemas";
import { matcherChangelog } from "@nexus/service-matcher/topology";
import { RESOLVER_CHANGELOG } from "@nexus/service-resolver/topology";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTopic, topicSize } from "./kafka-read.js";
import {
  ensurePipelineTopics,
  pipelineTopicNames,
  produceById,
  spawnService,
  stopServices,
  waitFor,
} from "./pipeline-helpers.js";

const prefix = `crash-${Date.now()}-`;
const ADS = 3000;
const CHANGELOGS = [RESOLVER_CHANGELOG, matcherChangelog(0), matcherChangelog(1)];
let brokers: string[] = [];
const children = new Map<string, ChildProcess>();

function enrichedAds(): EnrichedAd[] {
  // Ads of 150 advertisers, 20 each, sharing a phone; plus text that differs per advertiser.
  return Array.from({ length: ADS }, (_, i) => {
    const owner = i % 150;
    const phone = `5${String(5000000 + owner * 7).padStart(7, "0")}`;
    const ad = {
      id: `ad-${String(i).padStart(4, "0")}`,
      source: `site-${i % 3}`,
      body: `Anuncio ${owner}: llama al ${phone}`,
      country: "GT",
    };
    return { ...extractAd(ad), images: [] };
  });
}

function start(name: "matcher-0" | "matcher-1" | "resolver"): void {
  const env = name === "resolver" ? {} : { MATCHER_REPLICA: name.slice(-1), MATCHER_REPLICAS: "2" };
  children.set(name, spawnService(name === "resolver" ? "resolver" : "matcher", { brokers, prefix }, env));
}

async function killHard(name: string): Promise<void> {
  const child = children.get(name);
  if (child) await stopServices([child], { signal: "SIGKILL" });
}

const shape = (entities: { adIds: string[] }[]) => entities.map((e) => [...e.adIds].sort().join(",")).sort();

beforeAll(async () => {
  brokers = await kafkaBrokers();
  await ensurePipelineTopics(brokers, prefix, CHANGELOGS);
});

afterAll(async () => {
  for (const name of children.keys()) await killHard(name);
  await deleteTopics(brokers, pipelineTopicNames(prefix, CHANGELOGS)).catch(() => undefined);
});

describe("stateful services killed mid-stream", () => {
  it("lose no ad and duplicate none after a restart", async () => {
    const ads = enrichedAds();
    await produceById(brokers, `${prefix}${TOPICS.adsEnriched}`, ads);

    const matcherLog = `${prefix}${matcherChangelog(1)}`;
    const resolverLog = `${prefix}${RESOLVER_CHANGELOG}`;
    for (const name of ["matcher-0", "matcher-1", "resolver"] as const) start(name);
    await waitFor(async () => (await topicSize(brokers, matcherLog)) >= 200, 180_000);
    await killHard("matcher-1");
    expect((await readTopic(brokers, matcherLog)).length).toBeLessThan(ADS); // it really was mid-stream
    start("matcher-1");
    await waitFor(async () => (await topicSize(brokers, resolverLog)) >= 400, 180_000);
    await killHard("resolver");
    expect((await readTopic(brokers, resolverLog)).length).toBeLessThan(2 * ADS);
    start("resolver");
    await waitFor(async () => (await topicSize(brokers, resolverLog)) >= 2 * ADS, 240_000);
    for (const name of children.keys()) await killHard(name);

    const matched = await readTopic(brokers, matcherLog);
    expect(new Set(matched.map((record) => record.key)).size).toBe(ADS); // no ad lost
    expect(matched.length).toBe(ADS); // none taken twice
    const batches = await readTopic(brokers, resolverLog);
    expect(new Set(batches.map((record) => record.key)).size).toBe(2 * ADS);
    expect(batches.length).toBe(2 * ADS);

    // The state the resolver rebuilds from its changelog equals one resolver taking the ads in order.
    const rebuilt = createClusterer();
    for (const record of batches) rebuilt.receive(record.value as MatchBatch);
    const reference = createResolver();
    for (const ad of ads) reference.ingest(toAdFeatures(ad));
    expect(shape(rebuilt.entities())).toEqual(shape(reference.entities("network")));
    expect(shape(rebuilt.entities())).toHaveLength(150);
    // The matcher replica restored its index: its changelog replays to the same features in order.
    expect(matched.map((record) => (record.value as AdFeatures).adId)).toEqual(ads.map((ad) => ad.id));

    const resolved = await readTopic(brokers, `${prefix}${TOPICS.adsResolved}`);
    expect(new Set(resolved.map((record) => record.key)).size).toBe(ADS);
  });
});
