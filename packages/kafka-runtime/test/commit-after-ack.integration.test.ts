import { NexusError } from "@nexus/errors";
import { TOPICS } from "@nexus/schemas";
import { describe, expect, it, onTestFinished } from "vitest";
import { createKafkaRuntime, type ProducerRecord } from "../src/index.js";
import { echoTopology, rawAd, resolvedFor } from "./fixtures.js";
import { setupPipeline, silentLogger, waitFor } from "./kafka-harness.js";

describe("kafka runtime: offsets follow acknowledgements", () => {
  it("commits nothing while a produce is unacknowledged, and commits once it is", async () => {
    const pipeline = await setupPipeline([], 1);
    const ads = [rawAd("ad-1"), rawAd("ad-2"), rawAd("ad-3")];
    await pipeline.produce(
      TOPICS.adsRaw,
      ads.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) })),
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sent: ProducerRecord[][] = [];
    const service = await createKafkaRuntime({
      brokers: pipeline.brokers,
      logger: silentLogger(),
      topicPrefix: pipeline.prefix,
      interceptSend: async (records, send) => {
        sent.push([...records]);
        await held;
        await send();
      },
    }).start(echoTopology());
    onTestFinished(() => service.stop());

    await waitFor(() => sent.length > 0, 60_000, "a send");
    // The handler ran and its outputs wait in the producer; the offset must not move yet.
    expect(sent.flat().map((record) => record.key)).toEqual(["ad-1", "ad-2", "ad-3"]);
    expect(await pipeline.committed("echo", TOPICS.adsRaw)).toBe(0);
    expect(await pipeline.readAll(TOPICS.adsResolved)).toEqual([]);

    release();
    await waitFor(async () => (await pipeline.committed("echo", TOPICS.adsRaw)) === 3, 60_000, "3 commits");
    expect((await pipeline.readAll(TOPICS.adsResolved)).map((record) => record.key)).toEqual(["ad-1", "ad-2", "ad-3"]);
  });

  it("a failed produce commits nothing and the batch is processed again until it is acknowledged", async () => {
    const pipeline = await setupPipeline([], 1);
    const ads = [rawAd("ad-1"), rawAd("ad-2")];
    await pipeline.produce(
      TOPICS.adsRaw,
      ads.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) })),
    );
    let handled = 0;
    let failures = 0;
    const service = await createKafkaRuntime({
      brokers: pipeline.brokers,
      logger: silentLogger(),
      topicPrefix: pipeline.prefix,
      interceptSend: async (_records, send) => {
        if (failures < 2) {
          failures += 1;
          throw new NexusError("NEXUS_KAFKA_PRODUCE", "simulated broker outage", { retryable: true });
        }
        await send();
      },
    }).start(
      echoTopology((ad) => {
        handled += 1;
        return [resolvedFor(ad)];
      }),
    );
    onTestFinished(() => service.stop());

    await waitFor(async () => (await pipeline.committed("echo", TOPICS.adsRaw)) === 2, 90_000, "2 commits");
    expect(failures).toBe(2);
    expect(handled).toBeGreaterThanOrEqual(6);
    // Nothing was produced by the failed attempts, so the outputs appear exactly once.
    expect((await pipeline.readAll(TOPICS.adsResolved)).map((record) => record.key)).toEqual(["ad-1", "ad-2"]);
    expect(await pipeline.readAll(`${TOPICS.adsRaw}.dlq`)).toEqual([]);
  });
});
