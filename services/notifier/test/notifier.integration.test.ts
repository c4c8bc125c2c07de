import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook, WEBHOOK_HEADERS, type WebhookBody } from "@nexus/alert-delivery";
import { DEFAULT_TOPIC_SPECS, DLQ_HEADERS, endOffsets, ensureTopics } from "@nexus/kafka-runtime";
import { createLogger, createMemorySink } from "@nexus/logging";
import { type AlertDelivery, type DeadLetter, deadLetterTopic, TOPICS, type Watch } from "@nexus/schemas";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import kafkajs from "kafkajs";
import { describe, expect, it, onTestFinished } from "vitest";
import { type RunningNotifier, startNotifier } from "../src/notifier.js";
import { alert } from "./fixtures.js";

const SECRET = "integration-secret-0123";

interface Received {
  readonly path: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback receiver: /ok answers 200, /gone 410, /flaky 500 until `flakyOk` is set. */
async function startReceiver() {
  const requests: Received[] = [];
  const state = { flakyOk: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = req.url === "/gone" ? 410 : req.url === "/flaky" && !state.flakyOk ? 500 : 200;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { requests, state, base };
}

function watch(id: string, url: string): Watch {
  return {
    id,
    kind: "phone",
    value: "+50255551234",
    label: `watch ${id}`,
    webhook: { url, secret: SECRET },
    createdAt: "2026-01-01T00:00:00.000Z",
  };
}

async function setup() {
  const brokers = await kafkaBrokers();
  const prefix = `nexus.test.${randomUUID().slice(0, 8)}.`;
  const specs = DEFAULT_TOPIC_SPECS.map((spec) => ({ ...spec, topic: `${prefix}${spec.topic}`, partitions: 2 }));
  await ensureTopics(brokers, specs);
  onTestFinished(() =>
    deleteTopics(
      brokers,
      specs.map((spec) => spec.topic),
    ),
  );
  const kafka = new kafkajs.Kafka({ brokers, clientId: "notifier-test", logLevel: kafkajs.logLevel.NOTHING });
  const produce = async (topic: string, records: readonly { key: string; value: unknown }[]) => {
    const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
    await producer.connect();
    const messages = records.map((record) => ({ key: record.key, value: JSON.stringify(record.value) }));
    await producer.send({ topic: `${prefix}${topic}`, acks: -1, messages });
    await producer.disconnect();
  };
  const start = async (): Promise<RunningNotifier> => {
    const logger = createLogger({ service: "notifier-test", level: "silent", destination: createMemorySink() });
    const running = await startNotifier({
      brokers,
      topicPrefix: prefix,
      logger,
      webhook: { allowPrivate: true, digestMs: 300, maxAttempts: 6, timeoutMs: 2_000 },
    });
    onTestFinished(() => running.stop());
    return running;
  };
  return { brokers, prefix, kafka, produce, start };
}

/** Everything on a topic up to its current end. */
async function readTopic(kafka: kafkajs.Kafka, topic: string) {
  const ends = await endOffsets(kafka, topic);
  const records: { key: string; value: unknown; headers: Record<string, string> }[] = [];
  if (ends.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `notifier-test-read-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        records.push({
          key: message.key?.toString() ?? "",
          value: JSON.parse(message.value?.toString() ?? "null"),
          headers,
        });
        if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) ends.delete(partition);
        if (ends.size === 0) resolve();
      },
    });
  });
  await consumer.disconnect();
  return records;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const latestDeliveries = async (kafka: kafkajs.Kafka, topic: string) =>
  new Map((await readTopic(kafka, topic)).map((record) => [record.key, record.value as AlertDelivery]));

describe("notifier over Kafka", () => {
  it("delivers a signed webhook, records it as delivered, and dead-letters a rejected one", async () => {
    const { kafka, prefix, produce, start } = await setup();
    const receiver = await startReceiver();
    await produce(TOPICS.watches, [
      { key: "w_ok0001", value: watch("w_ok0001", `${receiver.base}/ok`) },
      { key: "w_gone001", value: watch("w_gone001", `${receiver.base}/gone`) },
    ]);
    const notifier = await start();
    // A watch created a moment before its first alert: the notifier waits for its watch table.
    await produce(TOPICS.watches, [{ key: "w_late001", value: watch("w_late001", `${receiver.base}/ok`) }]);
    await produce(TOPICS.alerts, [
      { key: "al-1", value: alert("al-1", "w_ok0001") },
      { key: "al-2", value: alert("al-2", "w_gone001") },
      { key: "al-3", value: alert("al-3", "w_late001") },
    ]);

    await waitFor(() => receiver.requests.length >= 3, "three webhook requests");
    expect(receiver.requests.map((request) => request.headers[WEBHOOK_HEADERS.delivery]).sort()).toEqual([
      "w_gone001|al-2",
      "w_late001|al-3",
      "w_ok0001|al-1",
    ]);
    const ok = receiver.requests.find((request) => request.path === "/ok");
    expect(verifyWebhook(SECRET, ok?.headers ?? {}, ok?.body ?? "", { now: Date.now() })).toBe(true);
    expect(ok?.headers[WEBHOOK_HEADERS.delivery]).toBe("w_ok0001|al-1");
    expect((JSON.parse(ok?.body ?? "{}") as WebhookBody).alerts.map((item) => item.id)).toEqual(["al-1"]);

    const deliveriesTopic = `${prefix}${TOPICS.alertDeliveries}`;
    await waitFor(
      async () => (await latestDeliveries(kafka, deliveriesTopic)).get("w_ok0001|al-1")?.status === "delivered",
      "delivered record",
    );
    await waitFor(
      async () => (await latestDeliveries(kafka, deliveriesTopic)).get("w_gone001|al-2")?.status === "failed",
      "failed record",
    );
    const failed = (await latestDeliveries(kafka, deliveriesTopic)).get("w_gone001|al-2");
    expect(failed).toMatchObject({ attempts: 1, httpStatus: 410, lastError: "HTTP 410" });

    const dlqTopic = `${prefix}${deadLetterTopic(TOPICS.alerts)}`;
    await waitFor(async () => (await readTopic(kafka, dlqTopic)).length === 1, "a dead letter");
    const [dead] = await readTopic(kafka, dlqTopic);
    expect(dead?.key).toBe("al-2");
    expect(dead?.headers[DLQ_HEADERS.code]).toBe("NEXUS_WEBHOOK_FAILED");
    expect(dead?.headers[DLQ_HEADERS.topic]).toBe(`${prefix}${TOPICS.alerts}`);
    expect(dead?.headers[DLQ_HEADERS.stage]).toBe("notifier");
    const letter = dead?.value as DeadLetter;
    expect(JSON.parse(letter.payload)).toMatchObject({ id: "al-2", watchId: "w_gone001" });
    // Operators see the same on /metrics.
    expect(notifier.metrics()).toContain("nexus_webhook_delivered_total 2\n");
    expect(notifier.metrics()).toContain("nexus_webhook_failed_total 1\n");
  });

  it("resumes a pending delivery after a restart and does not resend a delivered one", async () => {
    const { kafka, prefix, produce, start } = await setup();
    const receiver = await startReceiver();
    await produce(TOPICS.watches, [
      { key: "w_flaky01", value: watch("w_flaky01", `${receiver.base}/flaky`) },
      { key: "w_ok0002", value: watch("w_ok0002", `${receiver.base}/ok`) },
    ]);
    const first = await start();
    await produce(TOPICS.alerts, [
      { key: "al-f", value: alert("al-f", "w_flaky01") },
      { key: "al-o", value: alert("al-o", "w_ok0002") },
    ]);
    await waitFor(() => receiver.requests.some((request) => request.path === "/ok"), "the /ok delivery");
    await waitFor(() => receiver.requests.some((request) => request.path === "/flaky"), "a first /flaky attempt");
    await first.stop();

    receiver.state.flakyOk = true;
    const okBefore = receiver.requests.filter((request) => request.path === "/ok").length;
    await start();
    const deliveriesTopic = `${prefix}${TOPICS.alertDeliveries}`;
    await waitFor(
      async () => (await latestDeliveries(kafka, deliveriesTopic)).get("w_flaky01|al-f")?.status === "delivered",
      "the resumed delivery",
    );
    expect(receiver.requests.filter((request) => request.path === "/ok").length).toBe(okBefore);
    // The resumed delivery read its alert back from the alerts topic.
    const resumed = receiver.requests.filter((request) => request.path === "/flaky").at(-1);
    expect((JSON.parse(resumed?.body ?? "{}") as WebhookBody).alerts.map((item) => item.id)).toEqual(["al-f"]);
  });
});
