#!/usr/bin/env bash
# CLI start-up: `nexus --help` and a command's --help, compiled (bin/nexus.js), against a bare
# `node -e 0` measured in the same run, and through npm run / npx / tsx for comparison.
# Medians (and worst runs) of RUNS runs each, by hyperfine; writes bench/results/cli-startup.md.
#   bash bench/cli-startup.sh [RUNS]       (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
mkdir -p bench/out
npm run -s build
hyperfine --warmup 3 --runs "$runs" --export-json bench/out/cli-startup.json \
  --command-name 'node -e 0 (baseline)' 'node -e 0' \
  --command-name 'nexus --help (compiled)' 'node services/cli/bin/nexus.js --help' \
  --command-name 'nexus search --help (compiled)' 'node services/cli/bin/nexus.js search --help' \
  --command-name 'npm run -s nexus -- --help' 'npm run -s nexus -- --help' \
  --command-name 'npx nexus --help' 'npx nexus --help' \
  --command-name 'tsx services/cli/src/main.ts --help (before)' 'npx tsx --conditions=nexus-source services/cli/src/main.ts --help' \
  >/dev/null
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  import { cpus, loadavg } from "node:os";
  const { results } = JSON.parse(readFileSync("bench/out/cli-startup.json", "utf8"));
  const ms = (s) => (s * 1000).toFixed(0);
  const base = results[0].median;
  const rows = results.map((r) =>
    `| ${r.command} | ${ms(r.median)} | ${ms(r.max)} | ${(r.median / base).toFixed(2)}x |`);
  const file = "bench/results/cli-startup.md";
  let reading = "";
  try {
    const old = readFileSync(file, "utf8");
    const mark = old.indexOf("<!-- reading");
    if (mark >= 0) reading = old.slice(mark);
  } catch {}
  writeFileSync(file, [
    "# CLI start-up (issue 19)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} by \`bash bench/cli-startup.sh ${process.argv[1]}\`: ${results[0].times.length} runs each after 3 warm-ups, ` +
      `Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (shared machine).`,
    "",
    "| command | median ms | worst ms | median / bare node |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
    "",
    reading || "<!-- reading: written by hand, kept when the benchmark rewrites this file -->\n",
  ].join("\n"));
' "$runs"
npx biome format --write bench/results/cli-startup.md >/dev/null
cat bench/results/cli-startup.md
