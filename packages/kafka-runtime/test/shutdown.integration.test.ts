import { TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createKafkaRuntime } from "../src/index.js";
import { echoTopology, rawAd, resolvedFor } from "./fixtures.js";
import { setupPipeline, silentLogger, waitFor } from "./kafka-harness.js";

describe("kafka runtime: graceful shutdown", () => {
  it("stops fetching, finishes the message in hand, produces and commits it, then disconnects", async () => {
    const pipeline = await setupPipeline([], 1);
    const ads = Array.from({ length: 5 }, (_, index) => rawAd(`ad-${index}`));
    await pipeline.produce(
      TOPICS.adsRaw,
      ads.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) })),
    );
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const handled: string[] = [];
    const service = await createKafkaRuntime({
      brokers: pipeline.brokers,
      logger: silentLogger(),
      topicPrefix: pipeline.prefix,
      flushSize: 1,
    }).start(
      echoTopology(async (ad) => {
        handled.push(ad.id);
        if (ad.id === "ad-1") {
          entered();
          await slow;
        }
        return [resolvedFor(ad)];
      }),
    );

    await inHandler;
    const stopping = service.stop();
    expect(service.ready).toBe(false);
    finish();
    await stopping;

    // ad-1 was in hand when stop began: it completed and was committed; nothing after it was taken.
    expect(handled).toEqual(["ad-0", "ad-1"]);
    await waitFor(async () => (await pipeline.committed("echo", TOPICS.adsRaw)) === 2, 30_000, "2 commits");
    expect((await pipeline.readAll(TOPICS.adsResolved)).map((record) => record.key)).toEqual(["ad-0", "ad-1"]);
  });
});
