import { randomUUID } from "node:crypto";
import { deadLetterTopic, TOPICS } from "@nexus/schemas";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import kafkajs from "kafkajs";
import { onTestFinished } from "vitest";
import { endOffsets, ensureTopics } from "../src/index.js";

export { silentLogger } from "./fixtures.js";

/** Shared by the integration suites: one isolated pipeline (prefixed topics) per test. */

export interface Received {
  readonly key: string | undefined;
  readonly value: string | null;
  readonly headers: Record<string, string>;
  readonly partition: number;
  readonly offset: string;
}

export interface Pipeline {
  readonly brokers: string[];
  readonly prefix: string;
  readonly kafka: kafkajs.Kafka;
  topic(logical: string): string;
  produce(logical: string, messages: readonly { key: string; value: string | null }[]): Promise<void>;
  /** Everything on a topic now (reads to the high watermarks at call time). */
  readAll(logical: string): Promise<Received[]>;
  /** Sum over partitions of the group's committed offsets (-1 counts as 0). */
  committed(group: string, logical: string): Promise<number>;
}

export async function setupPipeline(extraTopics: readonly string[] = [], partitions = 2): Promise<Pipeline> {
  const brokers = await kafkaBrokers();
  const prefix = `nexus.test.${randomUUID().slice(0, 8)}.`;
  const logical = [TOPICS.adsRaw, deadLetterTopic(TOPICS.adsRaw), TOPICS.adsResolved, ...extraTopics];
  const physical = logical.map((name) => `${prefix}${name}`);
  await ensureTopics(
    brokers,
    physical.map((topic) => ({ topic, partitions, replicationFactor: 1 })),
  );
  onTestFinished(() => deleteTopics(brokers, physical));
  const kafka = new kafkajs.Kafka({ brokers, clientId: "nexus-test", logLevel: kafkajs.logLevel.NOTHING });
  const topic = (name: string) => `${prefix}${name}`;
  return {
    brokers,
    prefix,
    kafka,
    topic,
    produce: async (name, messages) => {
      const producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      await producer.send({ topic: topic(name), acks: -1, messages: messages.map((message) => ({ ...message })) });
      await producer.disconnect();
    },
    readAll: (name) => readAll(kafka, topic(name)),
    committed: async (group, name) => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const [entry] = await admin.fetchOffsets({ groupId: `${prefix}${group}`, topics: [topic(name)] });
        return (entry?.partitions ?? []).reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
      } finally {
        await admin.disconnect();
      }
    },
  };
}

async function readAll(kafka: kafkajs.Kafka, topic: string): Promise<Received[]> {
  const pending = await endOffsets(kafka, topic);
  const received: Received[] = [];
  if (pending.size === 0) return received;
  const consumer = kafka.consumer({ groupId: `nexus-test-read-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        received.push({
          key: message.key?.toString(),
          value: message.value?.toString() ?? null,
          headers,
          partition,
          offset: message.offset,
        });
        if (BigInt(message.offset) + 1n >= (pending.get(partition) ?? 0n)) pending.delete(partition);
        if (pending.size === 0) resolve();
      },
    });
  });
  await consumer.disconnect();
  return received;
}

/** Polls until `check` holds; the integration suites wait on the broker, never on fixed sleeps. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
