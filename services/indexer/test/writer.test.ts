import { NexusError } from "@nexus/errors";
import type { EsIndexer, EsWriteOp, EsWriteReport } from "@nexus/es";
import { describe, expect, it } from "vitest";
import { createDropCollector, createEsAdIndexWriter } from "../src/writer.js";
import { enrichedAd } from "./fixtures.js";

const report = (dropped: number): EsWriteReport => ({
  written: 1 - dropped,
  conflicts: 0,
  dropped,
  retried: 0,
  batches: 1,
  bytes: 1,
});
const op: EsWriteOp = { kind: "ad", ad: { adId: "ad-1", source: "s", body: enrichedAd("ad-1").ad.body }, version: 1 };

/** A stand-in EsIndexer that reports drops through onDrop the way the real one does. */
function indexerThat(behaviour: (ops: readonly EsWriteOp[]) => Promise<EsWriteReport>): EsIndexer {
  return { write: behaviour, totals: report(0) };
}

describe("Elasticsearch AdIndexWriter adapter", () => {
  it("turns a reported drop into NEXUS_ES_REJECTED carrying the reason", async () => {
    const drops = createDropCollector();
    const indexer = indexerThat(async () => {
      drops.record({
        id: "ad-1",
        index: "x",
        kind: "ad",
        code: "NEXUS_ES_REJECTED",
        status: 400,
        reason: "mapper_parsing_exception",
        attempts: 1,
      });
      return report(1);
    });
    const error = await createEsAdIndexWriter({ indexer, drops })
      .write([op])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NexusError);
    expect((error as NexusError).code).toBe("NEXUS_ES_REJECTED");
    expect((error as NexusError).retryable).toBe(false);
    expect((error as NexusError).message).toContain("mapper_parsing_exception");
  });

  it("resolves when everything was written or refused as stale", async () => {
    const drops = createDropCollector();
    await expect(
      createEsAdIndexWriter({ indexer: indexerThat(async () => report(0)), drops }).write([op]),
    ).resolves.toBeUndefined();
  });

  it("lets a retryable Elasticsearch error through unchanged", async () => {
    const drops = createDropCollector();
    const busy = new NexusError("NEXUS_ES_BACKPRESSURE", "429", { retryable: true });
    const indexer = indexerThat(async () => {
      throw busy;
    });
    await expect(createEsAdIndexWriter({ indexer, drops }).write([op])).rejects.toBe(busy);
  });
});
