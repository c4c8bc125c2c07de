/**
 * Issue 8: what 10,000 active watches cost the evaluator per ad, against none, in-process (no
 * pipeline around it), on the same generated corpus as bench/alerts-latency.ts. Median of RUNS.
 *
 *   npx tsx --conditions=nexus-source bench/alerts-evaluator.ts [--ads 400] [--watches 10000] [--runs 5]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createAlertEvaluator } from "@nexus/alerting";
import { extractAd } from "@nexus/pipeline";
import type { AdResolution, RawAd } from "@nexus/schemas";
import { generateCorpus } from "../test/corpus/generate.js";
import { writeReport } from "./lib/report.js";
import { watchLoad } from "./lib/watch-load.js";

const { values } = parseArgs({
  options: {
    ads: { type: "string", default: "400" },
    watches: { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
  },
});
const work = mkdtempSync(join(tmpdir(), "nexus-bench-evaluator-"));
const corpus = await generateCorpus({ ads: Number(values.ads), seed: 8, out: work, imageSize: 64 });
const ads = readFileSync(corpus.adsPath, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as RawAd);
// One photo hash per ad so the image index is queried for every ad, as with real photos.
const resolutions: AdResolution[] = ads.map((ad, i) => ({
  seq: i + 1,
  ad: {
    ...extractAd(ad),
    images: [{ index: 0, ref: "photo", pdq: (i % 256).toString(16).padStart(2, "0").repeat(32), quality: 90 }],
  },
  personaId: `per-${i}`,
  networkId: `net-${i}`,
  changes: [],
}));

function microsPerAd(watchCount: number): { micros: number; alerts: number } {
  const evaluator = createAlertEvaluator();
  for (const watch of watchLoad(ads, watchCount)) evaluator.upsertWatch(watch);
  const started = performance.now();
  let alerts = 0;
  for (const resolution of resolutions) alerts += evaluator.evaluate(resolution).length;
  return { micros: ((performance.now() - started) * 1000) / resolutions.length, alerts };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
microsPerAd(Number(values.watches)); // warm-up: JIT
const none: number[] = [];
const loaded: number[] = [];
let alerts = 0;
for (let run = 0; run < Number(values.runs); run += 1) {
  none.push(microsPerAd(0).micros);
  const result = microsPerAd(Number(values.watches));
  loaded.push(result.micros);
  alerts = result.alerts;
}
const report = [
  "# Alert evaluator cost (issue 8)",
  "",
  `${resolutions.length} resolved ads (corpus seed 8), each with one photo hash; evaluator alone, in-process; median of ${values.runs} runs, alternating.`,
  "",
  "| watches | µs per ad | alerts |",
  "| ---: | ---: | ---: |",
  `| 0 | ${median(none).toFixed(0)} | 0 |`,
  `| ${values.watches} | ${median(loaded).toFixed(0)} | ${alerts} |`,
  "",
];
writeReport("bench/results/alerts-evaluator.md", report);
process.stdout.write(`${report.join("\n")}\n`);
rmSync(work, { recursive: true, force: true });
