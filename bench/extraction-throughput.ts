/**
 * Extraction speed on one core, three sets of ads, each measured in the same process and alternated:
 *
 * - `labelled`: the region's labelled set plus 3,000 generated ads (short, ~107 chars);
 * - `corpus`: 2,000 text-only ads of the synthetic corpus (`test/corpus`, ~450 chars, title + body,
 *   with country, city, source and URL): what the pipeline's extract stage sees;
 * - `world`: the hand-written ads from outside the region (tuning and held-out sets).
 *
 * Against each: @nexus/extraction `extractContacts` (every field) and plain libphonenumber-js
 * (`findPhoneNumbersInText` with the ad's country, `max` metadata, phones only). With `--before REV`
 * it also runs the extraction package as it was at git revision REV (copied under bench/out/), so
 * "before" and "after" are measured in one run. CPU time of this process (the machine is shared;
 * CPU time does not count waiting for a core) and wall time; medians of `--runs` runs.
 *
 *   npx tsx --conditions=nexus-source bench/extraction-throughput.ts [--runs 7] [--before c5f87aa]
 *     [--report bench/results/extraction-throughput.md]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ExtractOptions, extractContacts } from "@nexus/extraction";
import { type CountryCode, findPhoneNumbersInText } from "libphonenumber-js/max";
import { generate } from "../packages/extraction/eval/generate.js";
import { loadAds } from "../packages/extraction/eval/score.js";
import { loadWorld } from "../packages/extraction/eval/world.js";
import { generateCorpus } from "../test/corpus/generate.js";
import { writeReport } from "./lib/report.js";

type Extract = (text: string, options: ExtractOptions) => { phones: unknown[] };

interface BenchAd {
  text: string;
  options: ExtractOptions;
}

const { values } = parseArgs({
  options: { runs: { type: "string", default: "7" }, before: { type: "string" }, report: { type: "string" } },
});
const runs = Number(values.runs);
const OUT = join(import.meta.dirname, "out");

async function corpusAds(): Promise<BenchAd[]> {
  const dir = join(OUT, "extraction-corpus");
  const file = join(dir, "ads.jsonl");
  if (!existsSync(file)) await generateCorpus({ ads: 2000, seed: 42, out: dir, images: false });
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const ad = JSON.parse(line) as {
        title?: string;
        body: string;
        country?: string;
        city?: string;
        source: string;
        url?: string;
      };
      const options: ExtractOptions = {
        source: ad.source,
        ...(ad.country ? { country: ad.country } : {}),
        ...(ad.city ? { city: ad.city } : {}),
        ...(ad.url ? { url: ad.url } : {}),
      };
      return { text: ad.title ? `${ad.title}\n${ad.body}` : ad.body, options };
    });
}

/** The extraction package as it was at `rev`, imported from a copy of its sources. */
async function extractionAt(rev: string): Promise<Extract> {
  const dir = join(OUT, `extraction-${rev}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync("git", ["archive", rev, "packages/extraction/src"]);
  execFileSync("tar", ["-x", "-C", dir, "--strip-components=3"], { input: archive });
  const module = (await import(join(dir, "index.ts"))) as { extractContacts: Extract };
  return module.extractContacts;
}

let sink = 0;
const pass = (ads: readonly BenchAd[], extract: Extract) => () => {
  for (const ad of ads) sink += extract(ad.text, ad.options).phones.length;
};
const baseline = (ads: readonly BenchAd[]) => () => {
  for (const ad of ads) {
    const country = ad.options.country as CountryCode | undefined;
    sink += findPhoneNumbersInText(ad.text, country ? { defaultCountry: country } : {}).length;
  }
};

interface Rate {
  wall: number;
  cpu: number;
}

function measure(count: number, run: () => void): Rate {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall: (count * 1000) / wallMs, cpu: (count * 1e6) / (c.user + c.system) };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const labelled: BenchAd[] = [...loadAds(), ...generate(7, 3000)].map((a) => ({
  text: a.text,
  options: { country: a.country },
}));
const world: BenchAd[] = [...loadWorld("tuning"), ...loadWorld("heldout")].map(
  ({ text, country, city, source, url }) => ({
    text,
    options: {
      ...(country ? { country } : {}),
      ...(city ? { city } : {}),
      ...(source ? { source } : {}),
      ...(url ? { url } : {}),
    },
  }),
);
const sets: Array<[string, BenchAd[]]> = [
  ["labelled", labelled],
  ["corpus", await corpusAds()],
  ["world", world],
];
const contenders: Array<[string, (ads: readonly BenchAd[]) => () => void]> = [
  ["extractContacts", (ads) => pass(ads, extractContacts)],
  ["findPhoneNumbersInText", baseline],
];
if (values.before) {
  const before = await extractionAt(values.before);
  contenders.push([`extractContacts @ ${values.before}`, (ads) => pass(ads, before)]);
}

const lines = [
  "# Extraction throughput",
  "",
  `\`npx tsx --conditions=nexus-source bench/extraction-throughput.ts --runs ${runs}${values.before ? ` --before ${values.before}` : ""}\`, node ${process.version}, one thread, medians of ${runs} runs (load average at start ${(await import("node:os")).loadavg()[0]?.toFixed(1)})`,
  "",
  "| set (ads, mean chars) | extractor | ads/s (CPU) | ads/s (wall) | CPU time / plain libphonenumber-js |",
  "| --- | --- | ---: | ---: | ---: |",
];
for (const [name, ads] of sets) {
  const passes = contenders.map(([label, make]) => [label, make(ads)] as const);
  for (const [, run] of passes) run(); // warm-up: JIT and libphonenumber's lazy metadata
  const rates = new Map<string, Rate[]>(passes.map(([label]) => [label, []]));
  for (let r = 0; r < runs; r++) for (const [label, run] of passes) rates.get(label)?.push(measure(ads.length, run));
  const cpuOf = (label: string) => median((rates.get(label) ?? []).map((x) => x.cpu));
  const base = cpuOf("findPhoneNumbersInText");
  const chars = Math.round(ads.reduce((acc, a) => acc + a.text.length, 0) / ads.length);
  for (const [label] of passes) {
    const cpu = cpuOf(label);
    const wall = median((rates.get(label) ?? []).map((x) => x.wall));
    lines.push(
      `| ${name} (${ads.length}, ${chars}) | ${label} | ${cpu.toFixed(0)} | ${wall.toFixed(0)} | ${(base / cpu).toFixed(2)}x |`,
    );
  }
}
lines.push("", `checksum ${sink}`);
console.log(lines.join("\n"));
if (values.report) writeReport(values.report, lines);
