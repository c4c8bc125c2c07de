import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { NexusError } from "@nexus/errors";
import { pdqHashDihedral } from "@nexus/image-hash";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { createHashPool, type HashPool } from "../src/hash-pool.js";
import { createImageHasher } from "../src/index.js";
import { noisePng } from "./fixtures.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const VECTORS = resolve(HERE, "../../../test/fixtures/vectors/pdq/data");

async function decode(bytes: Buffer) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data };
}

const pools: HashPool[] = [];
const openPool = (options: Parameters<typeof createHashPool>[0]): HashPool => {
  const pool = createHashPool(options);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

const crashOnMessage = (body: string) => () =>
  new Worker(`require("node:worker_threads").parentPort.on("message", () => { ${body} });`, { eval: true });

describe("hash pool", () => {
  it("gives the same results as hashing on the calling thread, for concurrent images", async () => {
    const inputs = [
      await noisePng(1),
      await noisePng(2, 300),
      readFileSync(resolve(VECTORS, "reg-test-input/pen-and-coaster.png")),
      readFileSync(resolve(VECTORS, "bridge-mods/aaa-orig.jpg")),
    ];
    const pixels = await Promise.all(inputs.map(decode));
    const expected = pixels.map((image) => pdqHashDihedral({ ...image, data: Uint8Array.from(image.data) }));
    const pool = openPool({ size: 2 });
    expect(await Promise.all(pixels.map((image) => pool.hash(image)))).toEqual(expected);
  });

  it("passes the PDQ method and source size to the worker", async () => {
    const image = await decode(await noisePng(4, 300));
    const options = { method: "separable", source: { width: 1200, height: 1200 } } as const;
    const expected = pdqHashDihedral({ ...image, data: Uint8Array.from(image.data) }, options);
    expect(expected.hash).not.toBe(pdqHashDihedral(image).hash);
    const pool = openPool({ size: 1 });
    expect(await pool.hash(image, options)).toEqual(expected);
  });

  it("copies a view into a larger buffer instead of detaching the whole buffer", async () => {
    const image = await decode(await noisePng(3));
    const backing = new Uint8Array(image.data.length + 16);
    backing.set(image.data, 8);
    const view = backing.subarray(8, 8 + image.data.length);
    const pool = openPool({ size: 1 });
    expect((await pool.hash({ ...image, data: view })).hash).toBe(pdqHashDihedral(image).hash);
    expect(backing.byteLength).toBe(image.data.length + 16);
  });

  it("reports a failing image as a NexusError and keeps hashing the others", async () => {
    const pool = openPool({ size: 1 });
    const bad = pool.hash({ width: 100, height: 100, channels: 3, data: new Uint8Array(10) });
    const good = pool.hash(await decode(await noisePng(4)));
    await expect(bad).rejects.toBeInstanceOf(NexusError);
    await expect(bad).rejects.toMatchObject({ code: "NEXUS_IMAGE_DECODE" });
    expect((await good).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["throws", 'throw new Error("boom")'],
    ["exits", "process.exit(7)"],
  ])("turns a worker that %s into a NexusError on that image, then replaces it", async (_, body) => {
    const pool = openPool({ size: 1, spawn: crashOnMessage(body) });
    const image = await decode(await noisePng(5));
    const first = pool.hash({ ...image, data: Uint8Array.from(image.data) });
    await expect(first).rejects.toMatchObject({ code: "NEXUS_IMAGE_DECODE" });
    await expect(pool.hash(image)).rejects.toBeInstanceOf(NexusError);
  });

  it("rejects with a NexusError when no worker can be started", async () => {
    const pool = openPool({
      size: 1,
      spawn: () => {
        throw new Error("no threads");
      },
    });
    await expect(pool.hash(await decode(await noisePng(8)))).rejects.toMatchObject({ code: "NEXUS_IMAGE_DECODE" });
  });

  it("rejects pending and later calls after close()", async () => {
    const pool = createHashPool({ size: 1 });
    const image = await decode(await noisePng(6));
    const pending = expect(pool.hash(image)).rejects.toBeInstanceOf(NexusError);
    await pool.close();
    await pending;
    await expect(pool.hash(image)).rejects.toMatchObject({ code: "NEXUS_IMAGE_DECODE" });
  });
});

describe("image hasher with hash workers", () => {
  it("hashes like the in-thread hasher", async () => {
    const data = (await noisePng(7, 200)).toString("base64");
    const pooled = createImageHasher({ hashWorkers: 2 });
    const inThread = createImageHasher({ hashWorkers: 0 });
    expect(await pooled.hash({ data })).toEqual(await inThread.hash({ data }));
    await pooled.close();
    await expect(pooled.hash({ data })).rejects.toBeInstanceOf(NexusError);
  });

  it.each([[[]], [["--close"]]])("lets the process exit once the work is done (extra args %j)", async (args) => {
    const script = resolve(HERE, "fixtures/hash-then-exit.ts");
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--conditions=nexus-source", script, ...args], {
      cwd: resolve(HERE, "../../.."),
      timeout: 25_000,
    });
    expect(stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});
