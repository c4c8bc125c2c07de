/**
 * Issue 8 over Kafka: the same scenario as the embedded test, with every stage a service process
 * (extractor, image-hasher, resolver, alerter, notifier). Each watch kind raises exactly one alert
 * for its matching ad, the unrelated ad none, a re-scrape nothing more, and the webhook of a watch
 * receives a correctly signed request on loopback.
 */
import { type ChildProcess, execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { verifyWebhook, type WebhookBody } from "@nexus/alert-delivery";
import type { WatchRequest } from "@nexus/alerting";
import { createImageHasher } from "@nexus/image-input";
import { createKafkaAlertService } from "@nexus/kafka-alerts";
import { createLogger, createMemorySink } from "@nexus/logging";
import { type AdResolution, type Alert, type RawAd, TOPICS, type Watch } from "@nexus/schemas";
import { ALERTER_CHANGELOG } from "@nexus/service-alerter/topology";
import { matcherChangelog } from "@nexus/service-matcher/topology";
import { RESOLVER_CHANGELOG } from "@nexus/service-resolver/topology";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import { Kafka, logLevel, type Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTopic, topicSize } from "../integration/kafka-read.js";
import {
  ensurePipelineTopics,
  pipelineTopicNames,
  spawnService,
  stopServices,
  waitFor,
} from "../integration/pipeline-helpers.js";
import {
  type AlertScenario,
  createAlertScenario,
  expectedPairs,
  KINDS,
  startWebhookReceiver,
  WEBHOOK_SECRET,
} from "./alert-scenario.js";

const CHANGELOGS = [RESOLVER_CHANGELOG, matcherChangelog(0), ALERTER_CHANGELOG];
const run = promisify(execFile);
const repo = join(import.meta.dirname, "../..");
const prefix = `alerts-e2e-${Date.now()}-`;
const work = mkdtempSync(join(tmpdir(), "nexus-alerts-kafka-"));
const children: ChildProcess[] = [];
let brokers: string[] = [];
let producer: Producer;
let scenario: AlertScenario;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

const topic = (name: string): string => `${prefix}${name}`;

async function produceAds(ads: readonly RawAd[]): Promise<void> {
  const messages = ads.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) }));
  await producer.send({ topic: topic(TOPICS.adsRaw), messages });
}

const evaluated = (): Promise<number> => topicSize(brokers, topic(ALERTER_CHANGELOG));

beforeAll(async () => {
  brokers = await kafkaBrokers();
  scenario = await createAlertScenario(work, "kafka");
  receiver = await startWebhookReceiver();
  await ensurePipelineTopics(brokers, prefix, CHANGELOGS);
  const env = { NEXUS_IMAGE_ALLOW_FILE: "true", NEXUS_WEBHOOK_ALLOW_PRIVATE: "true" };
  for (const name of ["extractor", "image-hasher", "matcher", "resolver", "alerter", "notifier"]) {
    children.push(spawnService(name, { brokers, prefix }, env));
  }
  producer = new Kafka({ clientId: "alerts-e2e", brokers, logLevel: logLevel.NOTHING }).producer({ idempotent: true });
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  await stopServices(children);
  await deleteTopics(brokers, pipelineTopicNames(prefix, CHANGELOGS)).catch(() => undefined);
  await receiver?.close();
  rmSync(work, { recursive: true, force: true });
});

async function watchRequests(seedEntity: string): Promise<WatchRequest[]> {
  const hashed = await createImageHasher({ allowFile: true }).hashFile(scenario.photoPath);
  return KINDS.map((kind) => {
    if (kind === "entity") return { kind, value: seedEntity, label: kind };
    if (kind === "image") {
      const image = { pdq: hashed.pdq, quality: hashed.quality, dihedral: hashed.dihedral };
      return { kind, value: scenario.watchValues.image, label: kind, image };
    }
    const webhook = kind === "phone" ? { webhook: { url: receiver.url, secret: WEBHOOK_SECRET } } : {};
    return { kind, value: scenario.watchValues[kind], label: kind, ...webhook };
  });
}

