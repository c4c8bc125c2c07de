/** The Kafka half of bench/alerts-latency.ts: the pipeline and the alerter as service processes. */
import { setTimeout as sleep } from "node:timers/promises";
import { normaliseWatch, type WatchRequest } from "@nexus/alerting";
import type { Alert, RawAd } from "@nexus/schemas";
import { TOPICS } from "@nexus/schemas";
import { ALERTER_CHANGELOG } from "@nexus/service-alerter/topology";
import { matcherChangelog } from "@nexus/service-matcher/topology";
import { RESOLVER_CHANGELOG } from "@nexus/service-resolver/topology";
import { deleteTopics } from "@nexus/test-helpers";
import { Kafka, logLevel } from "kafkajs";
import {
  ensurePipelineTopics,
  pipelineTopicNames,
  signalGroup,
  spawnService,
  stopServices,
  waitFor,
} from "../../test/integration/pipeline-helpers.js";
import { isWarmUp, warmUpAds } from "./warm-up.js";

const brokers = (process.env["KAFKA_BROKERS"] ?? "127.0.0.1:9092").split(",");
const CHANGELOGS = [RESOLVER_CHANGELOG, matcherChangelog(0), ALERTER_CHANGELOG];

interface Input {
  readonly lines: readonly string[];
  readonly ads: readonly RawAd[];
  readonly requests: readonly WatchRequest[];
  readonly pace: number;
}

interface RunResult {
  readonly seconds: number;
  readonly latencies: number[];
  readonly pairs: Set<string>;
}

async function produceWatches(kafka: Kafka, prefix: string, requests: readonly WatchRequest[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const watches = requests.map((request, i) =>
    normaliseWatch(request, { id: `w_bench${String(i).padStart(6, "0")}`, createdAt: new Date().toISOString() }),
  );
  for (let i = 0; i < watches.length; i += 1000) {
    const messages = watches.slice(i, i + 1000).map((watch) => ({ key: watch.id, value: JSON.stringify(watch) }));
    await producer.send({ topic: `${prefix}${TOPICS.watches}`, messages });
  }
  await producer.disconnect();
}

export async function run(input: Input, watchCount: number, paced: boolean): Promise<RunResult> {
  const prefix = `bench-alerts-${watchCount}-${paced ? "paced" : "burst"}-${Date.now()}-`;
  await ensurePipelineTopics(brokers, prefix, CHANGELOGS);
  const kafka = new Kafka({ clientId: "bench-alerts", brokers, logLevel: logLevel.NOTHING });
  await produceWatches(kafka, prefix, input.requests.slice(0, watchCount));
  const env = { NEXUS_IMAGE_ALLOW_FILE: "true" };
  const children = ["extractor", "image-hasher", "matcher", "resolver", "alerter"].map((name) =>
    spawnService(name, { brokers, prefix }, env),
  );
  // The services run detached: a bench that dies must not leave them behind.
  const stopChildren = (): void => {
    for (const child of children) signalGroup(child, "SIGTERM");
  };
  process.once("exit", stopChildren);
  const consumer = kafka.consumer({ groupId: `${prefix}bench` });
  await consumer.connect();
  await consumer.subscribe({
    topics: [`${prefix}${TOPICS.alerts}`, `${prefix}${ALERTER_CHANGELOG}`],
    fromBeginning: true,
  });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const pairs = new Set<string>();
  let evaluated = 0;
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      if (topic.endsWith(ALERTER_CHANGELOG)) {
        evaluated += 1;
        return;
      }
      const alert = JSON.parse(message.value?.toString() ?? "{}") as Alert;
      if (isWarmUp(alert.adId)) return;
      pairs.add(`${Number(alert.watchId.slice("w_bench".length))}|${alert.adId}`);
      const sent = sentAt.get(alert.adId);
      if (sent !== undefined) {
        latencies.push(Date.now() - sent);
        sentAt.delete(alert.adId);
      }
    },
  });
  await sleep(10_000); // the services start, load the watch list and join their groups
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  // Cold start (JIT, hash workers, first fetches) is paid by warm-up ads, not by the measured ones.
  const warmUp = warmUpAds(input.ads);
  await producer.send({
    topic: `${prefix}${TOPICS.adsRaw}`,
    messages: warmUp.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) })),
  });
  await waitFor(() => evaluated >= warmUp.length, 300_000);
  const started = Date.now();
  const batch = paced ? 1 : 100;
  for (let i = 0; i < input.lines.length; i += batch) {
    if (paced) {
      const due = started + (i * 1000) / input.pace;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    const messages = input.lines.slice(i, i + batch).map((value, j) => ({ key: input.ads[i + j]?.id ?? "", value }));
    for (const message of messages) sentAt.set(message.key, Date.now());
    await producer.send({ topic: `${prefix}${TOPICS.adsRaw}`, messages });
  }
  await waitFor(() => evaluated >= warmUp.length + input.lines.length, 600_000);
  const seconds = (Date.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  process.off("exit", stopChildren);
  await stopServices(children);
  await deleteTopics(brokers, pipelineTopicNames(prefix, CHANGELOGS)).catch(() => undefined);
  return { seconds, latencies, pairs };
}

/** Paced latency with every watch, then bursts with none and with every watch, alternating (median of `runs`). */
export async function overKafka(
  input: Input,
  runs = 1,
): Promise<{ latencies: number[]; pairs: Set<string>; none: number; loaded: number }> {
  const paced = await run(input, input.requests.length, true);
  const none: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    none.push(input.lines.length / (await run(input, 0, false)).seconds);
    loaded.push(input.lines.length / (await run(input, input.requests.length, false)).seconds);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  return { latencies: paced.latencies, pairs: paced.pairs, none: median(none), loaded: median(loaded) };
}
