/**
 * PDQ hashing throughput (decode with sharp + PDQ in TypeScript, the production path of
 * @nexus/image-input) against sharp's decode-and-resize-only throughput on the same images, same run.
 * Run: npx tsx --conditions=nexus-source bench/image-hash-throughput.ts [RUNS] [IN_FLIGHT]
 * Images: every file of test/fixtures/vectors/pdq/data (JPEG and PNG, 34x42 up to 4032x3024).
 * IN_FLIGHT tasks at a time for every pipeline (default 2: the machine has 2 cores); medians of RUNS.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hammingDistance } from "@nexus/image-hash";
import { createImageHasher, type ImageHasher, type ImageInputOptions } from "@nexus/image-input";
import sharp from "sharp";
// The production decode step itself, with the PDQ maths left out: the second baseline below.
import { decodeAndHash } from "../packages/image-input/src/decode.js";

const RUNS = Number(process.argv[2] ?? 5);
const IN_FLIGHT = Number(process.argv[3] ?? 2);
const DATA = resolve(dirname(fileURLToPath(import.meta.url)), "../test/fixtures/vectors/pdq/data");

function listImages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listImages(path);
    return /\.(jpe?g|png)$/i.test(name) ? [path] : [];
  });
}

const files = listImages(DATA);
const images = files.map((path) => readFileSync(path));
// Encoded once up front: the hashers take base64 (the production `{ data }` path), the baselines bytes.
const base64 = images.map((bytes) => bytes.toString("base64"));
const pixels = (await Promise.all(images.map((b) => sharp(b).metadata()))).reduce(
  (s, m) => s + (m.width ?? 0) * (m.height ?? 0),
  0,
);

interface Measure {
  /** Images per second, wall clock. */
  rate: number;
  /** CPU time of the whole process (main thread, libvips and hash worker threads) per image. */
  cpuMs: number;
}

