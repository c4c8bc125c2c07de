/**
 * Issue 6: killing the stateful resolver service with SIGKILL mid-stream and restarting it loses no
 * ad and duplicates none: its state is rebuilt from the changelog and replays are ignored.
 */
import type { ChildProcess } from "node:child_process";
import { extractAd, toAdFeatures } from "@nexus/pipeline";
import { createResolver } from "@nexus/resolution";
import { type EnrichedAd, TOPICS } from "@nexus/schemas";
import { RESOLVER_CHANGELOG } from "@nexus/service-resolver/topology";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTopic, topicSize } from "./kafka-read.js";
import { ensurePipelineTopics, pipelineTopicNames, spawnService, waitFor } from "./pipeline-helpers.js";

const prefix = `crash-${Date.now()}-`;
const ADS = 3000;
let brokers: string[] = [];
let child: ChildProcess | undefined;

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

function startResolver(): ChildProcess {
  return spawnService("resolver", { brokers, prefix });
}

async function killHard(process_: ChildProcess): Promise<void> {
  if (process_.pid) process.kill(-process_.pid, "SIGKILL");
  await new Promise((resolve) => process_.once("exit", resolve));
}

beforeAll(async () => {
  brokers = await kafkaBrokers();
  await ensurePipelineTopics(brokers, prefix, [RESOLVER_CHANGELOG]);
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) await killHard(child);
  await deleteTopics(brokers, pipelineTopicNames(prefix, [RESOLVER_CHANGELOG])).catch(() => undefined);
});

describe("resolver service killed mid-stream", () => {
  it("loses no ad and duplicates none after a restart", async () => {
    const ads = enrichedAds();
    const producer = new Kafka({ clientId: "crash-producer", brokers, logLevel: logLevel.NOTHING }).producer({
      idempotent: true,
    });
    await producer.connect();
    await producer.send({
      topic: `${prefix}${TOPICS.adsEnriched}`,
      messages: ads.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) })),
    });
    await producer.disconnect();

    const changelog = `${prefix}${RESOLVER_CHANGELOG}`;
    child = startResolver();
    await waitFor(async () => (await topicSize(brokers, changelog)) >= 50, 180_000);
    await killHard(child);
    const atKill = (await readTopic(brokers, changelog)).length;
    expect(atKill).toBeLessThan(ADS); // it really was mid-stream

    child = startResolver();
    await waitFor(async () => (await topicSize(brokers, changelog)) >= ADS, 240_000);
    await killHard(child);

    const records = await readTopic(brokers, changelog);
    const keys = records.map((record) => record.key);
    expect(new Set(keys).size).toBe(ADS); // no ad lost
    expect(keys.length).toBe(ADS); // none taken twice

    // The state the service rebuilds from its changelog equals resolving the ads once, in order.
    const rebuilt = createResolver();
    for (const record of records) rebuilt.ingest(record.value as never);
    const reference = createResolver();
    for (const ad of ads) reference.ingest(toAdFeatures(ad));
    const shape = (r: ReturnType<typeof createResolver>) =>
      r
        .entities("network")
        .map((e) => [...e.adIds].sort().join(","))
        .sort();
    expect(shape(rebuilt)).toEqual(shape(reference));
    expect(shape(rebuilt)).toHaveLength(150);

    const resolved = await readTopic(brokers, `${prefix}${TOPICS.adsResolved}`);
    expect(new Set(resolved.map((record) => record.key)).size).toBe(ADS);
  });
});
