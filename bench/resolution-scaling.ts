/**
 * Per-ad resolution cost as the corpus grows: ingests synthetic text-only ad features (personas,
 * networks sharing controller phones, a site number, per-site disclaimers) and times each window of
 * 1,000 ads. Flat cost means blocking stays bounded: no all-pairs, generic values cut off.
 *
 *   npx tsx --conditions=nexus-source bench/resolution-scaling.ts [--sizes 10000,100000] [--runs 3,1]
 */
import { performance } from "node:perf_hooks";
import { createResolver } from "@nexus/resolution";
import { generateAds } from "../packages/resolution/test/synthetic.js";

const WINDOW = 1000;

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

interface RunResult {
  windows: number[];
  totalMs: number;
  edges: number;
  networks: number;
  demotions: number;
  heapMb: number;
}

function runOnce(size: number, seed: number): RunResult {
  const ads = generateAds({ networks: Math.ceil(size / 11), seed, photos: false }).slice(0, size);
  if (ads.length < size) throw new Error(`generator gave ${ads.length} ads, wanted ${size}`);
  const resolver = createResolver();
  const windows: number[] = [];
  const started = performance.now();
  let windowStart = started;
  ads.forEach((ad, index) => {
    resolver.ingest(ad.features);
    if ((index + 1) % WINDOW === 0) {
      const now = performance.now();
      windows.push(((now - windowStart) * 1000) / WINDOW);
      windowStart = now;
    }
  });
  const totalMs = performance.now() - started;
  const stats = resolver.stats();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  return { windows, totalMs, edges: stats.edges, networks: stats.networks, demotions: stats.demotions, heapMb };
}

const sizes = argument("sizes", "10000,100000").split(",").map(Number);
// One count for all sizes, or one per size ("3,1": three runs at 10k, one at 100k).
const runCounts = argument("runs", "3").split(",").map(Number);
console.log(
  `| ads | runs | µs/ad, first 1k (median) | µs/ad, last 1k (median) | µs/ad, whole run (median) | edges | networks | demotions | heap MB |`,
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const lastBySize = new Map<number, number>();
for (const [index, size] of sizes.entries()) {
  const runs = runCounts[index] ?? runCounts[runCounts.length - 1] ?? 1;
  const results = Array.from({ length: runs }, (_, run) => runOnce(size, 1 + run));
  const first = median(results.map((result) => result.windows[0] ?? 0));
  const lastWindows = results.map((result) =>
    median(result.windows.slice(-Math.max(1, Math.floor(result.windows.length / 10)))),
  );
  const last = median(lastWindows);
  const whole = median(results.map((result) => (result.totalMs * 1000) / size));
  lastBySize.set(size, last);
  const sample = results[0] as RunResult;
  console.log(
    `| ${size} | ${runs} | ${first.toFixed(0)} | ${last.toFixed(0)} | ${whole.toFixed(0)} | ${sample.edges} | ${sample.networks} | ${sample.demotions} | ${sample.heapMb.toFixed(0)} |`,
  );
}
const [small, large] = sizes;
if (small !== undefined && large !== undefined && lastBySize.has(small) && lastBySize.has(large)) {
  const ratio = (lastBySize.get(large) as number) / (lastBySize.get(small) as number);
  console.log(
    `\nper-ad cost at ${large} / at ${small} (last 10% windows): ${ratio.toFixed(2)}x for ${(large / small).toFixed(0)}x the ads`,
  );
}
