import { NexusError } from "@nexus/errors";
import { checkMessage, TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createTestDriver, DLQ_HEADERS } from "../src/index.js";
import { echoTopology, flaky, rawAd, resolvedFor } from "./fixtures.js";

const DLQ = `${TOPICS.adsRaw}.dlq`;
const retries = { attempts: 4, initialMs: 100, maxMs: 250 };

describe("createTestDriver: the runtime's message policy without a broker", () => {
  it("runs a valid message through the handler and produces its output", async () => {
    const driver = createTestDriver(echoTopology());
    await driver.send(rawAd("ad-1"), "ad-1");
    expect(driver.values(TOPICS.adsResolved)).toEqual([{ adId: "ad-1", personaId: "p-ad-1", networkId: "n-ad-1" }]);
    expect(driver.read(TOPICS.adsResolved)[0]?.key).toBe("ad-1");
    expect(driver.deadLetters()).toEqual([]);
    expect(driver.committed).toBe(1);
  });

  it("dead-letters a message that fails its schema, with headers, and goes on", async () => {
    let calls = 0;
    const driver = createTestDriver(
      echoTopology((ad) => {
        calls += 1;
        return [resolvedFor(ad)];
      }),
    );
    await driver.send({ id: "bad", source: "test" }, "bad");
    await driver.send(rawAd("ad-2"), "ad-2");
    const [letter] = driver.deadLetters();
    expect(letter).toMatchObject({ topic: TOPICS.adsRaw, stage: "echo", key: "bad", offset: "0", attempts: 1 });
    expect(letter?.error.code).toBe("NEXUS_SCHEMA_INVALID");
    expect(letter?.error.message).toContain("/body");
    expect(JSON.parse(letter?.payload ?? "")).toEqual({ id: "bad", source: "test" });
    expect(checkMessage(TOPICS.deadLetters, letter).ok).toBe(true);
    const headers = driver.read(DLQ)[0]?.headers;
    expect(headers?.[DLQ_HEADERS.code]).toBe("NEXUS_SCHEMA_INVALID");
    expect(headers?.[DLQ_HEADERS.topic]).toBe(TOPICS.adsRaw);
    expect(headers?.[DLQ_HEADERS.offset]).toBe("0");
    expect(headers?.[DLQ_HEADERS.partition]).toBe("0");
    expect(headers?.[DLQ_HEADERS.attempts]).toBe("1");
    expect(calls).toBe(1);
    expect(driver.values(TOPICS.adsResolved)).toHaveLength(1);
    expect(driver.committed).toBe(2);
  });

  it("dead-letters text that is not JSON, and a tombstone, as NEXUS_INPUT_PARSE", async () => {
    const driver = createTestDriver(echoTopology());
    await driver.sendRaw("{not json", "k");
    await driver.sendRaw(null, "k");
    expect(driver.deadLetters().map((letter) => letter.error.code)).toEqual(["NEXUS_INPUT_PARSE", "NEXUS_INPUT_PARSE"]);
    expect(driver.deadLetters()[0]?.payload).toBe("{not json");
  });

  it("retries a retryable error with exponential backoff and then succeeds", async () => {
    const handler = flaky(2);
    const driver = createTestDriver(echoTopology(handler.handle), { retries });
    await driver.send(rawAd("ad-3"), "ad-3");
    expect(handler.calls).toBe(3);
    expect(driver.sleeps).toEqual([100, 200]);
    expect(driver.values(TOPICS.adsResolved)).toHaveLength(1);
    expect(driver.deadLetters()).toEqual([]);
  });

  it("dead-letters after the last retry, counting the attempts, capped backoff", async () => {
    const handler = flaky(100);
    const driver = createTestDriver(echoTopology(handler.handle), { retries });
    await driver.send(rawAd("ad-4"), "ad-4");
    expect(handler.calls).toBe(4);
    expect(driver.sleeps).toEqual([100, 200, 250]);
    expect(driver.deadLetters()[0]).toMatchObject({ attempts: 4, error: { code: "NEXUS_ES_TIMEOUT" } });
    expect(driver.read(DLQ)[0]?.headers[DLQ_HEADERS.attempts]).toBe("4");
  });

  it("dead-letters a non-retryable error at once; a plain Error counts as NEXUS_PROCESSING_FAILED", async () => {
    let calls = 0;
    const driver = createTestDriver(
      echoTopology(() => {
        calls += 1;
        throw calls === 1 ? new NexusError("NEXUS_IMAGE_DECODE", "broken jpeg") : new Error("bug");
      }),
      { retries },
    );
    await driver.send(rawAd("ad-5"), "ad-5");
    await driver.send(rawAd("ad-6"), "ad-6");
    expect(calls).toBe(2);
    expect(driver.sleeps).toEqual([]);
    expect(driver.deadLetters().map((letter) => letter.error.code)).toEqual([
      "NEXUS_IMAGE_DECODE",
      "NEXUS_PROCESSING_FAILED",
    ]);
  });

  it("never produces an invalid output: the whole message is dead-lettered as NEXUS_SCHEMA_INVALID", async () => {
    const driver = createTestDriver(
      echoTopology((ad) => [resolvedFor(ad), { topic: TOPICS.adsResolved, key: ad.id, value: { adId: ad.id } }]),
    );
    await driver.send(rawAd("ad-7"), "ad-7");
    expect(driver.read(TOPICS.adsResolved)).toEqual([]);
    const [letter] = driver.deadLetters();
    expect(letter?.error.code).toBe("NEXUS_SCHEMA_INVALID");
    expect(letter?.error.details).toMatchObject({ output: 1, topic: TOPICS.adsResolved });
  });

  it("refuses outputs to undeclared topics and outputs without a key", async () => {
    const driver = createTestDriver(
      echoTopology((ad) =>
        ad.id === "x" ? [{ topic: TOPICS.alerts, key: "x", value: {} }] : [{ ...resolvedFor(ad), key: "" }],
      ),
    );
    await driver.send(rawAd("x"), "x");
    await driver.send(rawAd("y"), "y");
    expect(driver.deadLetters().map((letter) => letter.error.message)).toEqual([
      expect.stringContaining("not declared"),
      expect.stringContaining("no key"),
    ]);
    expect(driver.read(TOPICS.alerts)).toEqual([]);
  });

  it("restores state from the changelog first and lets the handler write to it unchecked", async () => {
    const seen = new Map<string, unknown>();
    const topology = {
      ...echoTopology((ad) => [resolvedFor(ad), { topic: "echo.state", key: ad.id, value: { count: seen.size } }]),
      state: { changelog: "echo.state", restore: (key: string, value: unknown) => void seen.set(key, value) },
    };
    const driver = createTestDriver(topology, { changelog: [["old", { count: 0 }]] });
    expect(seen.get("old")).toEqual({ count: 0 });
    await driver.send(rawAd("ad-8"), "ad-8");
    expect(driver.values("echo.state")).toEqual([{ count: 1 }]);
  });
});
