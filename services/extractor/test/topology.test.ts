import { createTestDriver } from "@nexus/kafka-runtime";
import { type ExtractedAd, TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { extractorTopology } from "../src/topology.js";

describe("extractor topology", () => {
  it("extracts phones from a raw ad, keyed by ad id", async () => {
    const driver = createTestDriver(extractorTopology);
    await driver.send({ id: "ad-1", source: "s", body: "Escríbeme 5555 1234", country: "gt" }, "ad-1");
    const [record] = driver.read(TOPICS.adsExtracted);
    expect(record?.key).toBe("ad-1");
    const value = record?.value as ExtractedAd;
    expect(value.ad.country).toBe("GT");
    expect(value.extraction.phones.map((p) => p.e164)).toEqual(["+50255551234"]);
  });

  it("dead-letters an invalid raw ad and goes on", async () => {
    const driver = createTestDriver(extractorTopology);
    await driver.send({ id: "bad", body: 1 }, "bad");
    await driver.send({ id: "ok", source: "s", body: "hola" }, "ok");
    expect(driver.deadLetters()[0]?.error.code).toBe("NEXUS_SCHEMA_INVALID");
    expect(driver.read(TOPICS.adsExtracted).map((r) => r.key)).toEqual(["ok"]);
  });
});
