/**
 * vitest global setup: compile the workspaces (tsc -b, incremental: about a second when nothing
 * changed) before any test runs, so the tests that run the compiled CLI and services (node dist/…)
 * run the code under test, not a stale build.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

export default function build(): void {
  const repo = join(import.meta.dirname, "../..");
  const tsc = createRequire(join(repo, "package.json")).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-b"], { cwd: repo, stdio: "inherit" });
}
