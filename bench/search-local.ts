/**
 * Benchmark of @nexus/search-index at N synthetic ads (default 100k):
 *   - build: ads/s through upsert, beside analysis alone (tokenise + stem every ad, no index).
 *   - query: p50/p99 latency over a mixed query set, beside a brute-force scan of folded text
 *     (lower-case + no accents, String.includes) over the same ads in the same run.
 * Each figure is the median over RUNS runs. Usage: npx tsx --conditions=nexus-source bench/search-local.ts [N] [RUNS]
 */
import { performance } from "node:perf_hooks";
import { analyze, createSearchIndex, type SearchIndex, type SearchQuery } from "@nexus/search-index";
import { syntheticAds } from "./search-corpus.js";

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 3);

const QUERIES: readonly SearchQuery[] = [
  { text: "masajes" },
  { text: "chica colombiana hermosa" },
  { text: "jovensita discreta" },
  { text: '"masajes relajantes"' },
  { text: "beautiful girls massage" },
  { text: "caracas", filters: { country: ["VE"] }, facets: ["city", "source", "hasPhone"] },
  { text: "complasiente" },
  { filters: { from: "2026-03-01T00:00:00Z", to: "2026-03-31T00:00:00Z", hasPhone: true }, facets: ["country"] },
  { text: "videollamadas", operator: "and", size: 50 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const fold = (s: string) => s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

const perQuery = new Map<string, number[]>();

function timeQueries(run: (q: SearchQuery) => unknown, queries: readonly SearchQuery[], reps: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      run(q);
      const dt = performance.now() - t0;
      times.push(dt);
      const key = JSON.stringify(q);
      perQuery.set(key, [...(perQuery.get(key) ?? []), dt]);
    }
  }
  return times;
}

function phoneQueries(index: SearchIndex, ads: ReturnType<typeof syntheticAds>): SearchQuery[] {
  const out: SearchQuery[] = [];
  for (let i = 0; i < 20; i++) {
    const ad = ads[(i * 4999) % ads.length];
    const phone = ad?.phones?.[0];
    if (phone !== undefined) out.push({ text: phone.slice(3).replace(/(\d{4})/, "$1 ") }, { phone });
  }
  if (index.search(out[0] ?? {}).total === 0) throw new Error("phone query found nothing");
  return out;
}

const ads = syntheticAds(N);
const folded = ads.map((a) => fold(`${a.title ?? ""} ${a.body}`));
const builds: number[] = [];
const analyses: number[] = [];
const p50s: number[] = [];
const p99s: number[] = [];
const phoneP50s: number[] = [];
const scanP50s: number[] = [];
let index: SearchIndex = createSearchIndex();
const perQueryMedians = new Map<string, number[]>();

for (let run = 0; run < RUNS; run++) {
  let t0 = performance.now();
  for (const a of ads) analyze(`${a.title ?? ""} ${a.body}`);
  analyses.push(N / ((performance.now() - t0) / 1000));
  index = createSearchIndex();
  t0 = performance.now();
  for (const a of ads) index.upsert(a);
  builds.push(N / ((performance.now() - t0) / 1000));
  timeQueries((q) => index.search(q), QUERIES, 2); // warm-up
  perQuery.clear();
  const times = timeQueries((q) => index.search(q), QUERIES, 20);
  p50s.push(median(times));
  p99s.push(pct(times, 0.99));
  const perQueryRun = new Map(perQuery);
  phoneP50s.push(median(timeQueries((q) => index.search(q), phoneQueries(index, ads), 5)));
  for (const [key, ts] of perQueryRun) perQueryMedians.set(key, [...(perQueryMedians.get(key) ?? []), median(ts)]);
  const words = ["masajes", "jovencita", "caracas"];
  scanP50s.push(median(timeQueries(() => folded.filter((t) => words.some((w) => t.includes(w))).length, [{}], 10)));
  console.error(`run ${run + 1}/${RUNS}: build ${builds.at(-1)?.toFixed(0)} ads/s, p50 ${p50s.at(-1)?.toFixed(2)} ms`);
}

const mem = process.memoryUsage().heapUsed / 2 ** 20;
const f = (x: number, d = 2) => x.toFixed(d);
const lines = [
  `| ads | runs | build ads/s | analyse-only ads/s | query p50 ms | query p99 ms | phone p50 ms | scan baseline p50 ms | heap MiB |`,
  `|---|---|---|---|---|---|---|---|---|`,
  `| ${N} | ${RUNS} | ${f(median(builds), 0)} | ${f(median(analyses), 0)} | ${f(median(p50s))} | ${f(median(p99s))} | ${f(median(phoneP50s))} | ${f(median(scanP50s))} | ${f(mem, 0)} |`,
];
console.log(lines.join("\n"));
console.log("\n| query | p50 ms (median of runs) |\n|---|---|");
for (const [key, ms] of perQueryMedians) console.log(`| \`${key.replace(/\|/g, "\\|")}\` | ${f(median(ms))} |`);
const sample = index.search({ text: "jovensita discreta", facets: ["country"], size: 1 });
console.log(`\nsample: total=${sample.total} hit=${JSON.stringify(sample.hits[0])}`);
