/**
 * Issue 7 item 1: the indexer joins enriched ads with their resolutions (either order) into
 * versioned Elasticsearch documents; a replay changes nothing and a merge leaves a redirect.
 * Real Kafka and Elasticsearch; topologies run in-process on uniquely prefixed topics and indices.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@elastic/elasticsearch";
import { createEsIndexer, dropEsIndices, type EsIndexNames, ensureEsIndices } from "@nexus/es";
import { createKafkaRuntime, type RunningService } from "@nexus/kafka-runtime";
import { createLogger, createMemorySink } from "@nexus/logging";
import { extractAd } from "@nexus/pipeline";
import { type EnrichedAd, type EntityChange, type ResolvedAd, TOPICS } from "@nexus/schemas";
import {
  createDropCollector,
  createEnrichedTopology,
  createEntityTopology,
  createEsAdIndexWriter,
  createKeyedLock,
  createResolvedTopology,
} from "@nexus/service-indexer/topology";
import { openStore, type Store } from "@nexus/store";
import { deleteTopics, elasticsearchUrl, kafkaBrokers } from "@nexus/test-helpers";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePipelineTopics, pipelineTopicNames, waitFor } from "./pipeline-helpers.js";

const run = randomUUID().slice(0, 8);
const prefix = `indexer-${run}-`;
const esPrefix = `nexus-indexer-${run}`;
let brokers: string[] = [];
let client: Client;
let names: EsIndexNames;
let store: Store;
let stateDir: string;
const services: RunningService[] = [];

const enriched = (id: string): EnrichedAd => ({
  ...extractAd({ id, source: "site", body: `Anuncio ${id}: llama al 5555 1234`, country: "GT" }),
  images: [],
});
const resolved = (adId: string, networkId: string): ResolvedAd => ({ adId, personaId: `p-${adId}`, networkId });

async function produce(topic: string, records: { key: string; value: unknown }[]): Promise<void> {
  const producer = new Kafka({ clientId: "indexer-test", brokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  for (const r of records)
    await producer.send({ topic: `${prefix}${topic}`, messages: [{ key: r.key, value: JSON.stringify(r.value) }] });
  await producer.disconnect();
}

async function source(index: string, id: string): Promise<StoredSource | undefined> {
  const doc = await client.get({ index, id }, { ignore: [404] });
  return doc.found ? (doc._source as StoredSource) : undefined;
}

/** The fields these assertions read; the rest is compared whole. */
interface StoredSource {
  readonly networkId?: string;
  readonly redirectTo?: string;
  readonly adIds?: readonly string[];
  readonly [field: string]: unknown;
}

function withoutVersion(doc: StoredSource | undefined): StoredSource | undefined {
  if (doc === undefined) return undefined;
  const { version: _version, ...content } = doc;
  return content;
}

async function version(index: string, id: string): Promise<number> {
  const doc = await client.get({ index, id }, { ignore: [404] });
  return doc._version ?? 0;
}

beforeAll(async () => {
  brokers = await kafkaBrokers();
  client = new Client({ node: await elasticsearchUrl() });
  names = await ensureEsIndices({ client, prefix: esPrefix, refreshInterval: "1s" });
  await ensurePipelineTopics(brokers, prefix);
  stateDir = await mkdtemp(join(tmpdir(), "nexus-indexer-it-"));
  store = await openStore(stateDir);
  const logger = createLogger({ service: "indexer-it", level: "silent", destination: createMemorySink() });
  const drops = createDropCollector();
  const indexer = createEsIndexer({ client, names, refresh: "wait_for", onDrop: drops.record });
  const deps = {
    store,
    writer: createEsAdIndexWriter({ indexer, drops }),
    lock: createKeyedLock(),
    now: () => new Date().toISOString(),
  };
  const runtime = () => createKafkaRuntime({ brokers, logger, topicPrefix: prefix });
  services.push(await runtime().start(createEnrichedTopology(deps)));
  services.push(await runtime().start(createResolvedTopology(deps)));
  services.push(await runtime().start(createEntityTopology(deps)));
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await store?.close();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  if (client) {
    await dropEsIndices(client, esPrefix);
    await client.close();
  }
  if (brokers.length > 0) await deleteTopics(brokers, pipelineTopicNames(prefix));
});

describe("indexer service (Kafka → Elasticsearch)", () => {
  const ids = ["ad-1", "ad-2", "ad-3"];
  const resolutions = [resolved("ad-1", "net-a"), resolved("ad-2", "net-a"), resolved("ad-3", "net-b")];

  it("joins ads and resolutions in either order into documents with the right network", async () => {
    // ad-3's resolution arrives before its ad.
    await produce(TOPICS.adsResolved, [{ key: "ad-3", value: resolutions[2] }]);
    await produce(
      TOPICS.adsEnriched,
      ids.map((id) => ({ key: id, value: enriched(id) })),
    );
    await produce(
      TOPICS.adsResolved,
      resolutions.slice(0, 2).map((r) => ({ key: r.adId, value: r })),
    );
    await waitFor(async () => {
      const docs = await Promise.all(ids.map((id) => source(names.ads, id)));
      return docs.every((doc, i) => doc?.networkId === resolutions[i]?.networkId);
    }, 120_000);
  });

  it("a replay of the same messages changes no document's content", async () => {
    const before = await Promise.all(ids.map((id) => source(names.ads, id)));
    const versionsBefore = await Promise.all(ids.map((id) => version(names.ads, id)));
    await produce(
      TOPICS.adsEnriched,
      ids.map((id) => ({ key: id, value: enriched(id) })),
    );
    await produce(
      TOPICS.adsResolved,
      resolutions.map((r) => ({ key: r.adId, value: r })),
    );
    // Every replayed message bumps its ad's version once: 2 per ad.
    await waitFor(async () => {
      const versions = await Promise.all(ids.map((id) => version(names.ads, id)));
      return versions.every((v, i) => v >= (versionsBefore[i] ?? 0) + 2);
    }, 120_000);
    const after = await Promise.all(ids.map((id) => source(names.ads, id)));
    // The stored `version` field mirrors the external version, which a replay raises by design.
    expect(after.map(withoutVersion)).toEqual(before.map(withoutVersion));
    expect(after.map((doc) => doc?.networkId)).toEqual(["net-a", "net-a", "net-b"]);
  });

  it("an entity merge leaves a redirect at the absorbed id", async () => {
    const changes: EntityChange[] = [
      { id: "c1", type: "created", layer: "network", entityId: "net-a", adIds: ["ad-1", "ad-2"] },
      { id: "c2", type: "created", layer: "network", entityId: "net-b", adIds: ["ad-3"] },
      { id: "c3", type: "merged", layer: "network", entityId: "net-a", adIds: ids, mergedFrom: ["net-b"] },
    ];
    // One key, so the three land on one partition in order.
    await produce(
      TOPICS.entityChanges,
      changes.map((value) => ({ key: "net", value })),
    );
    await waitFor(async () => (await source(names.entities, "net-b"))?.redirectTo === "net-a", 120_000);
    const survivor = await source(names.entities, "net-a");
    expect(survivor?.adIds).toEqual(ids);
  });
});
