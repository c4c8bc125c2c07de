/**
 * Synthetic corpus generator (CLI). Writes DIR/ads.jsonl, DIR/truth.jsonl and DIR/images/.
 *
 *   npx tsx --conditions=nexus-source test/corpus/generate.ts --ads 2000 --seed 42 --out DIR \
 *     [--no-images] [--image-size 384] [--days 120]
 */
import { argv, stderr, stdout } from "node:process";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type CorpusProgress, generateCorpus } from "./corpus.js";

export { type CorpusOptions, type CorpusSummary, generateCorpus } from "./corpus.js";

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return parsed;
}

function progressPrinter(): (progress: CorpusProgress) => void {
  let lastShown = 0;
  return (progress) => {
    const now = Date.now();
    if (progress.done < progress.total && now - lastShown < 1000) return;
    lastShown = now;
    const line = `${progress.phase}: ${progress.done}/${progress.total}`;
    stderr.write(stderr.isTTY ? `\r${line}   ${progress.done === progress.total ? "\n" : ""}` : `${line}\n`);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: argv.slice(2),
    options: {
      ads: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      "no-images": { type: "boolean", default: false },
      "image-size": { type: "string" },
      days: { type: "string" },
    },
  });
  if (!values.out) throw new Error("--out DIR is required");
  const seedText = values.seed ?? "42";
  const started = performance.now();
  const summary = await generateCorpus({
    ads: positiveInteger(values.ads, "ads", 2000),
    seed: /^\d+$/.test(seedText) ? Number(seedText) : seedText,
    out: values.out,
    images: !values["no-images"],
    imageSize: positiveInteger(values["image-size"], "image-size", 384),
    days: positiveInteger(values.days, "days", 120),
    onProgress: progressPrinter(),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  stdout.write(`${JSON.stringify({ ...summary, seconds: Number(seconds) })}\n`);
}

if (argv[1] !== undefined && import.meta.url === pathToFileURL(argv[1]).href) {
  main().catch((error: unknown) => {
    stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
