/**
 * Issue 2 end to end, through the real CLI: import a generated corpus with images, score `entities`
 * against the truth beside the phone-only baseline, re-import without duplicates, and survive a
 * SIGKILL mid-import without losing an accepted ad.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../corpus/evaluation.js";
import { generateCorpus } from "../corpus/generate.js";

const run = promisify(execFile);
const repo = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "nexus-cli-e2e-"));
let corpus: Awaited<ReturnType<typeof generateCorpus>>;

async function nexus(args: string[]): Promise<string> {
  const { stdout } = await run("npm", ["run", "-s", "nexus", "--", ...args], { cwd: repo, maxBuffer: 1 << 28 });
  return stdout;
}

function entityAdCount(jsonl: string): { ads: number; unique: number } {
  const ids = jsonl
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line) as { adIds: string[] }).adIds);
  return { ads: ids.length, unique: new Set(ids).size };
}

async function waitForBytes(dir: string, bytes: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const size = (): number =>
    existsSync(dir) ? readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) : 0;
  while (size() < bytes) {
    if (Date.now() > deadline) throw new Error(`no ${bytes} bytes written under ${dir} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  corpus = await generateCorpus({ ads: 400, seed: 11, out: join(work, "corpus"), imageSize: 192 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("embedded pipeline through the CLI", () => {
  it("resolves better than the phone-only baseline, and a second import changes nothing", async () => {
    const data = join(work, "data-a");
    const first = await nexus(["ingest", "--json", "--data", data, corpus.adsPath]);
    expect(JSON.parse(first)).toMatchObject({ accepted: 400, rejected: 0, processed: 400 });
    const entities = await nexus(["entities", "--data", data]);
    const entitiesPath = join(work, "entities.jsonl");
    writeFileSync(entitiesPath, entities);
    const scores = await evaluate({
      truthPath: corpus.truthPath,
      entitiesPath,
      adsPath: corpus.adsPath,
      layer: "network",
    });
    expect(scores.entities?.bcubed.f1).toBeGreaterThan(scores.baseline?.bcubed.f1 ?? 1);
    expect(entityAdCount(entities)).toEqual({ ads: 400, unique: 400 });

    const second = await nexus(["ingest", "--json", "--data", data, corpus.adsPath]);
    expect(JSON.parse(second)).toMatchObject({ accepted: 0, duplicates: 400, processed: 0 });
    expect(await nexus(["entities", "--data", data])).toEqual(entities);
  });

  it("loses no accepted ad and duplicates none when killed mid-import", async () => {
    const data = join(work, "data-b");
    const child: ChildProcess = spawn("npm", ["run", "-s", "nexus", "--", "ingest", "--data", data, corpus.adsPath], {
      cwd: repo,
      detached: true,
      stdio: "ignore",
    });
    // Once LevelDB's write-ahead log shows accepted batches, kill the process group without warning.
    await waitForBytes(join(data, "store"), 200_000, 120_000);
    if (child.pid) process.kill(-child.pid, "SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    const resumed = JSON.parse(await nexus(["ingest", "--json", "--data", data, corpus.adsPath])) as {
      accepted?: number;
      duplicates?: number;
    };
    expect((resumed.accepted ?? 0) + (resumed.duplicates ?? 0)).toBe(400);
    expect(resumed.duplicates).toBeGreaterThan(0); // the kill happened after some ads were accepted
    const counts = entityAdCount(await nexus(["entities", "--data", data]));
    expect(counts).toEqual({ ads: 400, unique: 400 });
    const lines = readFileSync(corpus.adsPath, "utf8").split("\n").filter(Boolean).length;
    expect(lines).toBe(400);
  });
});
