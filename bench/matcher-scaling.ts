/**
 * Issue 6: 1 vs 2 instances of the matching stage.
 *
 * Part A, in one process (no Kafka, no scheduling noise from other services): the CPU time each
 * matcher replica spends on a synthetic corpus, beside one resolver doing matching and clustering
 * together, and the clusterer alone. The slowest replica bounds the stage.
 *
 * Part B, over Kafka: the generated corpus, enriched once in-process, is produced to the enriched
 * topic; N matcher service processes and the resolver consume it. Reported: matching-stage ads/s
 * (until every replica has taken every ad) and ads/s until every ad is resolved, 1 vs 2 replicas,
 * runs interleaved, medians.
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 npx tsx --conditions=nexus-source bench/matcher-scaling.ts \
 *     [--synthetic-networks 1500] [--ads 3000] [--runs 3]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createImageHasher } from "@nexus/image-input";
import { enrichAd, extractAd, parseRawAdLine } from "@nexus/pipeline";
import type { EnrichedAd } from "@nexus/schemas";
import { generateCorpus } from "../test/corpus/generate.js";
import { splitInProcess } from "./lib/matcher-in-process.js";
import { matchOverKafka } from "./lib/matcher-kafka.js";
import { writeReport } from "./lib/report.js";

const { values } = parseArgs({
  options: {
    "synthetic-networks": { type: "string", default: "1500" },
    ads: { type: "string", default: "3000" },
    runs: { type: "string", default: "3" },
  },
});
const brokers = (process.env["KAFKA_BROKERS"] ?? "127.0.0.1:9092").split(",");
const runs = Number(values.runs);
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

const inProcess = splitInProcess({ networks: Number(values["synthetic-networks"]), runs });
process.stderr.write(`[bench] part A done: ${inProcess.ads} synthetic ads\n`);

async function enrichedCorpus(): Promise<{ ads: EnrichedAd[]; images: number }> {
  const work = mkdtempSync(join(tmpdir(), "nexus-bench-matcher-"));
  const corpus = await generateCorpus({ ads: Number(values.ads), seed: 8, out: work, imageSize: 128 });
  const hasher = createImageHasher({ allowFile: true });
  const lines = readFileSync(corpus.adsPath, "utf8").split("\n").filter(Boolean);
  const ads: EnrichedAd[] = [];
  for (const [index, line] of lines.entries()) {
    const parsed = parseRawAdLine(line, index + 1);
    if (parsed.ok) ads.push(await enrichAd(extractAd(parsed.ad), hasher));
  }
  await hasher.close();
  rmSync(work, { recursive: true, force: true });
  return { ads, images: corpus.images };
}

const corpus = await enrichedCorpus();
process.stderr.write(`[bench] enriched ${corpus.ads.length} ads\n`);
const kafka = { one: [] as { matchS: number; resolveS: number }[], two: [] as { matchS: number; resolveS: number }[] };
for (let run = 0; run < runs; run++) {
  kafka.one.push(await matchOverKafka(brokers, corpus.ads, 1));
  kafka.two.push(await matchOverKafka(brokers, corpus.ads, 2));
  process.stderr.write(`[bench] Kafka run ${run + 1}/${runs} done\n`);
}
const n = corpus.ads.length;
const rate = (list: { matchS: number; resolveS: number }[], key: "matchS" | "resolveS"): number =>
  median(list.map((result) => n / result[key]));
const [oneMatch, twoMatch] = [rate(kafka.one, "matchS"), rate(kafka.two, "matchS")];
const [oneEnd, twoEnd] = [rate(kafka.one, "resolveS"), rate(kafka.two, "resolveS")];
const a = inProcess;

const report = [
  "# Matching stage: 1 vs 2 instances (issue 6)",
  "",
  `${new Date().toISOString().slice(0, 16)} UTC, 2 cores, median of ${runs} runs.`,
  "",
  `## A. In one process: CPU per ad (synthetic corpus, ${a.ads} ads, \`packages/resolution\`)`,
  "",
  "| work | ms total | µs/ad |",
  "| --- | ---: | ---: |",
  `| one resolver (matching + clustering), the baseline | ${fmt(a.resolverMs, 0)} | ${fmt((a.resolverMs * 1000) / a.ads, 0)} |`,
  `| 1 matcher replica (all pairs) | ${fmt(a.oneReplicaMs, 0)} | ${fmt((a.oneReplicaMs * 1000) / a.ads, 0)} |`,
  `| 2 matcher replicas: replica 0 / replica 1 | ${fmt(a.twoReplicaMs[0] ?? 0, 0)} / ${fmt(a.twoReplicaMs[1] ?? 0, 0)} | ${fmt(((a.twoReplicaMs[0] ?? 0) * 1000) / a.ads, 0)} / ${fmt(((a.twoReplicaMs[1] ?? 0) * 1000) / a.ads, 0)} |`,
  `| clusterer (the resolver stage), fed 2 replicas' batches | ${fmt(a.clustererMs, 0)} | ${fmt((a.clustererMs * 1000) / a.ads, 0)} |`,
  "",
  `Matching-stage capacity with 2 replicas on 2 cores (bounded by the slower replica): **${fmt(a.oneReplicaMs / Math.max(...a.twoReplicaMs), 2)}x** of 1 replica. Pairs scored: ${a.pairs.one} by 1 replica; ${a.pairs.two.join(" + ")} by 2. Same entities as the one resolver: ${a.sameEntities ? "yes" : "NO"}.`,
  "",
  `## B. Over Kafka: ${n} generated ads (${corpus.images} images), enriched once, produced to the one-partition enriched topic`,
  "",
  "Each matcher replica and the resolver is a separate service process (node + tsx); the broker runs on the same 2 cores.",
  "",
  "| matcher instances | matching stage ads/s | ads/s until resolved |",
  "| --- | ---: | ---: |",
  `| 1 | ${fmt(oneMatch)} | ${fmt(oneEnd)} |`,
  `| 2 | ${fmt(twoMatch)} | ${fmt(twoEnd)} |`,
  "",
  `2 vs 1 instances: matching stage **${fmt(twoMatch / oneMatch, 2)}x**, until resolved **${fmt(twoEnd / oneEnd, 2)}x**.`,
  "",
  `Runs (matching s / resolved s): 1 instance ${kafka.one.map((r) => `${fmt(r.matchS)}/${fmt(r.resolveS)}`).join(", ")}; 2 instances ${kafka.two.map((r) => `${fmt(r.matchS)}/${fmt(r.resolveS)}`).join(", ")}.`,
  "",
];
writeReport("bench/results/matcher-scaling.md", report);
process.stdout.write(`${report.join("\n")}\n`);
process.exit(0);
