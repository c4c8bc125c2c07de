import { randomUUID } from "node:crypto";
import { NexusError } from "@nexus/errors";
import { ensureTopics } from "@nexus/kafka-runtime";
import { createLogger, createMemorySink } from "@nexus/logging";
import { type Alert, type AlertDelivery, TOPICS } from "@nexus/schemas";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKafkaAlertService, type KafkaAlertService } from "../src/index.js";

const prefix = `nexus.test.${randomUUID().slice(0, 8)}.`;
const TABLES = [TOPICS.watches, TOPICS.alerts, TOPICS.alertDeliveries];
let brokers: string[];
let kafka: kafkajs.Kafka;
const services: KafkaAlertService[] = [];

async function startService(entityExists?: (id: string) => Promise<boolean>): Promise<KafkaAlertService> {
  const service = createKafkaAlertService({
    kafka,
    logger: createLogger({ service: "test", destination: createMemorySink() }),
    topicPrefix: prefix,
    ...(entityExists ? { entityExists } : {}),
  });
  services.push(service);
  await service.start();
  return service;
}

async function produce(topic: string, key: string, value: unknown): Promise<void> {
  const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic: `${prefix}${topic}`, acks: -1, messages: [{ key, value: JSON.stringify(value) }] });
  await producer.disconnect();
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const alert = (watchId: string, adId: string, seq: number): Alert => ({
  id: `${watchId}:${adId}`,
  watchId,
  watchKind: "phone",
  adId,
  entityId: "e_1",
  personaId: "p_1",
  evidence: [{ kind: "phone", value: "+50251234567" }],
  seq,
  raisedAt: new Date().toISOString(),
});

beforeAll(async () => {
  brokers = await kafkaBrokers();
  kafka = new kafkajs.Kafka({ brokers, clientId: "nexus-test-alerts", logLevel: kafkajs.logLevel.NOTHING });
  // One partition each, so that "a later record arrived" also means "the earlier one was read".
  await ensureTopics(
    brokers,
    TABLES.map((name) => ({ topic: `${prefix}${name}`, partitions: 1, retentionMs: -1, compact: true })),
  );
});
afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  await deleteTopics(
    brokers,
    TABLES.map((name) => `${prefix}${name}`),
  );
});

describe("Kafka alert service", () => {
  it("shares watches, alerts and deliveries between instances; tombstones remove watches", async () => {
    const first = await startService();
    const second = await startService();

    const watch = await first.addWatch({ kind: "phone", value: "+502 5123 4567", label: "case 7" });
    expect(watch).toMatchObject({ kind: "phone", value: "+50251234567", label: "case 7" });
    expect(watch.id).toMatch(/^w_[0-9a-f]{32}$/);
    expect(await first.watch(watch.id)).toEqual(watch);
    await waitFor(async () => (await second.watch(watch.id)) !== undefined, "the watch on the second instance");
    expect(await second.watches()).toEqual([watch]);

    const heard: Alert[] = [];
    second.subscribe((raised) => heard.push(raised));
    const raised = alert(watch.id, "ad1", 10);
    await produce(TOPICS.alerts, raised.id, raised);
    // A replay of the same alert collapses into the first; the next one proves it was read.
    await produce(TOPICS.alerts, raised.id, { ...raised, raisedAt: new Date(0).toISOString() });
    const later = alert(watch.id, "ad2", 11);
    await produce(TOPICS.alerts, later.id, later);
    await waitFor(() => heard.length >= 2, "two live alerts");
    expect(heard.map((a) => a.id)).toEqual([raised.id, later.id]);
    await waitFor(async () => (await first.alerts()).length >= 2, "alerts on the first instance");
    expect(await first.alerts({ watchId: watch.id })).toEqual([raised, later]);
    expect(await first.alerts({ afterSeq: 10 })).toEqual([later]);

    const delivery: AlertDelivery = {
      id: `d_${watch.id}`,
      watchId: watch.id,
      alertIds: [raised.id],
      url: "https://hooks.example.com/x",
      status: "delivered",
      attempts: 1,
    };
    await produce(TOPICS.alertDeliveries, delivery.id, delivery);
    await waitFor(async () => (await second.deliveries({ watchId: watch.id })).length === 1, "the delivery");
    expect(await second.deliveries({ watchId: "w_other" })).toEqual([]);

    expect(await first.removeWatch(watch.id)).toBe(true);
    expect(await first.watch(watch.id)).toBeUndefined();
    await waitFor(async () => (await second.watch(watch.id)) === undefined, "the tombstone on the second instance");
    expect(await second.removeWatch(watch.id)).toBe(false);

    // A late starter rebuilds everything from the topics, and hears none of it as news.
    const late = await startService();
    const lateHeard: Alert[] = [];
    late.subscribe((a) => lateHeard.push(a));
    expect(await late.watches()).toEqual([]);
    expect((await late.alerts()).map((a) => a.id)).toEqual([raised.id, later.id]);
    expect((await late.deliveries()).map((d) => d.id)).toEqual([delivery.id]);
    expect(lateHeard).toEqual([]);
  });

  it("refuses an entity watch for an unknown entity and an invalid watch, producing nothing", async () => {
    const service = await startService(async (id) => id === "e_known");
    await expect(service.addWatch({ kind: "entity", value: "e_unknown" })).rejects.toMatchObject({
      code: "NEXUS_NOT_FOUND",
    });
    await expect(service.addWatch({ kind: "phone", value: "no phone" })).rejects.toBeInstanceOf(NexusError);
    const known = await service.addWatch({ kind: "entity", value: "e_known", triggers: ["merge"] });
    expect(await service.watches()).toEqual([known]);
  });
});