async function cli(args: string[]): Promise<string> {
  const env = { ...process.env, KAFKA_BROKERS: brokers.join(","), KAFKA_TOPIC_PREFIX: prefix };
  const { stdout } = await run("npm", ["run", "-s", "nexus", "--", ...args], { cwd: repo, env, timeout: 120_000 });
  return stdout;
}

async function addPhoneWatchWithCli(request: WatchRequest): Promise<Watch> {
  const hook = request.webhook ? ["--webhook", request.webhook.url, "--secret", request.webhook.secret] : [];
  return JSON.parse(
    await cli(["watch", "add", "--kafka", "--label", "phone", ...hook, "phone", request.value]),
  ) as Watch;
}

describe("watches and alerts over Kafka", () => {
  it("raises exactly one alert per watch and matching ad, none for an unrelated ad or a re-scrape", async () => {
    await produceAds([scenario.seedAd]);
    await waitFor(async () => (await evaluated()) >= 1, 120_000);
    const [seed] = (await readTopic(brokers, topic(TOPICS.adsResolutions))).map(
      (record) => record.value as AdResolution,
    );
    expect(seed?.ad.id).toBe(scenario.seedAd.id);

    // Watches are created the way the API does it in a Kafka deployment.
    const logger = createLogger({ service: "e2e", level: "silent", destination: createMemorySink() });
    const kafka = new Kafka({ clientId: "alerts-e2e-watches", brokers, logLevel: logLevel.NOTHING });
    const service = createKafkaAlertService({ kafka, logger, topicPrefix: prefix });
    await service.start();
    const watches = [];
    for (const request of await watchRequests(seed?.networkId ?? "")) {
      // The phone watch goes through the CLI's Kafka form; the others through the service directly.
      if (request.kind === "phone") watches.push(await addPhoneWatchWithCli(request));
      else watches.push(await service.addWatch(request));
    }
    await service.stop();
    const labelOf = new Map(watches.map((watch) => [watch.id, watch.label]));
    // The alerter follows the watch list as a table; give it a moment to read the new records.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const ads = [...KINDS.map((kind) => scenario.matching[kind]), scenario.unrelated];
    await produceAds(ads);
    await waitFor(async () => (await evaluated()) >= 1 + ads.length, 180_000);
    const alerts = (await readTopic(brokers, topic(TOPICS.alerts))).map((record) => record.value as Alert);
    expect(alerts.map((alert) => `${labelOf.get(alert.watchId)} ${alert.adId}`).sort()).toEqual(
      expectedPairs(scenario),
    );

    // The notifier delivered the phone watch's alert to its webhook, signed.
    await waitFor(() => receiver.received.length >= 1, 60_000);
    const [request] = receiver.received;
    expect(verifyWebhook(WEBHOOK_SECRET, request?.headers ?? {}, request?.body ?? "", { now: Date.now() })).toBe(true);
    const body = JSON.parse(request?.body ?? "{}") as WebhookBody;
    expect(body.alerts.map((alert) => alert.adId)).toEqual([scenario.matching.phone.id]);

    // A re-scrape of the same ads raises nothing more; a fresh ad after them shows they went through.
    await produceAds(ads);
    await produceAds([{ ...scenario.unrelated, id: `${scenario.unrelated.id}-2` }]);
    await waitFor(async () => (await evaluated()) >= 2 + ads.length, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await readTopic(brokers, topic(TOPICS.alerts))).toHaveLength(alerts.length);
    expect(receiver.received).toHaveLength(1);
    // The CLI lists the same alerts from the topic.
    const listed = (await cli(["alerts", "--kafka"])).split("\n").filter(Boolean);
    expect(listed.map((line) => (JSON.parse(line) as Alert).id).sort()).toEqual(alerts.map((alert) => alert.id).sort());
  }, 400_000);
});
