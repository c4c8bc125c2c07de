import { TOPICS } from "@nexus/schemas";
import { describe, expect, it, onTestFinished } from "vitest";
import { createKafkaRuntime } from "../src/index.js";
import { echoTopology, rawAd, resolvedFor } from "./fixtures.js";
import { setupPipeline, silentLogger, waitFor } from "./kafka-harness.js";

describe("kafka runtime: stateful stages", () => {
  it("restores the compacted changelog before the first message, and state written there survives a restart", async () => {
    const changelog = "echo.state";
    const pipeline = await setupPipeline([changelog]);
    await pipeline.produce(changelog, [
      { key: "seen:old-1", value: "1" },
      { key: "seen:old-2", value: "1" },
      { key: "seen:old-2", value: null },
    ]);
    await pipeline.produce(TOPICS.adsRaw, [{ key: "ad-1", value: JSON.stringify(rawAd("ad-1")) }]);

    const startStage = (seen: Map<string, unknown>, atFirstMessage: string[][]) =>
      createKafkaRuntime({ brokers: pipeline.brokers, logger: silentLogger(), topicPrefix: pipeline.prefix }).start({
        ...echoTopology((ad) => {
          atFirstMessage.push([...seen.keys()].sort());
          return [resolvedFor(ad), { topic: changelog, key: `seen:${ad.id}`, value: 1 }];
        }),
        state: {
          changelog,
          restore: (key, value) => {
            if (value === null) seen.delete(key);
            else seen.set(key, value);
          },
        },
      });

    const first = new Map<string, unknown>();
    const snapshots: string[][] = [];
    const service = await startStage(first, snapshots);
    await waitFor(async () => (await pipeline.committed("echo", TOPICS.adsRaw)) === 1, 60_000, "1 commit");
    await service.stop();
    expect(snapshots).toEqual([["seen:old-1"]]);

    // A fresh instance rebuilds everything, including what the first one wrote.
    const second = new Map<string, unknown>();
    const restarted = await startStage(second, []);
    onTestFinished(() => restarted.stop());
    expect([...second.keys()].sort()).toEqual(["seen:ad-1", "seen:old-1"]);
  });
});
