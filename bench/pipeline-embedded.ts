/**
 * Issue 2 acceptance and throughput: generates corpora (with and without images), imports them with
 * the real CLI (`npm run -s nexus -- ingest`), scores `entities` against the ground truth beside the
 * phone-only baseline, and measures embedded ingest throughput (median of several fresh runs).
 *
 *   npx tsx --conditions=nexus-source bench/pipeline-embedded.ts [--ads 2000] [--runs 3] [--seed 42]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openEngine } from "@nexus/embedded-runtime";
import { evaluate, formatEvaluation } from "../test/corpus/evaluation.js";
import { generateCorpus } from "../test/corpus/generate.js";
import { writeReport } from "./lib/report.js";

const { values } = parseArgs({
  options: {
    ads: { type: "string", default: "2000" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "42" },
    report: { type: "string", default: "bench/results/pipeline.md" },
  },
});
const ads = Number(values.ads);
const runs = Number(values.runs);
const out = join(process.cwd(), "bench/out/pipeline");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function cli(args: string[], stdoutPath?: string): string {
  const output = execFileSync("npm", ["run", "-s", "nexus", "--", ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (stdoutPath) writeFileSync(stdoutPath, output);
  return output;
}

async function throughput(adsPath: string, label: string): Promise<number[]> {
  const lines = readFileSync(adsPath, "utf8").split("\n").filter(Boolean);
  const rates: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dataDir = join(out, `${label}-run-${run}`);
    const engine = await openEngine({ dataDir });
    const started = process.hrtime.bigint();
    await engine.ingest(
      (async function* () {
        yield* lines;
      })(),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await engine.close();
    rates.push(lines.length / seconds);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rates;
}

const report: string[] = [
  `# Embedded pipeline (issue 2)`,
  "",
  `Corpus: ${ads} generated ads, seed ${values.seed}; ${runs} fresh runs each.`,
  "",
];
for (const withImages of [true, false]) {
  const label = withImages ? "images" : "text";
  const corpus = await generateCorpus({
    ads,
    seed: values.seed ?? "42",
    out: join(out, `corpus-${label}`),
    images: withImages,
  });
  const dataDir = join(out, `cli-${label}`);
  const started = Date.now();
  const summary = cli(["ingest", "--data", dataDir, corpus.adsPath]);
  const cliSeconds = (Date.now() - started) / 1000;
  const entitiesPath = join(out, `entities-${label}.jsonl`);
  cli(["entities", "--data", dataDir], entitiesPath);
  const personasPath = join(out, `personas-${label}.jsonl`);
  cli(["entities", "--data", dataDir, "--layer", "persona"], personasPath);
  const network = await evaluate({
    truthPath: corpus.truthPath,
    entitiesPath,
    adsPath: corpus.adsPath,
    layer: "network",
  });
  const persona = await evaluate({
    truthPath: corpus.truthPath,
    entitiesPath: personasPath,
    adsPath: corpus.adsPath,
    layer: "persona",
  });
  const rates = await throughput(corpus.adsPath, label);
  report.push(
    `## ${withImages ? `With images (${corpus.images} image files)` : "Text only"}`,
    "",
    `CLI import (\`npm run -s nexus -- ingest\`), wall time including process start-up: ${cliSeconds.toFixed(1)} s`,
    "",
    "```",
    summary.trim(),
    "```",
    "",
    "```",
    formatEvaluation(network).trim(),
    "",
    formatEvaluation(persona).trim(),
    "```",
    "",
    `In-process ingest throughput: median **${median(rates).toFixed(0)} ads/s** (runs: ${rates.map((r) => r.toFixed(0)).join(", ")})`,
    "",
  );
  process.stdout.write(`${report.slice(-14).join("\n")}\n`);
}
writeReport(join(process.cwd(), values.report ?? "bench/results/pipeline.md"), report);
process.stdout.write(`wrote ${values.report}\n`);
