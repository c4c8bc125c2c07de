/**
 * Indexing throughput through @nexus/es beside the bare `client.helpers.bulk` on the same ads, in
 * the same run, alternating which goes first; median of runs. Also: the time Nexus spends analysing
 * (building documents) alone, and the indexer at several batch byte budgets (how the default was chosen).
 *
 *   npx tsx --conditions=nexus-source bench/es-indexing.ts [--docs 20000] [--runs 3] [--budget-runs 1]
 */
import { createEsIndexer, type EsAdInput, toAdDocument } from "@nexus/es";
import { arg, esClient, freshIndices, median } from "./es-bench-lib.js";
import { esAds } from "./es-corpus.js";

const docs = arg("docs", 20_000);
const runs = arg("runs", 3);
const budgetRuns = arg("budget-runs", 1);
const client = esClient();
const ads = esAds(docs);

async function viaNexus(input: readonly EsAdInput[], maxBatchBytes = 2 * 1024 * 1024): Promise<number> {
  const { names, drop } = await freshIndices(client, "nexus");
  try {
    const indexer = createEsIndexer({ client, names, maxBatchBytes, concurrency: 2 });
    const t0 = performance.now();
    const report = await indexer.write(input.map((ad) => ({ kind: "ad" as const, ad, version: 1 })));
    const seconds = (performance.now() - t0) / 1000;
    if (report.written !== input.length) throw new Error(`nexus wrote ${report.written}/${input.length}`);
    return input.length / seconds;
  } finally {
    await drop();
  }
}

/** The bare helper gets documents already built (analysis excluded): the floor Nexus is compared to. */
async function viaHelper(input: readonly EsAdInput[]): Promise<number> {
  const { names, drop } = await freshIndices(client, "bare");
  try {
    const built = input.map((ad) => ({ ...toAdDocument(ad), version: 1 }));
    const t0 = performance.now();
    const stats = await client.helpers.bulk({
      datasource: built,
      concurrency: 2,
      flushBytes: 2 * 1024 * 1024,
      onDocument: (doc) => ({ index: { _index: names.ads, _id: doc.adId, version: 1, version_type: "external" } }),
    });
    const seconds = (performance.now() - t0) / 1000;
    if (stats.successful !== input.length) throw new Error(`helper wrote ${stats.successful}/${input.length}`);
    return input.length / seconds;
  } finally {
    await drop();
  }
}

function analysisRate(input: readonly EsAdInput[]): number {
  const t0 = performance.now();
  let bytes = 0;
  for (const ad of input) bytes += JSON.stringify(toAdDocument(ad)).length;
  const seconds = (performance.now() - t0) / 1000;
  if (bytes === 0) throw new Error("nothing built");
  return input.length / seconds;
}

const nexus: number[] = [];
const bare: number[] = [];
const analysis: number[] = [];
await viaHelper(ads.slice(0, 2000)); // warm-up: JIT, index creation paths, the node's caches
for (let r = 0; r < runs; r++) {
  analysis.push(analysisRate(ads));
  if (r % 2 === 0) {
    bare.push(await viaHelper(ads));
    nexus.push(await viaNexus(ads));
  } else {
    nexus.push(await viaNexus(ads));
    bare.push(await viaHelper(ads));
  }
  console.error(`run ${r + 1}: nexus ${nexus.at(-1)?.toFixed(0)} docs/s, bare ${bare.at(-1)?.toFixed(0)} docs/s`);
}
const budgets = [256 * 1024, 1024 * 1024, 2 * 1024 * 1024, 5 * 1024 * 1024];
const byBudget: string[] = [];
for (const budget of budgets) {
  const rates: number[] = [];
  for (let r = 0; r < budgetRuns; r++) rates.push(await viaNexus(ads, budget));
  byBudget.push(`| ${budget / 1024} KiB | ${median(rates).toFixed(0)} |`);
}
const [n, b] = [median(nexus), median(bare)];
console.log(`## Indexing ${docs} ads, median of ${runs} runs (concurrency 2, 2 MiB batches)\n`);
console.log("| path | docs/s | ratio |\n|---|---|---|");
console.log(`| bare client.helpers.bulk (documents pre-built) | ${b.toFixed(0)} | 1.00 |`);
console.log(`| @nexus/es createEsIndexer (analysis included) | ${n.toFixed(0)} | ${(n / b).toFixed(2)} |`);
console.log(`| Nexus analysis alone (toAdDocument, 1 core) | ${median(analysis).toFixed(0)} | - |`);
console.log(`\n| indexer batch budget (median of ${budgetRuns}) | docs/s |\n|---|---|`);
console.log(byBudget.join("\n"));
await client.close();
