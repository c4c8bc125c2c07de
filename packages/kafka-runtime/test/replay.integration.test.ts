import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TOPICS } from "@nexus/schemas";
import { describe, expect, it, onTestFinished } from "vitest";
import { createKafkaRuntime } from "../src/index.js";
import { echoTopology, rawAd } from "./fixtures.js";
import { setupPipeline, silentLogger, waitFor } from "./kafka-harness.js";

function runCrashWorker(env: Record<string, string>): Promise<NodeJS.Signals | null> {
  const worker = fileURLToPath(new URL("./crash-worker.ts", import.meta.url));
  const child = spawn(process.execPath, ["--conditions=nexus-source", "--import", "tsx", worker], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (_code, signal) => resolve(signal));
  });
}

describe("kafka runtime: a crash between produce and commit", () => {
  it("replays the uncommitted message; deterministic keys make the replay harmless", async () => {
    const pipeline = await setupPipeline([], 1);
    const ads = Array.from({ length: 10 }, (_, index) => rawAd(`ad-${index}`));
    await pipeline.produce(
      TOPICS.adsRaw,
      ads.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) })),
    );

    const signal = await runCrashWorker({
      CRASH_BROKERS: pipeline.brokers.join(","),
      CRASH_PREFIX: pipeline.prefix,
      CRASH_KEY: "ad-5",
    });
    expect(signal).toBe("SIGKILL");
    // ad-5's output is on the topic but its offset (5) was never committed.
    const beforeRestart = await pipeline.readAll(TOPICS.adsResolved);
    expect(beforeRestart.map((record) => record.key)).toContain("ad-5");
    expect(await pipeline.committed("echo", TOPICS.adsRaw)).toBeLessThanOrEqual(5);

    // A new instance in the same group takes over from the last committed offset.
    const service = await createKafkaRuntime({
      brokers: pipeline.brokers,
      logger: silentLogger(),
      topicPrefix: pipeline.prefix,
    }).start(echoTopology());
    onTestFinished(() => service.stop());
    await waitFor(async () => (await pipeline.committed("echo", TOPICS.adsRaw)) === 10, 60_000, "10 commits");

    const outputs = await pipeline.readAll(TOPICS.adsResolved);
    const replayed = outputs.filter((record) => record.key === "ad-5");
    expect(replayed.length).toBe(2);
    expect(replayed[1]?.value).toBe(replayed[0]?.value);
    // Latest value per key (what a compacted topic or a keyed store keeps) is exactly one per ad.
    const latest = new Map(outputs.map((record) => [record.key, record.value]));
    expect([...latest.keys()].sort()).toEqual(ads.map((ad) => ad.id).sort());
    for (const ad of ads) expect(JSON.parse(latest.get(ad.id) ?? "")).toMatchObject({ adId: ad.id });
    // No ad lost: every input has an output, none skipped around the crash.
    expect(new Set(outputs.map((record) => record.key)).size).toBe(10);
  });
});
