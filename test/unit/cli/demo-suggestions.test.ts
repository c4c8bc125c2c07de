/**
 * `npm start` ends with commands to try. Each must work on the corpus it points at: this runs the
 * demo on the corpus `npm start` generates (same arguments, read from package.json), then every
 * suggested command as printed, with the compiled CLI. `npx nexus` is the repository's bin (checked
 * below); the commands call that bin directly, which spares npm's half-second start per command.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../corpus/generate.js";

const run = promisify(execFile);
const repo = join(import.meta.dirname, "../../..");
const work = mkdtempSync(join(tmpdir(), "nexus-demo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The generator arguments of `npm run demo:corpus`, so the test follows what npm start makes. */
function demoCorpusArgs(): { ads: number; seed: number; imageSize: number } {
  const script = (JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { scripts: Record<string, string> })
    .scripts["demo:corpus"];
  const arg = (name: string): number => Number(script?.match(new RegExp(`--${name} (\\d+)`))?.[1]);
  return { ads: arg("ads"), seed: arg("seed"), imageSize: arg("image-size") };
}

interface Demo {
  heldBack: number;
  largest: { id: string }[];
  watch: { phone: string; ads: number };
  suggestions: { command: string; expect: string }[];
}

const lines = (text: string): Record<string, unknown>[] =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const BIN = "services/cli/bin/nexus.js";

async function shell(command: string): Promise<Record<string, unknown>[]> {
  const direct = command.replaceAll("npx nexus ", `node ${BIN} `);
  const { stdout } = await run("bash", ["-o", "pipefail", "-c", direct], { cwd: repo, maxBuffer: 1 << 26 });
  return lines(stdout);
}

describe("the demo's suggestions", () => {
  const data = join(work, "data");
  let demo: Demo;

  beforeAll(async () => {
    const args = demoCorpusArgs();
    expect(args.ads).toBeGreaterThan(0);
    const corpus = await generateCorpus({ ...args, out: join(work, "corpus") });
    const { stdout } = await run(
      process.execPath,
      ["services/cli/bin/nexus.js", "demo", "--data", data, corpus.adsPath],
      {
        cwd: repo,
        maxBuffer: 1 << 24,
      },
    );
    demo = JSON.parse(stdout) as Demo;
  }, 120_000);

  it("run `npx nexus`, which is the repository's compiled bin", async () => {
    // The root depends on @nexus/cli, so npm links its bin into node_modules/.bin, where npx looks.
    expect(realpathSync(join(repo, "node_modules/.bin/nexus"))).toBe(realpathSync(join(repo, BIN)));
    const { stdout } = await run("npx", ["--no-install", "nexus", "--help"], { cwd: repo });
    expect(stdout).toMatch(/^nexus — /);
  });

  it("suggest watching a phone that held-back ads carry", () => {
    expect(demo.heldBack).toBeGreaterThan(0);
    expect(demo.watch.ads).toBeGreaterThan(0);
    expect(demo.suggestions.map((s) => s.command.split(" ")[0])).toEqual([
      "npx",
      "npx",
      "npx",
      "npx",
      "npx",
      "tail",
      "npx",
    ]);
  });

  it("all work, in order, and show what they promise", { timeout: 120_000 }, async () => {
    const checks: [RegExp, (out: Record<string, unknown>[]) => void][] = [
      [/^npx nexus entities /, (out) => expect(out.length).toBeGreaterThan(1)],
      [
        /^npx nexus search .* "\+\d+"$/,
        (out) => expect(out.map((hit) => hit["entityId"])).toContain(demo.largest[0]?.id),
      ],
      [/^npx nexus why /, (out) => expect(out[0]).toMatchObject({ joined: true })],
      [/^npx nexus search .* [a-z]+$/, (out) => expect(out.length).toBeGreaterThan(0)],
      [/^npx nexus watch add .* phone /, (out) => expect(out[0]).toMatchObject({ kind: "phone", label: "demo" })],
      [/^tail -n \d+ .* \| npx nexus ingest /, (out) => expect(out[0]).toMatchObject({ accepted: demo.heldBack })],
      [
        /^npx nexus alerts /,
        (out) => {
          expect(out).toHaveLength(demo.watch.ads);
          for (const alert of out)
            expect(alert).toMatchObject({ label: "demo", evidence: [{ kind: "phone", value: demo.watch.phone }] });
        },
      ],
    ];
    expect(demo.suggestions).toHaveLength(checks.length);
    for (const [i, suggestion] of demo.suggestions.entries()) {
      const [pattern, check] = checks[i] as (typeof checks)[number];
      expect(suggestion.command).toMatch(pattern);
      check(await shell(suggestion.command));
    }
  });
});
