import { randomUUID } from "node:crypto";
import { DEFAULT_TOPIC_SPECS } from "@nexus/kafka-runtime";
import { createLogger, createMemorySink } from "@nexus/logging";
import { type Alert, TOPICS } from "@nexus/schemas";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import type { FastifyInstance } from "fastify";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import type { ApiBackend } from "../src/backend.js";
import { type KafkaMode, openKafkaMode } from "../src/kafka-mode.js";
import { openSse } from "./alert-harness.js";

const prefix = `nexus.test.${randomUUID().slice(0, 8)}.`;
const SECRET = "kafka-mode-secret-0123";
let brokers: string[];
let kafka: kafkajs.Kafka;
let mode: KafkaMode;
let app: FastifyInstance;

beforeAll(async () => {
  brokers = await kafkaBrokers();
  kafka = new kafkajs.Kafka({ brokers, clientId: "nexus-test-api", logLevel: kafkajs.logLevel.NOTHING });
  const logger = createLogger({ service: "api", destination: createMemorySink() });
  mode = await openKafkaMode({ brokers, topicPrefix: prefix, partitions: 2, logger });
  app = await buildApp({
    // Search is not what this suite is about: only ingest and alerts go through Kafka.
    backend: { name: "kafka-test", ingest: mode.ingest } as unknown as ApiBackend,
    keys: [],
    logger,
    images: { hash: async () => ({ pdq: "0".repeat(64), dihedral: [], quality: 0 }) },
    alerts: mode.alerts,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await app?.close();
  await mode?.close();
  await deleteTopics(
    brokers,
    DEFAULT_TOPIC_SPECS.map((spec) => `${prefix}${spec.topic}`),
  );
});

/** The first `count` records of a topic (from the beginning), as key → parsed value. */
async function readRecords(topic: string, count: number): Promise<Map<string, unknown>> {
  const consumer = kafka.consumer({ groupId: `nexus-test-read-${randomUUID()}` });
  const records = new Map<string, unknown>();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        records.set(message.key?.toString() ?? "", JSON.parse(message.value?.toString() ?? "null"));
        if (records.size >= count) resolve();
      },
    });
  });
  await consumer.disconnect();
  return records;
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the API over Kafka", () => {
  it("produces valid ads to the raw topic keyed by id and reports invalid ones by index", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/ads",
      payload: [
        { id: "k1", source: "s", country: "gt", body: "Hola 5123-4567" },
        { id: "k2", body: "no source" },
        { id: "k3", source: "s", body: "Otra" },
      ],
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ accepted: 2, rejected: [{ index: 1, code: "NEXUS_SCHEMA_INVALID" }] });
    const records = await readRecords(`${prefix}${TOPICS.adsRaw}`, 2);
    expect([...records.keys()].sort()).toEqual(["k1", "k3"]);
    expect(records.get("k1")).toMatchObject({ id: "k1", country: "GT" });
  });

  it("keeps watches on their topic and serves alerts from theirs, listed and live", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/v1/watches",
      payload: {
        kind: "phone",
        value: "+502 5123 4567",
        webhook: { url: "https://hooks.example.com/n", secret: SECRET },
      },
    });
    expect(created.statusCode).toBe(201);
    const watch = created.json();
    expect(created.body).not.toContain(SECRET);
    expect((await app.inject({ url: `/v1/watches/${watch.id}` })).json()).toMatchObject({ id: watch.id });
    const stored = await readRecords(`${prefix}${TOPICS.watches}`, 1);
    expect(stored.get(watch.id)).toMatchObject({ value: "+50251234567", webhook: { secret: SECRET } });

    const stream = await openSse(app.listeningOrigin, "/v1/alerts/stream", {});
    const alert: Alert = {
      id: `${watch.id}:k1`,
      watchId: watch.id,
      watchKind: "phone",
      adId: "k1",
      entityId: "e_1",
      personaId: "p_1",
      evidence: [{ kind: "phone", value: "+50251234567" }],
      seq: 1,
    };
    const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: `${prefix}${TOPICS.alerts}`,
      messages: [{ key: alert.id, value: JSON.stringify(alert) }],
    });
    await producer.disconnect();
    expect((await stream.until((alerts) => alerts.length >= 1, 60_000)).map((a) => a.id)).toEqual([alert.id]);
    stream.close();
    await eventually(async () => (await app.inject({ url: "/v1/alerts" })).json().alerts.length === 1);

    expect((await app.inject({ method: "DELETE", url: `/v1/watches/${watch.id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: `/v1/watches/${watch.id}` })).statusCode).toBe(404);
  });
});