async function pool(task: (index: number) => Promise<unknown>): Promise<Measure> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  const lane = async () => {
    while (next < images.length) await task(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const used = process.cpuUsage(cpu);
  return {
    rate: images.length / ((performance.now() - start) / 1000),
    cpuMs: (used.user + used.system) / 1000 / images.length,
  };
}

const common = { cacheSize: 0, maxPixels: 20_000_000 } as const;
const DEFAULT = "PDQ + 8 dihedral, default (separable, JPEG shrink-on-load >= 200 px, 2 hash workers)";
const MIN_240 = "PDQ + 8 dihedral, separable, `jpegMinSide: 240` (1600x1004 JPEGs at 1/2 -> 533x334)";
const FULL = "PDQ + 8 dihedral, separable, full size (`jpegMinSide: 0`)";
const EXACT = 'PDQ + 8 dihedral, `pdqMethod: "exact"` (reference arithmetic, full size)';
const pipelines: Record<string, ImageInputOptions> = {
  [DEFAULT]: {},
  "PDQ + 8 dihedral, default, hashed on the main thread (`hashWorkers: 0`)": { hashWorkers: 0 },
  [MIN_240]: { jpegMinSide: 240 },
  [FULL]: { jpegMinSide: 0 },
  [EXACT]: { pdqMethod: "exact", jpegMinSide: 0 },
};
const hashers: Record<string, ImageHasher> = {};
for (const [name, options] of Object.entries(pipelines)) hashers[name] = createImageHasher({ ...common, ...options });

const BASELINE = "sharp decode + resize to 64x64 (baseline)";
const cases: Record<string, (index: number) => Promise<unknown>> = {
  [BASELINE]: (i) => sharp(images[i]).resize(64, 64, { fit: "fill" }).raw().toBuffer(),
  "sharp full decode only (no resize)": (i) => sharp(images[i], { ignoreIcc: true }).raw().toBuffer(),
  // What the default hasher asks of sharp (JPEG shrink-on-load to a shorter side >= 200, PNG as is),
  // without the hashing: the ratio against it is the cost of the PDQ maths alone.
  "sharp decode + resize as the default hasher does, no hashing (second baseline)": (i) =>
    decodeAndHash(
      Buffer.from(base64[i] as string, "base64"),
      { maxPixels: common.maxPixels, timeoutMs: 30_000, pdqMethod: "separable", jpegMinSide: 200 },
      () => ({ pdq: "", quality: 0, dihedral: [] }) as never,
    ),
};
for (const [name, hasher] of Object.entries(hashers)) cases[name] = (i) => hasher.hash({ data: base64[i] as string });

const results: Record<string, Measure[]> = {};
for (let run = 0; run < RUNS + 1; run++) {
  // Interleaved, so load from other processes on this shared machine hits every pipeline alike.
  for (const [name, task] of Object.entries(cases)) {
    const measure = await pool(task);
    results[name] ??= [];
    if (run > 0) results[name].push(measure); // run 0 warms the JIT, the workers and caches
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const medians = (name: string) => {
  const runs = results[name] as Measure[];
  return { rate: median(runs.map((m) => m.rate)), cpuMs: median(runs.map((m) => m.cpuMs)) };
};
const baseline = medians(BASELINE);
const SECOND = "sharp decode + resize as the default hasher does, no hashing (second baseline)";
const second = medians(SECOND);
console.log(
  `${images.length} images, ${(pixels / 1e6).toFixed(1)} Mpixel in total, ${IN_FLIGHT} in flight, median of ${RUNS}`,
);
// "vs baseline (CPU)" = baseline CPU per image / this pipeline's: the throughput ratio on 2 fully used
// cores, and much less sensitive than wall clock to other processes on a shared machine.
console.log(
  "| pipeline | images/s | Mpixel/s | vs baseline (wall) | CPU ms/image | vs baseline (CPU) | vs 2nd baseline (wall / CPU) |",
);
console.log("|---|---|---|---|---|---|---|");
for (const name of Object.keys(results)) {
  const { rate, cpuMs } = medians(name);
  const mpixel = (rate * pixels) / images.length / 1e6;
  const wall = (100 * rate) / baseline.rate;
  const cpu = (100 * baseline.cpuMs) / cpuMs;
  const vsSecond = `${((100 * rate) / second.rate).toFixed(0)}% / ${((100 * second.cpuMs) / cpuMs).toFixed(0)}%`;
  console.log(
    `| ${name} | ${rate.toFixed(1)} | ${mpixel.toFixed(1)} | ${wall.toFixed(0)}% | ${cpuMs.toFixed(1)} | ${cpu.toFixed(0)}% | ${vsSecond} |`,
  );
}

// Accuracy against Meta's reference (expected/cpp-fullsize.csv), quality >= 80 rows.
const expected = readFileSync(resolve(DATA, "../expected/cpp-fullsize.csv"), "utf8").trim().split("\n").slice(1);
const accuracy = {
  "default (separable, JPEG shrink-on-load >= 200 px)": hashers[DEFAULT] as ImageHasher,
  "separable, jpegMinSide: 240": hashers[MIN_240] as ImageHasher,
  "separable, full size": hashers[FULL] as ImageHasher,
  '"exact", full size': hashers[EXACT] as ImageHasher,
};
console.log("\n| pipeline | JPEG mean / max distance | PNG mean / max distance |");
console.log("|---|---|---|");
for (const [name, hasher] of Object.entries(accuracy)) {
  const by: Record<string, number[]> = { jpg: [], png: [] };
  for (const line of expected) {
    const [hash, quality, file] = line.split(",") as [string, string, string];
    const path = resolve(DATA, file);
    if (Number(quality) < 80 || !files.includes(path)) continue;
    const result = await hasher.hash({ data: readFileSync(path).toString("base64") });
    by[file.endsWith(".png") ? "png" : "jpg"]?.push(hammingDistance(result.pdq, hash));
  }
  const fmt = (xs: number[]) =>
    `${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)} / ${Math.max(...xs)} (n=${xs.length})`;
  console.log(`| ${name} | ${fmt(by["jpg"] as number[])} | ${fmt(by["png"] as number[])} |`);
}
await Promise.all(Object.values(hashers).map((hasher) => hasher.close()));
