/**
 * Issue 6: the whole pipeline over a real Kafka broker, with the matching stage split over two
 * replicas, produces the same entities as the embedded runtime on the same corpus.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "@nexus/embedded-runtime";
import { createImageHasher } from "@nexus/image-input";
import { createKafkaRuntime, type RunningService } from "@nexus/kafka-runtime";
import { createLogger, createMemorySink } from "@nexus/logging";
import { createClusterer, createMatcher } from "@nexus/resolution";
import { TOPICS } from "@nexus/schemas";
import { extractorTopology } from "@nexus/service-extractor/topology";
import { createImageHasherTopology } from "@nexus/service-image-hasher/topology";
import { createMatcherTopology, matcherChangelog } from "@nexus/service-matcher/topology";
import { createResolverTopology, RESOLVER_CHANGELOG } from "@nexus/service-resolver/topology";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../corpus/generate.js";
import { ensurePipelineTopics, pipelineTopicNames, waitFor } from "./pipeline-helpers.js";

const ADS = 240;
const workDir = mkdtempSync(join(tmpdir(), "nexus-kafka-e2e-"));
const prefix = `e2e-${Date.now()}-`;
let brokers: string[] = [];
let adsPath = "";
const services: RunningService[] = [];
const CHANGELOGS = [RESOLVER_CHANGELOG, matcherChangelog(0), matcherChangelog(1)];

/** A partition as comparable data: each entity's sorted ad ids, sorted. */
function partition(groups: Iterable<readonly string[]>): string[] {
  return [...groups].map((ids) => [...ids].sort().join(",")).sort();
}

beforeAll(async () => {
  brokers = await kafkaBrokers();
  const corpus = await generateCorpus({ ads: ADS, seed: 6, out: workDir, imageSize: 192 });
  adsPath = corpus.adsPath;
  await ensurePipelineTopics(brokers, prefix, CHANGELOGS);
});

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  await deleteTopics(brokers, pipelineTopicNames(prefix, CHANGELOGS)).catch(() => undefined);
  rmSync(workDir, { recursive: true, force: true });
});

describe("pipeline over Kafka", () => {
  it("resolves the corpus into the same entities as the embedded runtime, with two matcher replicas", async () => {
    const lines = readFileSync(adsPath, "utf8").split("\n").filter(Boolean);
    const engine = await openEngine({ dataDir: join(workDir, "embedded") });
    await engine.ingest(
      (async function* () {
        yield* lines;
      })(),
    );
    const embedded = partition(engine.entities("network").map((entity) => entity.adIds));
    await engine.close();

    const logger = createLogger({ service: "e2e", level: "silent", destination: createMemorySink() });
    const runtime = createKafkaRuntime({ brokers, logger, topicPrefix: prefix, flushSize: 50 });
    const hasher = createImageHasher({ allowFile: true });
    const resolver = createClusterer();
    services.push(
      await runtime.start(extractorTopology),
      await runtime.start(createImageHasherTopology({ hash: (ref) => hasher.hash(ref) })),
      await runtime.start(createMatcherTopology(createMatcher({}, { replica: 0, replicas: 2 }))),
      await runtime.start(createMatcherTopology(createMatcher({}, { replica: 1, replicas: 2 }))),
      await runtime.start(createResolverTopology(resolver)),
    );

    const kafka = new Kafka({ clientId: "e2e-producer", brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({
      topic: `${prefix}${TOPICS.adsRaw}`,
      messages: lines.map((line) => ({ key: (JSON.parse(line) as { id: string }).id, value: line })),
    });
    await producer.disconnect();

    await waitFor(() => resolver.entities("network").reduce((n, e) => n + e.adIds.length, 0) === lines.length, 240_000);
    const overKafka = partition(resolver.entities("network").map((entity) => entity.adIds));
    expect(overKafka).toEqual(embedded);
    expect(overKafka.length).toBeLessThan(lines.length); // it did link something
  });
});
