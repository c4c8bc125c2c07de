import { createLogger, createMemorySink } from "@nexus/logging";
import { testTopic } from "@nexus/test-helpers";
import kafkajs from "kafkajs";
import { describe, expect, it, onTestFinished } from "vitest";
import { createTableFollower, type TableFollower } from "../src/index.js";
import { silentLogger, waitFor } from "./kafka-harness.js";

/** A compacted topic followed as a table by every instance, against the harness's broker. */

async function produce(
  kafka: kafkajs.Kafka,
  topic: string,
  messages: readonly { key: string | null; value: string | null }[],
): Promise<void> {
  const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: messages.map((message) => ({ ...message })) });
  await producer.disconnect();
}

function follow(kafka: kafkajs.Kafka, topic: string): { table: Map<string, unknown>; follower: TableFollower } {
  const table = new Map<string, unknown>();
  const follower = createTableFollower({
    kafka,
    topic,
    groupIdPrefix: "nexus-test-table",
    logger: silentLogger(),
    onRecord: (key, value) => {
      if (value === null) table.delete(key);
      else table.set(key, value);
    },
  });
  onTestFinished(() => follower.stop());
  return { table, follower };
}

describe("table follower", () => {
  it("holds the whole table once started, in every instance, and keeps following it", async () => {
    const topic = await testTopic({ partitions: 3, config: { "cleanup.policy": "compact" } });
    const kafka = new kafkajs.Kafka({ brokers: [...topic.brokers], logLevel: kafkajs.logLevel.NOTHING });
    const initial = Array.from({ length: 30 }, (_, index) => ({
      key: `k${index}`,
      value: JSON.stringify({ v: index }),
    }));
    await produce(kafka, topic.name, [
      ...initial,
      { key: "k1", value: JSON.stringify({ v: "updated" }) },
      { key: "k2", value: null },
      { key: "k3", value: "not json" },
    ]);

    const first = follow(kafka, topic.name);
    const second = follow(kafka, topic.name);
    expect(first.follower.caughtUp).toBe(false);
    await Promise.all([first.follower.start(), second.follower.start()]);
    for (const { follower, table } of [first, second]) {
      expect(follower.caughtUp).toBe(true);
      expect(table.size).toBe(29);
      expect(table.get("k1")).toEqual({ v: "updated" });
      expect(table.has("k2")).toBe(false);
      // A value that is not JSON is skipped; the key keeps its last good value.
      expect(table.get("k3")).toEqual({ v: 3 });
    }

    await produce(kafka, topic.name, [
      { key: "k100", value: JSON.stringify({ v: 100 }) },
      { key: "k0", value: null },
    ]);
    await waitFor(() => first.table.has("k100") && !first.table.has("k0"), 30_000, "later records");
    // sync(): everything written before the call is in the table when it resolves, no polling.
    await produce(kafka, topic.name, [{ key: "k200", value: JSON.stringify({ v: 200 }) }]);
    await second.follower.sync();
    expect(second.table.get("k200")).toEqual({ v: 200 });
    expect(second.table.has("k100") && !second.table.has("k0")).toBe(true);
  });

  it("is caught up at once on an empty topic", async () => {
    const topic = await testTopic({ config: { "cleanup.policy": "compact" } });
    const kafka = new kafkajs.Kafka({ brokers: [...topic.brokers], logLevel: kafkajs.logLevel.NOTHING });
    const { follower, table } = follow(kafka, topic.name);
    await follower.start();
    expect(follower.caughtUp).toBe(true);
    await produce(kafka, topic.name, [{ key: "a", value: "1" }]);
    await waitFor(() => table.get("a") === 1, 30_000, "first record");
    await follower.stop();
    await follower.stop();
  });

  it("stays stopped when stopped right after starting on an empty topic (a CLI command's lifetime)", async () => {
    const topic = await testTopic({ config: { "cleanup.policy": "compact" } });
    const kafka = new kafkajs.Kafka({ brokers: [...topic.brokers], logLevel: kafkajs.logLevel.NOTHING });
    const sink = createMemorySink();
    const follower = createTableFollower({
      kafka,
      topic: topic.name,
      groupIdPrefix: "nexus-test-table",
      logger: createLogger({ service: "test", level: "warn", destination: sink }),
      onRecord: () => undefined,
    });
    await follower.start();
    await follower.stop();
    // Stopped mid-join, kafkajs crashed the consumer and restarted it: the process never exited.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(sink.lines.filter((line) => line["msg"] === "follower crashed")).toEqual([]);
  });
});
