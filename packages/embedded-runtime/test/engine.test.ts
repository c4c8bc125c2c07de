import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ImageHasherPort } from "@nexus/pipeline";
import { openStore } from "@nexus/store";
import { afterEach, describe, expect, it } from "vitest";
import { acceptAds } from "../src/accept.js";
import { type Engine, openEngine } from "../src/index.js";

const dirs: string[] = [];
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An in-memory fake of the image port: the "hash" is derived from the url. */
const fakeHasher: ImageHasherPort = {
  async hash(ref) {
    if (!("url" in ref) || ref.url.includes("broken")) throw new Error("cannot decode");
    const hex = Buffer.from(ref.url).toString("hex").padEnd(64, "0").slice(0, 64);
    return { pdq: hex, quality: 100, dihedral: Array(8).fill(hex), width: 10, height: 10, sha256: hex };
  },
};

async function engineIn(dir?: string): Promise<{ engine: Engine; dir: string }> {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), "nexus-engine-"));
  if (!dir) dirs.push(dataDir);
  const engine = await openEngine({ dataDir, hasher: fakeHasher });
  engines.push(engine);
  return { engine, dir: dataDir };
}

async function* linesOf(values: unknown[]): AsyncIterable<string> {
  for (const value of values) yield typeof value === "string" ? value : JSON.stringify(value);
}

const ads = [
  { id: "a1", source: "site-1", body: "Hola soy Ana, llámame al 5555 1234", country: "GT" },
  { id: "a2", source: "site-2", body: "Ana disponible. WhatsApp 5555-1234", country: "GT" },
  {
    id: "a3",
    source: "site-1",
    body: "Sofia, nueva en la ciudad",
    country: "PA",
    images: [{ url: "https://x.test/broken.jpg" }],
  },
];

describe("embedded engine", () => {
  it("imports, links by phone, and reports bad lines without stopping", async () => {
    const { engine } = await engineIn();
    const summary = await engine.ingest(linesOf([ads[0], "{oops", ads[1], { id: "bad" }, ads[2]]));
    expect(summary).toMatchObject({ read: 5, accepted: 3, rejected: 2, processed: 3, imageErrors: 1 });
    expect(summary.rejections.map((r) => r.line)).toEqual([2, 4]);
    const entity = engine.entityOfAd("a1");
    expect(entity?.adIds).toEqual(expect.arrayContaining(["a1", "a2"]));
    expect(engine.entityOfAd("a3")?.adIds).toEqual(["a3"]);
    const letters: unknown[] = [];
    for await (const letter of engine.deadLetters()) letters.push(letter);
    expect(letters).toHaveLength(2);
    const stored = await engine.ad("a3");
    expect(stored?.images[0]?.error?.code).toBeDefined();
  });

  it("importing the same ads twice creates no duplicates", async () => {
    const { engine } = await engineIn();
    await engine.ingest(linesOf(ads));
    const before = engine.entities("network").map((e) => e.adIds.length);
    const again = await engine.ingest(linesOf([...ads].reverse().map((ad) => ({ ...ad }))));
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, processed: 0 });
    expect(engine.entities("network").map((e) => e.adIds.length)).toEqual(before);
  });

  it("rebuilds the same entities after a restart", async () => {
    const { engine, dir } = await engineIn();
    await engine.ingest(linesOf(ads));
    const before = engine.entities("network");
    await engine.close();
    engines.pop();
    const { engine: reopened } = await engineIn(dir);
    expect(reopened.entities("network")).toEqual(before);
  });

  it("finishes ads accepted before a crash (accepted but not processed)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nexus-engine-"));
    dirs.push(dir);
    const store = await openStore(join(dir, "store"));
    await acceptAds(store, [ads[0], ads[1]] as never, []);
    await store.close(); // the "crash": accepted durably, never processed
    const { engine } = await engineIn(dir);
    expect(engine.entityOfAd("a2")?.adIds).toEqual(expect.arrayContaining(["a1", "a2"]));
    expect((await engine.ad("a1"))?.extraction.phones[0]?.e164).toBe("+50255551234");
  });

  it("finds ads by words and by a phone typed differently", async () => {
    const { engine } = await engineIn();
    await engine.ingest(linesOf(ads));
    expect((await engine.search({ text: "nueva ciudad" })).hits.map((h) => h.id)).toEqual(["a3"]);
    // Built lazily on the first search above; later ads are added as they come.
    await engine.ingest(linesOf([{ id: "a5", source: "s", body: "Nueva también en la ciudad", country: "GT" }]));
    expect((await engine.search({ text: "nueva ciudad" })).hits.map((h) => h.id).sort()).toEqual(["a3", "a5"]);
    expect((await engine.search({ phone: "+50255551234" })).hits.map((h) => h.id).sort()).toEqual(["a1", "a2"]);
  });
});

