import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/index.js";

const opened: Store[] = [];
const dirs: string[] = [];
async function freshStore(): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "nexus-store-"));
  dirs.push(dir);
  const store = await openStore(dir);
  opened.push(store);
  return { store, dir };
}
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("store", () => {
  it("writes atomically and reads back JSON", async () => {
    const { store } = await freshStore();
    await store.write([
      { type: "put", key: "a:1", value: { n: 1 } },
      { type: "put", key: "a:2", value: { n: 2 } },
    ]);
    expect(await store.get("a:1")).toEqual({ n: 1 });
    expect(await store.getMany(["a:2", "missing"])).toEqual([{ n: 2 }, undefined]);
  });

  it("scans a prefix in key order and resumes after a cursor", async () => {
    const { store } = await freshStore();
    await store.write(["b:03", "a:01", "a:03", "a:02"].map((key) => ({ type: "put" as const, key, value: key })));
    const all: string[] = [];
    for await (const [key] of store.scan("a:")) all.push(key);
    expect(all).toEqual(["a:01", "a:02", "a:03"]);
    const rest: string[] = [];
    for await (const [key] of store.scan("a:", { after: "a:01" })) rest.push(key);
    expect(rest).toEqual(["a:02", "a:03"]);
    expect(await store.count("a:")).toBe(3);
  });

  it("survives close and reopen", async () => {
    const { store, dir } = await freshStore();
    await store.write([{ type: "put", key: "k", value: 1 }], { sync: true });
    await store.close();
    const again = await openStore(dir);
    opened.push(again);
    expect(await again.get("k")).toBe(1);
  });

  it("refuses a second opener with a stable code", async () => {
    const { dir } = await freshStore();
    await expect(openStore(dir)).rejects.toMatchObject({ code: "NEXUS_STORE_LOCKED" });
  });
});
