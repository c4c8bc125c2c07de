/**
 * Search latency through @nexus/es at 100k ads: p50/p99 per query kind, sequential queries after a
 * warm-up, on a single-shard index loaded by the indexer.
 *
 *   npx tsx --conditions=nexus-source bench/es-search.ts [--docs 100000] [--queries 200]
 */
import { createEsIndexer, createEsSearch, type EsSearch } from "@nexus/es";
import { arg, esClient, freshIndices, percentile } from "./es-bench-lib.js";
import { esAds, perturb } from "./es-corpus.js";
import { prng } from "./search-corpus.js";

const docs = arg("docs", 100_000);
const queries = arg("queries", 200);
const client = esClient();
const ads = esAds(docs);
const next = prng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;

const WORDS = [
  "masajes relajantes",
  "cariñosa morena",
  "masages",
  "colombiana discreta",
  "relaxing massages",
  "videollamadas",
  "jovensita",
  "hotel",
];
const COUNTRIES = ["CO", "PA", "GT", "VE", "EC", "MX"];

type Kind = "text+facets" | "text+filters" | "phrase" | "phone" | "image (8 variants)" | "browse page 5";
const KINDS: Record<Kind, (s: EsSearch) => Promise<unknown>> = {
  "text+facets": (s) => s.searchAds({ text: pick(WORDS), facets: ["country", "city", "source", "hasPhone"] }),
  "text+filters": (s) =>
    s.searchAds({
      text: pick(WORDS),
      filters: { country: [pick(COUNTRIES)], from: "2026-03-01T00:00:00Z", hasPhone: true },
    }),
  phrase: (s) => s.searchAds({ text: '"masajes relajantes"' }),
  phone: (s) => s.lookupPhone(pick(ads.filter((a) => (a.phones?.length ?? 0) > 0)).phones?.[0] ?? ""),
  "image (8 variants)": (s) => {
    const hash = pick(ads).pdq?.[0] ?? "";
    const variants = Array.from({ length: 7 }, () => perturb(hash, 128, next));
    return s.searchImages({ hashes: [perturb(hash, 10, next), ...variants], maxDistance: 31 });
  },
  "browse page 5": async (s) => {
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const r = await s.searchAds({ text: pick(WORDS), size: 20, ...(after === undefined ? {} : { after }) });
      after = r.next;
    }
  },
};

const { names, drop } = await freshIndices(client, "search");
try {
  const indexer = createEsIndexer({ client, names, maxBatchBytes: 5 * 1024 * 1024 });
  const t0 = performance.now();
  for (let i = 0; i < ads.length; i += 10_000) {
    const report = await indexer.write(ads.slice(i, i + 10_000).map((ad) => ({ kind: "ad" as const, ad, version: 1 })));
    if (report.dropped > 0) throw new Error(`dropped ${report.dropped}`);
    console.error(`loaded ${i + 10_000}`);
  }
  await client.indices.refresh({ index: names.ads });
  await client.indices.forcemerge({ index: names.ads, max_num_segments: 1 });
  const loadSeconds = (performance.now() - t0) / 1000;
  const search = createEsSearch({ client, names });
  console.log(`## Search latency at ${docs} ads (${queries} queries per kind, sequential, after 20 warm-up)\n`);
  console.log(
    `Loaded in ${loadSeconds.toFixed(0)} s (${(docs / loadSeconds).toFixed(0)} docs/s incl. refresh + force-merge).\n`,
  );
  console.log("| query | p50 ms | p99 ms |\n|---|---|---|");
  for (const [kind, run] of Object.entries(KINDS)) {
    for (let i = 0; i < 20; i++) await run(search);
    const times: number[] = [];
    for (let i = 0; i < queries; i++) {
      const t = performance.now();
      await run(search);
      times.push(performance.now() - t);
    }
    console.log(`| ${kind} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`);
  }
} finally {
  await drop();
  await client.close();
}
