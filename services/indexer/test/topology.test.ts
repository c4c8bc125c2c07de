import type { EsAdInput } from "@nexus/es";
import { createTestDriver } from "@nexus/kafka-runtime";
import type { Store } from "@nexus/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createEnrichedTopology,
  createEntityTopology,
  createKeyedLock,
  createResolvedTopology,
  KEYS,
} from "../src/topology.js";
import { backpressure, createFakeWriter, rejected } from "./fake-writer.js";
import { enrichedAd, tempStore } from "./fixtures.js";

let store: Store;
let dispose: () => Promise<void>;
let writer: ReturnType<typeof createFakeWriter>;

beforeEach(async () => {
  ({ store, dispose } = await tempStore());
  writer = createFakeWriter();
});
afterEach(() => dispose());

function drivers() {
  const deps = { store, writer, lock: createKeyedLock(), now: () => "2026-01-01T00:00:00.000Z" };
  return {
    enriched: createTestDriver(createEnrichedTopology(deps)),
    resolved: createTestDriver(createResolvedTopology(deps)),
    entities: createTestDriver(createEntityTopology(deps)),
  };
}

const adDoc = (id: string): { ad: EsAdInput; version: number } | undefined => {
  const stored = writer.docs.get(`ad:${id}`);
  return stored?.op.kind === "ad" ? { ad: stored.op.ad, version: stored.version } : undefined;
};

describe("indexer ad join", () => {
  it("writes the ad, then rewrites it with its resolution under a higher version", async () => {
    const d = drivers();
    await d.enriched.send(enrichedAd("ad-1"), "ad-1");
    expect(adDoc("ad-1")?.ad.networkId).toBeUndefined();
    await d.resolved.send({ adId: "ad-1", personaId: "p-1", networkId: "n-1" }, "ad-1");
    expect(adDoc("ad-1")).toMatchObject({ version: 2, ad: { personaId: "p-1", networkId: "n-1" } });
    expect(adDoc("ad-1")?.ad.phones).toEqual(["+50255551234"]);
  });

  it("remembers a resolution that arrives before its ad and applies it when the ad arrives", async () => {
    const d = drivers();
    await d.resolved.send({ adId: "ad-2", personaId: "p-2", networkId: "n-2" }, "ad-2");
    expect(writer.writes).toHaveLength(0);
    await d.enriched.send(enrichedAd("ad-2"), "ad-2");
    expect(adDoc("ad-2")?.ad.networkId).toBe("n-2");
  });

  it("a replay writes the same content under a higher version", async () => {
    const d = drivers();
    await d.enriched.send(enrichedAd("ad-3"), "ad-3");
    await d.resolved.send({ adId: "ad-3", personaId: "p", networkId: "n-new" }, "ad-3");
    const before = adDoc("ad-3");
    await d.enriched.send(enrichedAd("ad-3"), "ad-3");
    const after = adDoc("ad-3");
    expect(after?.ad).toEqual(before?.ad);
    expect(after?.version).toBeGreaterThan(before?.version ?? Number.POSITIVE_INFINITY);
    expect(await store.get<number>(KEYS.adVersion("ad-3"))).toBe(3);
  });

  it("dead-letters a rejected document with NEXUS_ES_REJECTED and its reason", async () => {
    const d = drivers();
    writer.failNext(rejected());
    await d.enriched.send(enrichedAd("ad-4"), "ad-4");
    const [dead] = d.enriched.deadLetters();
    expect(dead?.error.code).toBe("NEXUS_ES_REJECTED");
    expect(dead?.error.message).toContain("mapper_parsing_exception");
  });

  it("retries a retryable Elasticsearch failure and then writes", async () => {
    const d = drivers();
    writer.failNext(backpressure());
    await d.enriched.send(enrichedAd("ad-5"), "ad-5");
    expect(d.enriched.deadLetters()).toHaveLength(0);
    expect(d.enriched.sleeps.length).toBe(1);
    expect(adDoc("ad-5")?.ad.adId).toBe("ad-5");
  });
});

describe("indexer entities", () => {
  it("a merge writes the survivor and a redirect that outranks the absorbed entity's document", async () => {
    const d = drivers();
    await d.entities.send({ id: "e1", type: "created", layer: "persona", entityId: "A", adIds: ["ad-1"] }, "A");
    await d.entities.send({ id: "e2", type: "updated", layer: "persona", entityId: "A", adIds: ["ad-1", "ad-3"] }, "A");
    await d.entities.send({ id: "e3", type: "created", layer: "persona", entityId: "B", adIds: ["ad-2"] }, "B");
    await d.entities.send(
      { id: "e4", type: "merged", layer: "persona", entityId: "B", adIds: ["ad-1", "ad-2", "ad-3"], mergedFrom: ["A"] },
      "B",
    );
    const a = writer.docs.get("entity:A");
    expect(a?.op.kind).toBe("redirect");
    expect(a?.op.kind === "redirect" && a.op.redirect.redirectTo).toBe("B");
    const b = writer.docs.get("entity:B");
    expect(b?.op.kind === "entity" && b.op.entity.adIds).toEqual(["ad-1", "ad-2", "ad-3"]);
    expect(await store.get(KEYS.entity("A"))).toBeUndefined();
  });
});

describe("indexer join under concurrency", () => {
  it("the newest content wins when both sides of an ad are handled at once", async () => {
    const d = drivers();
    await Promise.all([
      d.enriched.send(enrichedAd("ad-9"), "ad-9"),
      d.resolved.send({ adId: "ad-9", personaId: "p-9", networkId: "n-9" }, "ad-9"),
    ]);
    expect(adDoc("ad-9")?.ad.networkId).toBe("n-9");
  });
});
