import { type Client, errors } from "@elastic/elasticsearch";
import { NexusError } from "@nexus/errors";
import { describe, expect, it } from "vitest";
import { createEsIndexer, type EsDrop, type EsWriteOp, esIndexNames } from "../src/index.js";

type Item = { status: number; error?: { type: string; reason: string } };

/** A client whose bulk endpoint answers from a script: one entry per call, per item or thrown. */
function fakeClient(script: ((ids: string[]) => Item[] | Error)[]): { client: Client; calls: string[][] } {
  const calls: string[][] = [];
  const request = async (params: { bulkBody: string }) => {
    const lines = params.bulkBody.trim().split("\n");
    const ids = lines.filter((_, i) => i % 2 === 0).map((l) => (JSON.parse(l) as { index: { _id: string } }).index._id);
    calls.push(ids);
    const step = script[Math.min(calls.length - 1, script.length - 1)];
    const answer = step === undefined ? ids.map(() => ({ status: 201 })) : step(ids);
    if (answer instanceof Error) throw answer;
    return { errors: answer.some((a) => a.status >= 300), items: answer.map((index) => ({ index })) };
  };
  return { client: { transport: { request } } as unknown as Client, calls };
}

const ad = (adId: string, version = 1): EsWriteOp => ({ kind: "ad", ad: { adId, source: "s", body: "hola" }, version });
const noSleep = async (): Promise<void> => {};
const responseError = (statusCode: number) =>
  new errors.ResponseError({ body: {}, statusCode, headers: {}, warnings: null, meta: {} as never });

describe("createEsIndexer", () => {
  it("retries items the cluster pushed back (429) and counts conflicts apart from drops", async () => {
    const { client, calls } = fakeClient([
      (ids) =>
        ids.map((id) =>
          id === "b"
            ? { status: 429, error: { type: "es_rejected_execution_exception", reason: "queue full" } }
            : id === "c"
              ? { status: 409, error: { type: "version_conflict_engine_exception", reason: "newer" } }
              : { status: 201 },
        ),
      (ids) => ids.map(() => ({ status: 201 })),
    ]);
    const indexer = createEsIndexer({ client, sleep: noSleep, concurrency: 1 });
    const report = await indexer.write([ad("a"), ad("b"), ad("c")]);
    expect(report).toMatchObject({ written: 2, conflicts: 1, dropped: 0, retried: 1, batches: 2 });
    expect(calls).toEqual([["a", "b", "c"], ["b"]]);
  });

  it("drops with a reason after the retries are spent, and with NEXUS_ES_REJECTED for bad documents", async () => {
    const drops: EsDrop[] = [];
    const { client } = fakeClient([
      (ids) =>
        ids.map((id) =>
          id === "busy"
            ? { status: 429, error: { type: "es_rejected_execution_exception", reason: "queue full" } }
            : { status: 400, error: { type: "mapper_parsing_exception", reason: "failed to parse [postedAt]" } },
        ),
    ]);
    const indexer = createEsIndexer({ client, sleep: noSleep, retry: { maxRetries: 2 }, onDrop: (d) => drops.push(d) });
    const report = await indexer.write([ad("busy"), ad("bad")]);
    expect(report).toMatchObject({ written: 0, dropped: 2, retried: 2 });
    expect(drops.map((d) => [d.id, d.code, d.attempts])).toEqual([
      ["bad", "NEXUS_ES_REJECTED", 1],
      ["busy", "NEXUS_ES_BACKPRESSURE", 3],
    ]);
    expect(drops[0]?.reason).toBe("mapper_parsing_exception: failed to parse [postedAt]");
    expect(indexer.totals.dropped).toBe(2);
  });

  it("retries timeouts and lost connections, then throws a classified, retryable NexusError", async () => {
    const flaky = fakeClient([() => new errors.TimeoutError("slow"), (ids) => ids.map(() => ({ status: 201 }))]);
    const ok = await createEsIndexer({ client: flaky.client, sleep: noSleep }).write([ad("a")]);
    expect(ok).toMatchObject({ written: 1, retried: 1 });

    const down = fakeClient([() => new errors.ConnectionError("ECONNREFUSED")]);
    const failing = createEsIndexer({ client: down.client, sleep: noSleep, retry: { maxRetries: 2 } });
    const thrown = await failing.write([ad("a")]).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NexusError);
    expect(thrown).toMatchObject({ code: "NEXUS_ES_CONNECTION", retryable: true });
    expect(down.calls).toHaveLength(3);
  });

  it("backs off on a whole-request 429 and cuts smaller batches afterwards", async () => {
    const { client, calls } = fakeClient([() => responseError(429), (ids) => ids.map(() => ({ status: 201 }))]);
    // 40 ads of ~4 KB (body and analysed terms): one batch under a 256 KB budget, two once it halves.
    const body = "palabra ".repeat(250);
    const ops: EsWriteOp[] = Array.from({ length: 40 }, (_, i) => ({
      kind: "ad",
      ad: { adId: `ad-${i}`, source: "s", body },
      version: 1,
    }));
    const indexer = createEsIndexer({ client, sleep: noSleep, maxBatchBytes: 256 * 1024, concurrency: 1 });
    const report = await indexer.write(ops);
    expect(report).toMatchObject({ written: 40, retried: 40, dropped: 0 });
    const [first, ...retries] = calls.map((c) => c.length);
    expect(first).toBe(40);
    expect(retries.length).toBe(2);
    expect(retries.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it("cuts batches by count and never sends an invalid version", async () => {
    const drops: EsDrop[] = [];
    const { client, calls } = fakeClient([]);
    const indexer = createEsIndexer({ client, maxBatchDocs: 2, concurrency: 1, onDrop: (d) => drops.push(d) });
    const report = await indexer.write([ad("a"), ad("b"), ad("c"), ad("d", 1.5), ad("e", Number.MAX_SAFE_INTEGER + 2)]);
    expect(calls).toEqual([["a", "b"], ["c"]]);
    expect(report).toMatchObject({ written: 3, dropped: 2 });
    expect(drops.map((d) => d.id)).toEqual(["d", "e"]);
    expect(esIndexNames().ads).toBe("nexus-ads");
  });
});
