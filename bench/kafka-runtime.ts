/**
 * Kafka runtime throughput on this machine, against a bare kafkajs consume→produce loop measured in
 * the same run on the same input (same idempotent producer, acks=all, commit per batch, no
 * validation, no DLQ policy, no metrics). Also the policy alone (validate in/out, no broker).
 *
 *   npx tsx --conditions=nexus-source bench/kafka-runtime.ts [messages=30000] [runs=3]
 *
 * Brokers: KAFKA_BROKERS, else the integration harness (testcontainers, then a local process).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { kafkaBrokers } from "@nexus/test-helpers";
import kafkajs from "kafkajs";
import {
  createKafkaRuntime,
  DEFAULT_RETRY_POLICY,
  ensureTopics,
  type Output,
  processMessage,
  type Topology,
} from "../packages/kafka-runtime/src/index.js";
import { createLogger, createMemorySink } from "../packages/logging/src/index.js";
import { type RawAd, TOPICS } from "../packages/schemas/src/index.js";

const total = Number(process.argv[2] ?? 30_000);
const runs = Number(process.argv[3] ?? 3);
const partitions = 6;
// Experiments only: BENCH_VARIANTS='{"name":flushSize,...}' (0 = bare kafkajs), BENCH_OPTIONS='{"maxInFlight":...}'.
const { BENCH_VARIANTS, BENCH_OPTIONS } = process.env;
const logger = createLogger({ service: "bench", level: "silent", destination: createMemorySink() });

function ad(index: number): RawAd {
  return {
    id: `bench-${index}`,
    source: "bench",
    country: "GT",
    city: "Guatemala",
    title: `Hola amor, soy nueva ${index}`,
    body: `Chica linda y cariñosa, servicio completo, llámame al 5${String(index).padStart(7, "0")} o escríbeme por WhatsApp. Zona 10, disponible 24 horas, solo caballeros.`,
  };
}

function output(value: RawAd): Output {
  return {
    topic: TOPICS.adsResolved,
    key: value.id,
    value: { adId: value.id, personaId: `p-${value.id}`, networkId: `n-${value.id}` },
  };
}

const topology = (name: string): Topology<typeof TOPICS.adsRaw> => ({
  name,
  input: TOPICS.adsRaw,
  outputs: [TOPICS.adsResolved],
  handle: (value) => [output(value)],
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function committed(admin: kafkajs.Admin, groupId: string, topic: string): Promise<number> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (entry?.partitions ?? []).reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
}

/** Messages per second from the first commit to the last, so group join and restore are not counted. */
async function drainRate(
  admin: kafkajs.Admin,
  groupId: string,
  topic: string,
): Promise<{ rate: number; startupMs: number }> {
  const t0 = performance.now();
  let first: { at: number; count: number } | undefined;
  for (;;) {
    const count = await committed(admin, groupId, topic);
    const at = performance.now();
    if (!first && count > 0) first = { at, count };
    if (count >= total && first)
      return { rate: (total - first.count) / ((at - first.at) / 1_000), startupMs: first.at - t0 };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The baseline: what a hand-written kafkajs stage does with no policy around it. */
async function bare(kafka: kafkajs.Kafka, prefix: string, groupId: string): Promise<() => Promise<void>> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: `${prefix}${TOPICS.adsRaw}`, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
      const messages = batch.messages.map((message) => {
        const out = output(JSON.parse(message.value?.toString() ?? "{}") as RawAd);
        return { key: out.key, value: JSON.stringify(out.value) };
      });
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic: `${prefix}${TOPICS.adsResolved}`, messages }] });
      resolveOffset(batch.lastOffset());
      const next = (BigInt(batch.lastOffset()) + 1n).toString();
      await commitOffsetsIfNecessary({
        topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }],
      });
    },
  });
  return async () => {
    await consumer.disconnect();
    await producer.disconnect();
  };
}

async function main(): Promise<void> {
  const brokers = await kafkaBrokers();
  const prefix = `nexus.bench.${randomUUID().slice(0, 8)}.`;
  const topics = [TOPICS.adsRaw, `${TOPICS.adsRaw}.dlq`, TOPICS.adsResolved].map((topic) => `${prefix}${topic}`);
  await ensureTopics(
    brokers,
    topics.map((topic) => ({ topic, partitions, replicationFactor: 1 })),
  );
  const kafka = new kafkajs.Kafka({ brokers, clientId: "bench", logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  for (let start = 0; start < total; start += 5_000) {
    const messages = Array.from({ length: Math.min(5_000, total - start) }, (_, i) => ad(start + i)).map((value) => ({
      key: value.id,
      value: JSON.stringify(value),
    }));
    await producer.send({ topic: `${prefix}${TOPICS.adsRaw}`, acks: -1, messages });
  }
  await producer.disconnect();

  const variants: Record<string, number> = BENCH_VARIANTS
    ? JSON.parse(BENCH_VARIANTS)
    : { "bare kafkajs": 0, "runtime, flush 100 (default)": 100, "runtime, flush 500": 500 };
  const results: Record<string, number[]> = { "policy only, no broker": [] };
  const startup: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const [variant, flushSize] of Object.entries(variants)) {
      const name = `bench-${run}-${flushSize}`;
      let stop: () => Promise<void>;
      const measuring = drainRate(admin, `${prefix}${name}`, `${prefix}${TOPICS.adsRaw}`);
      if (flushSize === 0) {
        stop = await bare(kafka, prefix, `${prefix}${name}`);
      } else {
        const extra = JSON.parse(BENCH_OPTIONS ?? "{}") as Record<string, number>;
        const runtime = createKafkaRuntime({ brokers, logger, topicPrefix: prefix, flushSize, ...extra });
        const service = await runtime.start(topology(name));
        stop = () => service.stop();
      }
      const { rate, startupMs } = await measuring;
      results[variant] = [...(results[variant] ?? []), rate];
      if (flushSize === 100) startup.push(startupMs);
      await stop();
    }
    const policy = topology("policy");
    const inputs = Array.from({ length: total }, (_, i) => JSON.stringify(ad(i)));
    const t0 = performance.now();
    for (const [i, value] of inputs.entries()) {
      const incoming = { topic: TOPICS.adsRaw, partition: 0, offset: String(i), key: `bench-${i}`, value };
      await processMessage(policy, incoming, { logger, retry: DEFAULT_RETRY_POLICY, sleep: async () => {} });
    }
    results["policy only, no broker"]?.push(total / ((performance.now() - t0) / 1_000));
  }
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();

  const baseline = median(results["bare kafkajs"] ?? []);
  console.log(`${total} messages, ${partitions} partitions, ${runs} runs, brokers ${brokers.join(",")}`);
  console.log(`runtime startup to first commit (median): ${median(startup).toFixed(0)} ms`);
  console.log("| variant | median msg/s | runs (msg/s) | vs bare kafkajs |\n|---|---|---|---|");
  for (const [variant, values] of Object.entries(results)) {
    const m = median(values);
    console.log(
      `| ${variant} | ${m.toFixed(0)} | ${values.map((v) => v.toFixed(0)).join(", ")} | ${(m / baseline).toFixed(2)}x |`,
    );
  }
}

await main();
