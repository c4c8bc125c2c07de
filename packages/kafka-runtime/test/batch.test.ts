import { createLogger, createMemorySink } from "@nexus/logging";
import { TOPICS } from "@nexus/schemas";
import type { EachBatchPayload, KafkaMessage } from "kafkajs";
import { describe, expect, it } from "vitest";
import { processBatch } from "../src/batch.js";
import { InFlightGate, type ProducerRecord, RuntimeMetrics } from "../src/index.js";
import { echoTopology, rawAd } from "./fixtures.js";

function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function payload(count: number, log: string[], running = () => true): EachBatchPayload {
  const messages = Array.from({ length: count }, (_, index) => ({
    offset: String(10 + index),
    key: Buffer.from(`ad-${index}`),
    value: Buffer.from(JSON.stringify(rawAd(`ad-${index}`))),
  })) as KafkaMessage[];
  const batch = { topic: TOPICS.adsRaw, partition: 3, highWatermark: String(10 + count + 5), messages };
  return {
    batch,
    resolveOffset: (offset: string) => void log.push(`resolve ${offset}`),
    heartbeat: async () => {},
    isRunning: running,
    isStale: () => false,
    commitOffsetsIfNecessary: async (offsets: {
      topics: { partitions: { partition: number; offset: string }[] }[];
    }) => {
      for (const { partitions } of offsets.topics)
        for (const entry of partitions) log.push(`commit ${entry.partition}@${entry.offset}`);
    },
  } as unknown as EachBatchPayload;
}

function harness(options: { flushSize: number; maxInFlight?: number }) {
  const log: string[] = [];
  const sends: { records: readonly ProducerRecord[]; ack: ReturnType<typeof deferred> }[] = [];
  const metrics = new RuntimeMetrics();
  const gate = new InFlightGate(options.maxInFlight ?? 100, {
    pause: () => log.push("pause"),
    resume: () => log.push("resume"),
  });
  const logger = createLogger({ service: "t", level: "silent", destination: createMemorySink() });
  const deps = {
    topology: echoTopology(),
    policy: { logger, retry: { attempts: 1, initialMs: 1, maxMs: 1 }, sleep: async () => {} },
    gate,
    metrics,
    flushSize: options.flushSize,
    send: (records: readonly ProducerRecord[]) => {
      const ack = deferred();
      sends.push({ records, ack });
      log.push(`send ${records.length}`);
      return ack.promise;
    },
  };
  return { log, sends, metrics, gate, deps };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("processBatch", () => {
  it("resolves and commits an offset only after its outputs and all earlier ones are acknowledged", async () => {
    const { log, sends, deps, metrics } = harness({ flushSize: 2 });
    const done = processBatch(payload(4, log), deps);
    await settle();
    expect(log).toEqual(["send 2", "send 2"]);
    sends[1]?.ack.resolve();
    await settle();
    expect(log).toEqual(["send 2", "send 2"]);
    sends[0]?.ack.resolve();
    await done;
    expect(log).toEqual(["send 2", "send 2", "resolve 11", "resolve 13", "commit 3@14"]);
    expect(metrics.messagesOut.get({ topic: TOPICS.adsResolved })).toBe(4);
    expect(metrics.lag.get({ topic: TOPICS.adsRaw, partition: "3" })).toBe(5);
  });

  it("commits nothing past a failed send and rethrows so kafkajs replays from the last resolved offset", async () => {
    const { log, sends, deps, gate } = harness({ flushSize: 2 });
    const done = processBatch(payload(4, log), deps);
    await settle();
    sends[0]?.ack.resolve();
    sends[1]?.ack.reject(new Error("broker gone"));
    await expect(done).rejects.toThrow("broker gone");
    expect(log).toEqual(["send 2", "send 2", "resolve 11"]);
    expect(gate.count).toBe(0);
  });

  it("stops taking messages when the consumer stops, and commits what was acknowledged", async () => {
    let budget = 2;
    const { log, sends, deps } = harness({ flushSize: 10 });
    const done = processBatch(
      payload(5, log, () => budget-- > 0),
      deps,
    );
    await settle();
    sends[0]?.ack.resolve();
    await done;
    expect(log).toEqual(["send 2", "resolve 11", "commit 3@12"]);
  });

  it("flushes and pauses when in-flight reaches the limit, resuming after acks", async () => {
    const { log, sends, deps } = harness({ flushSize: 10, maxInFlight: 2 });
    const done = processBatch(payload(3, log), deps);
    await settle();
    expect(log).toEqual(["send 2", "pause"]);
    sends[0]?.ack.resolve();
    await settle();
    sends[1]?.ack.resolve();
    await done;
    expect(log).toEqual(["send 2", "pause", "resolve 11", "resume", "send 1", "resolve 12", "commit 3@13"]);
  });
});
