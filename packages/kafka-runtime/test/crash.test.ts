import { EventEmitter } from "node:events";
import { createLogger, createMemorySink } from "@nexus/logging";
import type { Kafka } from "kafkajs";
import { describe, expect, it } from "vitest";
import { createTableFollower, restoreChangelog } from "../src/index.js";

const EVENTS = { CRASH: "consumer.crash", GROUP_JOIN: "consumer.group_join" } as const;

interface Record_ {
  readonly offset: string;
  readonly key: string;
  readonly value: string;
}

type Step =
  | { readonly crash: { readonly restart: boolean } }
  | { readonly join: true }
  | { readonly batch: { readonly partition: number; readonly records: readonly Record_[]; readonly high: string } };

/**
 * A kafkajs client whose one topic holds `high` records on partition 0 and whose consumer, once run,
 * plays `steps` in order: CRASH events, a GROUP_JOIN, batches handed to eachBatch.
 */
function scriptedKafka(high: string, steps: readonly Step[]): Kafka {
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    fetchTopicOffsets: async () => [{ partition: 0, high, low: "0" }],
    deleteGroups: async () => [],
  };
  const consumer = () => {
    const emitter = new EventEmitter();
    return {
      events: EVENTS,
      on: (event: string, listener: (e: unknown) => void) => emitter.on(event, listener),
      connect: async () => undefined,
      subscribe: async () => undefined,
      disconnect: async () => undefined,
      run: async (config: { eachBatch: (payload: unknown) => Promise<void> }) => {
        for (const step of steps) {
          await new Promise((resolve) => setImmediate(resolve));
          if ("crash" in step) emitter.emit(EVENTS.CRASH, { payload: { error: new Error("crashed"), ...step.crash } });
          else if ("join" in step) emitter.emit(EVENTS.GROUP_JOIN, { payload: { memberAssignment: {} } });
          else {
            const { partition, records, high: end } = step.batch;
            const messages = records.map((r) => ({ ...r, key: Buffer.from(r.key), value: Buffer.from(r.value) }));
            const lastOffset = () => String(BigInt(end) - 1n);
            await config.eachBatch({ batch: { partition, messages, lastOffset }, heartbeat: async () => undefined });
          }
        }
      },
    };
  };
  return { admin: () => admin, consumer } as unknown as Kafka;
}

const logger = createLogger({ service: "t", level: "silent", destination: createMemorySink() });
const records: readonly Record_[] = [
  { offset: "0", key: "a", value: '{"n":1}' },
  { offset: "1", key: "b", value: '{"n":2}' },
];
// What a broker that has just started does to the first group it sees: the coordinator is still
// loading, kafkajs crashes the consumer with restart: true and starts it again.
const coordinatorLoading: Step = { crash: { restart: true } };

describe("a consumer crash that kafkajs restarts from", () => {
  it("does not fail a changelog restore", async () => {
    const kafka = scriptedKafka("2", [coordinatorLoading, { batch: { partition: 0, records, high: "2" } }]);
    const restored: string[] = [];
    const target = { changelog: "c", restore: (key: string) => void restored.push(key) };
    await expect(restoreChangelog(kafka, target, logger)).resolves.toBe(2);
    expect(restored).toEqual(["a", "b"]);
  });

  it("does not fail a table follower's start", async () => {
    const steps: Step[] = [coordinatorLoading, { join: true }, { batch: { partition: 0, records, high: "2" } }];
    const seen: string[] = [];
    const follower = createTableFollower({
      kafka: scriptedKafka("2", steps),
      topic: "t",
      groupIdPrefix: "g",
      logger,
      onRecord: (key) => void seen.push(key),
    });
    await follower.start();
    expect(follower.caughtUp).toBe(true);
    expect(seen).toEqual(["a", "b"]);
  });
});

describe("a crash kafkajs gives up on", () => {
  it("fails a changelog restore", async () => {
    const kafka = scriptedKafka("2", [{ crash: { restart: false } }]);
    const target = { changelog: "c", restore: () => undefined };
    await expect(restoreChangelog(kafka, target, logger)).rejects.toThrow("crashed");
  });

  it("fails a table follower's start", async () => {
    const follower = createTableFollower({
      kafka: scriptedKafka("2", [{ crash: { restart: false } }]),
      topic: "t",
      groupIdPrefix: "g",
      logger,
      onRecord: () => undefined,
    });
    await expect(follower.start()).rejects.toThrow("crashed");
  });
});
