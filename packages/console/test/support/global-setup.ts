import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { networkFixture } from "./network-fixture.js";
import { REPO, type RunningApi, runTs, startApi } from "./stack.js";

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
    corpusDir: string;
    dataDir: string;
  }
}

let api: RunningApi | undefined;
let workDir: string | undefined;

/**
 * One data directory for the browser suite: a generated corpus with photos (networks, obfuscated
 * phones, site numbers that become generic) plus a 500-ad cross-border network, ingested by the
 * CLI, served by the API with viewer/analyst/admin keys.
 */
export async function setup(project: TestProject): Promise<void> {
  // Built afresh: a stale dist/ would test yesterday's console (a build takes a few seconds).
  execFileSync("npm", ["run", "-s", "console:build"], { cwd: REPO, stdio: "ignore" });
  workDir = mkdtempSync(join(tmpdir(), "nexus-console-"));
  const corpusDir = join(workDir, "corpus");
  const dataDir = join(workDir, "data");
  await runTs("test/corpus/generate.ts", ["--ads", "300", "--seed", "11", "--image-size", "128", "--out", corpusDir]);
  const fixture = join(workDir, "network.jsonl");
  writeFileSync(
    fixture,
    `${networkFixture()
      .map((ad) => JSON.stringify(ad))
      .join("\n")}\n`,
  );
  const both = join(workDir, "all.jsonl");
  writeFileSync(both, readFileSync(join(corpusDir, "ads.jsonl"), "utf8") + readFileSync(fixture, "utf8"));
  await runTs("services/cli/src/main.ts", ["ingest", "--data", dataDir, both]);
  api = await startApi(dataDir, 18000 + Math.floor(Math.random() * 900));
  project.provide("apiUrl", api.url);
  project.provide("corpusDir", corpusDir);
  project.provide("dataDir", dataDir);
}

export async function teardown(): Promise<void> {
  await api?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
