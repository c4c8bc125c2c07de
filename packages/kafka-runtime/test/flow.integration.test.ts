import { TOPICS } from "@nexus/schemas";
import { describe, expect, it, onTestFinished } from "vitest";
import { createKafkaRuntime } from "../src/index.js";
import { echoTopology, rawAd } from "./fixtures.js";
import { setupPipeline, silentLogger, waitFor } from "./kafka-harness.js";

describe("kafka runtime: a message flows through a topology", () => {
  it("produces the handler's outputs, commits, and reports readiness and metrics", async () => {
    const pipeline = await setupPipeline();
    const ads = Array.from({ length: 10 }, (_, index) => rawAd(`ad-${index}`));
    await pipeline.produce(
      TOPICS.adsRaw,
      ads.map((ad) => ({ key: ad.id, value: JSON.stringify(ad) })),
    );

    const runtime = createKafkaRuntime({
      brokers: pipeline.brokers,
      logger: silentLogger(),
      topicPrefix: pipeline.prefix,
      metricsPort: 0,
    });
    const service = await runtime.start(echoTopology());
    onTestFinished(() => service.stop());

    await waitFor(async () => (await pipeline.committed("echo", TOPICS.adsRaw)) === 10, 60_000, "10 commits");
    const outputs = await pipeline.readAll(TOPICS.adsResolved);
    expect(outputs.map((record) => record.key).sort()).toEqual(ads.map((ad) => ad.id).sort());
    const first = outputs.find((record) => record.key === "ad-0");
    expect(JSON.parse(first?.value ?? "")).toEqual({ adId: "ad-0", personaId: "p-ad-0", networkId: "n-ad-0" });

    expect(service.ready).toBe(true);
    const base = `http://127.0.0.1:${service.port}`;
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(200);
    expect(((await readyz.json()) as { partitions: number[] }).partitions.sort()).toEqual([0, 1]);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(`nexus_messages_in_total{topic="${pipeline.topic(TOPICS.adsRaw)}"} 10`);
    expect(metrics).toContain(`nexus_messages_out_total{topic="${TOPICS.adsResolved}"} 10`);
    expect(metrics).toContain("nexus_processing_seconds_count 10");
    expect(metrics).toMatch(/nexus_consumer_lag\{[^}]*\} 0/);

    await service.stop();
    expect(service.ready).toBe(false);
    expect((await pipeline.readAll(`${TOPICS.adsRaw}.dlq`)).length).toBe(0);
  });
});