describe("image search", () => {
  it("finds the ads carrying a photo within the distance", async () => {
    const { engine } = await engineIn();
    const withPhoto = { id: "p1", source: "s", body: "foto", images: [{ url: "https://x.test/a.jpg" }] };
    await engine.ingest(linesOf([withPhoto, ads[0]]));
    const hash = Buffer.from("https://x.test/a.jpg").toString("hex").padEnd(64, "0").slice(0, 64);
    expect(engine.searchImage([hash], 0)).toEqual([{ adId: "p1", distance: 0 }]);
    const flipped = (hash.startsWith("f") ? "e" : "f") + hash.slice(1);
    expect(engine.searchImage([flipped], 0)).toEqual([]);
  });
});

describe("analyst decisions", () => {
  it("cannot-link splits a phone-linked pair, and the decision survives a restart", async () => {
    const { engine, dir } = await engineIn();
    await engine.ingest(linesOf(ads));
    expect(engine.entityOfAd("a1")?.adIds).toContain("a2");
    await engine.decide({ kind: "cannot-link", a: "a1", b: "a2", note: "different women, shared booking line" });
    expect(engine.entityOfAd("a1")?.adIds).not.toContain("a2");
    await engine.close();
    engines.pop();
    const { engine: reopened } = await engineIn(dir);
    expect(reopened.entityOfAd("a1")?.adIds).not.toContain("a2");
  });

  it("must-link joins ads with no shared evidence, and refuses unknown ids without storing anything", async () => {
    const { engine } = await engineIn();
    await engine.ingest(linesOf(ads));
    await engine.decide({ kind: "must-link", a: "a1", b: "a3" });
    expect(engine.entityOfAd("a3")?.adIds).toContain("a1");
    await expect(engine.decide({ kind: "must-link", a: "a1", b: "nope" })).rejects.toMatchObject({
      code: "NEXUS_NOT_FOUND",
    });
  });
});

describe("search index sink", () => {
  /** An in-memory fake of the indexer port: records ops, or fails while `down`. */
  function fakeIndexer() {
    const written: { kind: string; id: string; version: number }[] = [];
    const state = { down: false };
    const indexer = {
      totals: { written: 0, conflicts: 0, dropped: 0, retried: 0, batches: 0, bytes: 0 },
      async write(ops: { kind: string; version: number; ad?: { adId: string }; entity?: { entityId: string } }[]) {
        if (state.down) throw new Error("connection refused");
        for (const op of ops)
          written.push({ kind: op.kind, id: op.ad?.adId ?? op.entity?.entityId ?? "?", version: op.version });
        return { written: ops.length, conflicts: 0, dropped: 0, retried: 0, batches: 1, bytes: 0 };
      },
    };
    return { indexer: indexer as never, written, state };
  }

  it("indexes ads and entities, keeps ingesting through an outage, and catches up at the next start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nexus-engine-"));
    dirs.push(dir);
    const es = fakeIndexer();
    es.state.down = true;
    const engine = await openEngine({ dataDir: dir, hasher: fakeHasher, esIndexer: es.indexer });
    const summary = await engine.ingest(linesOf(ads));
    expect(summary).toMatchObject({ processed: 3, indexErrors: 1 });
    expect(es.written).toEqual([]);
    await engine.close();

    es.state.down = false;
    const reopened = await openEngine({ dataDir: dir, hasher: fakeHasher, esIndexer: es.indexer });
    engines.push(reopened);
    expect(
      es.written
        .filter((w) => w.kind === "ad")
        .map((w) => w.id)
        .sort(),
    ).toEqual(["a1", "a2", "a3"]);
    expect(es.written.some((w) => w.kind === "entity")).toBe(true);
    const before = es.written.length;
    await reopened.ingest(linesOf([{ id: "a4", source: "s", body: "Ana otra vez 5555 1234", country: "GT" }]));
    const later = es.written.slice(before);
    expect(later.map((w) => w.id)).toContain("a4");
    expect(Math.min(...later.map((w) => w.version))).toBeGreaterThan(
      Math.max(...es.written.slice(0, before).map((w) => w.version)),
    );
  });
});
