import { checkMessage, type DeadLetter, TOPICS } from "@nexus/schemas";
import { describe, expect, it, onTestFinished } from "vitest";
import { createKafkaRuntime, DLQ_HEADERS } from "../src/index.js";
import { echoTopology, flaky, rawAd } from "./fixtures.js";
import { setupPipeline, silentLogger, waitFor } from "./kafka-harness.js";

describe("kafka runtime: poison messages", () => {
  it("dead-letters them with headers, and the next message is still processed", async () => {
    // One partition, so "the next message" is well defined.
    const pipeline = await setupPipeline([], 1);
    await pipeline.produce(TOPICS.adsRaw, [
      { key: "ad-1", value: JSON.stringify(rawAd("ad-1")) },
      { key: "bad-schema", value: JSON.stringify({ id: "bad-schema", source: "x" }) },
      { key: "bad-json", value: "{oops" },
      { key: "ad-2", value: JSON.stringify(rawAd("ad-2")) },
    ]);
    const service = await createKafkaRuntime({
      brokers: pipeline.brokers,
      logger: silentLogger(),
      topicPrefix: pipeline.prefix,
      retries: { attempts: 3, initialMs: 10, maxMs: 20 },
    }).start(echoTopology(flaky(2).handle));
    onTestFinished(() => service.stop());

    await waitFor(async () => (await pipeline.committed("echo", TOPICS.adsRaw)) === 4, 60_000, "4 commits");
    const outputs = await pipeline.readAll(TOPICS.adsResolved);
    expect(outputs.map((record) => record.key)).toEqual(["ad-1", "ad-2"]);

    const letters = await pipeline.readAll(`${TOPICS.adsRaw}.dlq`);
    expect(letters.map((record) => record.key)).toEqual(["bad-schema", "bad-json"]);
    const [schema, json] = letters;
    expect(schema?.headers).toMatchObject({
      [DLQ_HEADERS.code]: "NEXUS_SCHEMA_INVALID",
      [DLQ_HEADERS.topic]: pipeline.topic(TOPICS.adsRaw),
      [DLQ_HEADERS.partition]: "0",
      [DLQ_HEADERS.offset]: "1",
      [DLQ_HEADERS.attempts]: "1",
      [DLQ_HEADERS.stage]: "echo",
    });
    expect(json?.headers[DLQ_HEADERS.code]).toBe("NEXUS_INPUT_PARSE");
    expect(json?.headers[DLQ_HEADERS.offset]).toBe("2");
    const letter = JSON.parse(schema?.value ?? "") as DeadLetter;
    expect(checkMessage(TOPICS.deadLetters, letter).ok).toBe(true);
    expect(letter.error.message).toContain("/body");
    expect(JSON.parse(letter.payload)).toEqual({ id: "bad-schema", source: "x" });
    // The first ad met two retryable failures and still went through: retries happened in-process.
    expect(service.metrics()).toContain("nexus_retries_total 2");
    expect(service.metrics()).toContain(`nexus_dead_letters_total{topic="${TOPICS.adsRaw}.dlq"} 2`);
  });
});
