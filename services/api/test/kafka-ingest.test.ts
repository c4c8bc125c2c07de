import { describe, expect, it } from "vitest";
import { createKafkaIngest, type RawAdRecord, type RecordSink } from "../src/kafka-ingest.js";

/** A broker stand-in: acknowledges sends until `failFrom` sends have gone through. */
function fakeSink(failFrom = Number.POSITIVE_INFINITY): RecordSink & { sent: RawAdRecord[][] } {
  const sent: RawAdRecord[][] = [];
  return {
    sent,
    async send(records) {
      if (sent.length >= failFrom) throw new Error("NOT_ENOUGH_REPLICAS");
      sent.push([...records]);
    },
  };
}

const ad = (id: string, body = "Hola, llámame 5123-4567") => ({ id, source: "s", country: "gt", body });

describe("Kafka ingest", () => {
  it("produces the valid ads keyed by id, normalised like the embedded path, and reports the rest by index", async () => {
    const sink = fakeSink();
    const result = await createKafkaIngest({ sink })([ad("a1"), { id: "bad", body: 3 }, "not an ad", ad("a2")]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, "NEXUS_SCHEMA_INVALID"],
      [2, "NEXUS_SCHEMA_INVALID"],
    ]);
    expect(result.rejected[0]?.message).toMatch(/source|body/);
    const records = sink.sent.flat();
    expect(records.map((r) => r.key)).toEqual(["a1", "a2"]);
    expect(JSON.parse(records[0]?.value ?? "{}")).toMatchObject({ id: "a1", country: "GT" });
  });

  it("splits large requests into produce calls under the size cap, in order", async () => {
    const sink = fakeSink();
    const ads = Array.from({ length: 50 }, (_, i) => ad(`a${i}`, "x".repeat(1_000)));
    const result = await createKafkaIngest({ sink, maxChunkBytes: 10_000 })(ads);
    expect(result).toEqual({ accepted: 50, rejected: [] });
    expect(sink.sent.length).toBeGreaterThan(4);
    expect(sink.sent.flat().map((r) => r.key)).toEqual(ads.map((a) => a.id));
  });

  it("rejects an ad too large for the broker, by index", async () => {
    const result = await createKafkaIngest({ sink: fakeSink(), maxRecordBytes: 500 })([
      ad("small"),
      ad("big", "y".repeat(600)),
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([{ index: 1, code: "NEXUS_USAGE", message: expect.stringContaining("bytes") }]);
  });

  it("counts only acknowledged ads: a failure part-way reports the unacknowledged ones", async () => {
    const sink = fakeSink(1);
    const ads = Array.from({ length: 6 }, (_, i) => ad(`a${i}`, "z".repeat(1_000)));
    const result = await createKafkaIngest({ sink, maxChunkBytes: 3_000 })([
      ...ads.slice(0, 3),
      { id: 1 },
      ...ads.slice(3),
    ]);
    const acknowledged = sink.sent.flat().length;
    expect(acknowledged).toBeGreaterThan(0);
    expect(result.accepted).toBe(acknowledged);
    const unacknowledged = result.rejected.filter((r) => r.code === "NEXUS_KAFKA_PRODUCE");
    expect(unacknowledged).toHaveLength(6 - acknowledged);
    expect(result.rejected.map((r) => r.index)).toEqual([...result.rejected.map((r) => r.index)].sort((a, b) => a - b));
    expect(result.rejected.some((r) => r.index === 3 && r.code === "NEXUS_SCHEMA_INVALID")).toBe(true);
  });

  it("fails the whole request (retryable) when the broker took nothing", async () => {
    await expect(createKafkaIngest({ sink: fakeSink(0) })([ad("a1")])).rejects.toMatchObject({
      code: "NEXUS_KAFKA_PRODUCE",
      retryable: true,
    });
  });
});
