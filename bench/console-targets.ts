/**
 * The console's targets on a 100,000-ad directory (issue 18), in Debian's Chromium:
 * - first page of search results on screen after pressing Enter (< 500 ms), warm and cold;
 * - the entity page of a 500-ad network interactive (< 1.5 s);
 * - the first page's code as sent, compressed (< 500 KB).
 * Generates text-only ads with the corpus generator plus the browser suite's 500-ad network,
 * ingests them with the CLI, serves them with the API and measures in the browser.
 *
 *   npx tsx --conditions=nexus-source bench/console-targets.ts [--ads 100000] [--runs 3] [--keep DIR]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../packages/console/test/support/chromium.js";
import { firstPageBytes, summarise, timeEntityPage, timeSearch } from "../packages/console/test/support/measure.js";
import { networkFixture } from "../packages/console/test/support/network-fixture.js";
import { KEYS, runTs, startApi } from "../packages/console/test/support/stack.js";
import { writeReport } from "./lib/report.js";

const { values } = parseArgs({
  options: {
    ads: { type: "string", default: "100000" },
    runs: { type: "string", default: "3" },
    keep: { type: "string" },
  },
});
const ads = Number(values.ads);
const runs = Number(values.runs);
const work = values.keep ?? mkdtempSync(join(tmpdir(), "nexus-console-bench-"));
const QUERIES = [
  "masajes relajantes",
  "nueva",
  '"recién llegada"',
  "Tijuana",
  "+502 4412 0003",
  "hotel",
  "Camila",
  "colombiana",
];

async function prepare(): Promise<string> {
  const dataDir = join(work, "data");
  if (values.keep && readFileSafe(join(work, "ready")) === String(ads)) return dataDir;
  const started = performance.now();
  await runTs("test/corpus/generate.ts", [
    "--ads",
    String(ads),
    "--seed",
    "18",
    "--no-images",
    "--out",
    join(work, "corpus"),
  ]);
  const all = join(work, "all.jsonl");
  writeFileSync(
    all,
    readFileSync(join(work, "corpus/ads.jsonl"), "utf8") +
      networkFixture()
        .map((a) => `${JSON.stringify(a)}\n`)
        .join(""),
  );
  await runTs("services/cli/src/main.ts", ["ingest", "--data", dataDir, all]);
  console.log(`generated and ingested ${ads + 500} ads in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  writeFileSync(join(work, "ready"), String(ads));
  return dataDir;
}

function readFileSafe(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

const dataDir = await prepare();
const api = await startApi(dataDir, 19480, { startTimeoutMs: 1_800_000 });
const browser = await launchChromium();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const bytes = await firstPageBytes(page, `${api.url}/search`);
  await page.getByLabel("API key").fill(KEYS.analyst);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Search ads" }).waitFor();
  const cold = await timeSearch(page, "primera consulta");
  const warm: number[] = [];
  // Each query typed afresh every round (the page keeps no cache; the API may).
  for (let run = 0; run < runs; run++) for (const q of QUERIES) warm.push(await timeSearch(page, q));
  const entityId = (await (
    await fetch(`${api.url}/v1/ads/netfix-0000`, { headers: { "x-api-key": KEYS.viewer } })
  ).json()) as { entityId: string };
  const entity: number[] = [];
  for (let run = 0; run < runs * 2; run++)
    entity.push(await timeEntityPage(page, `${api.url}/entities/${entityId.entityId}`));
  const search = summarise(warm);
  const network = summarise(entity);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
  const lines = [
    "# Console targets (issue 18)",
    "",
    `Command: \`npx tsx --conditions=nexus-source bench/console-targets.ts --ads ${ads} --runs ${runs}\`; Debian Chromium, headless; load average at the end ${load}.`,
    "",
    "| target | measured | goal |",
    "| --- | --- | --- |",
    `| search: Enter → first page of hits on screen, ${ads.toLocaleString("en")} + 500 ads, ${warm.length} queries | median **${search.median.toFixed(0)} ms**, worst ${search.worst.toFixed(0)} ms | < 500 ms |`,
    `| search: the very first query (the API builds its full-text index from the store) | ${cold.toFixed(0)} ms | (one-off) |`,
    `| entity page of the 500-ad network, navigation → interactive, ${entity.length} loads | median **${network.median.toFixed(0)} ms**, worst ${network.worst.toFixed(0)} ms | < 1,500 ms |`,
    `| first page's HTML, JS and CSS as sent (brotli) | **${(bytes.transferred / 1024).toFixed(0)} KB** (${(bytes.decoded / 1024).toFixed(0)} KB decoded, ${bytes.files} files) | < 500 KB |`,
    "",
  ];
  writeReport("bench/results/console.md", lines);
  console.log(lines.join("\n"));
} finally {
  await browser.close();
  await api.stop();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
