/**
 * Every NEXUS_* (and METRICS_/MATCHER_/INDEXER_) variable named anywhere in deploy/ (manifests,
 * scripts, README) is one some code reads: a process (docs/config.md), the deploy scripts, or the
 * test harness. A name read nowhere (once: NEXUS_PROBE_PORT) configures nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROCESSES, variablesOf } from "../../config/processes.js";
import { read, repo } from "./workloads.js";

const NAME = /\b(?:NEXUS|METRICS|MATCHER|INDEXER)_[A-Z0-9_]+\b/g;

function files(dir: string): string[] {
  return readdirSync(join(repo, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(repo, path)).isDirectory() ? files(path) : [path];
  });
}

/** Names a shell script or a TypeScript file reads: $NAME, ${NAME…}, env("NAME"), process.env.NAME. */
function readIn(paths: readonly string[]): Set<string> {
  const pattern = /\$\{?([A-Z][A-Z0-9_]*)|env\(\s*"([A-Z0-9_]+)"|process\.env(?:\.|\[")([A-Z0-9_]+)/g;
  return new Set(paths.flatMap((path) => [...read(path).matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? "")));
}

describe("variable names in deploy/", () => {
  it("are all read by some code", () => {
    const processes = new Set(PROCESSES.flatMap((process) => [...variablesOf(process).keys()]));
    const scripts = readIn(files("deploy/scripts").filter((path) => path.endsWith(".sh")));
    const harness = readIn(["vitest.config.ts", ...files("test/helpers").filter((p) => /\.ts$/.test(p))]);
    const named = files("deploy").flatMap((path) =>
      [...readFileSync(join(repo, path), "utf8").matchAll(NAME)].map((m) => ({ path, name: m[0] })),
    );
    expect(named.length).toBeGreaterThan(10);
    const unread = named.filter(({ name }) => !processes.has(name) && !scripts.has(name) && !harness.has(name));
    expect(unread).toEqual([]);
  });
});
