/**
 * PDQ hashing throughput (decode with sharp + PDQ in TypeScript, the production path of
 * @nexus/image-input) against sharp's decode-and-resize-only throughput on the same images, same run.
 * Run: npx tsx --conditions=nexus-source bench/image-hash-throughput.ts
 * Images: every file of ../shared/vectors/pdq/data (JPEG and PNG, 34x42 up to 4032x3024).
 * Two tasks in flight at a time (the machine has 2 cores); medians of RUNS runs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createImageHasher } from "@nexus/image-input";
import sharp from "sharp";

const RUNS = 3;
const IN_FLIGHT = 2;
const DATA = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/vectors/pdq/data");

function listImages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listImages(path);
    return /\.(jpe?g|png)$/i.test(name) ? [path] : [];
  });
}

const files = listImages(DATA);
const images = files.map((path) => readFileSync(path));
const pixels = (await Promise.all(images.map((b) => sharp(b).metadata()))).reduce(
  (s, m) => s + (m.width ?? 0) * (m.height ?? 0),
  0,
);

async function pool(task: (image: Buffer) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < images.length) await task(images[next++] as Buffer);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return images.length / ((performance.now() - start) / 1000);
}

const PRESCALES = [256, 128];
const hasher = createImageHasher({ cacheSize: 0, maxPixels: 20_000_000 });
const fast = PRESCALES.map((prescaleTo) => createImageHasher({ cacheSize: 0, maxPixels: 20_000_000, prescaleTo }));
const cases: Record<string, (image: Buffer) => Promise<unknown>> = {
  "sharp decode + resize to 64x64 (baseline)": (b) => sharp(b).resize(64, 64, { fit: "fill" }).raw().toBuffer(),
  "sharp full decode only (no resize)": (b) => sharp(b, { ignoreIcc: true }).raw().toBuffer(),
  "PDQ + 8 dihedral, exact (default)": (b) => hasher.hash({ data: b.toString("base64") }),
};
PRESCALES.forEach((prescaleTo, i) => {
  cases[`PDQ + 8 dihedral, prescaleTo ${prescaleTo}`] = (b) =>
    (fast[i] as typeof hasher).hash({ data: b.toString("base64") });
});

const results: Record<string, number[]> = {};
for (let run = 0; run < RUNS + 1; run++) {
  for (const [name, task] of Object.entries(cases)) {
    const rate = await pool(task);
    results[name] ??= [];
    if (run > 0) results[name].push(rate); // run 0 warms the JIT and caches
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const baseline = median(results["sharp decode + resize to 64x64 (baseline)"] as number[]);
console.log(
  `${images.length} images, ${(pixels / 1e6).toFixed(1)} Mpixel in total, ${IN_FLIGHT} in flight, median of ${RUNS}`,
);
console.log("| pipeline | images/s | Mpixel/s | vs baseline |");
console.log("|---|---|---|---|");
for (const [name, rates] of Object.entries(results)) {
  const rate = median(rates);
  console.log(
    `| ${name} | ${rate.toFixed(1)} | ${((rate * pixels) / images.length / 1e6).toFixed(1)} | ${((100 * rate) / baseline).toFixed(0)}% |`,
  );
}

// Accuracy of each pipeline against Meta's reference (expected/cpp-fullsize.csv), quality >= 80 rows.
const { hammingDistance } = await import("@nexus/image-hash");
const expected = readFileSync(resolve(DATA, "../expected/cpp-fullsize.csv"), "utf8").trim().split("\n").slice(1);
console.log("\n| pipeline | JPEG mean / max distance | PNG mean / max distance |");
console.log("|---|---|---|");
for (const [name, h] of [
  ["exact (default)", hasher],
  ...PRESCALES.map((p, i) => [`prescaleTo ${p}`, fast[i]] as const),
] as const) {
  const by: Record<string, number[]> = { jpg: [], png: [] };
  for (const line of expected) {
    const [hash, quality, file] = line.split(",") as [string, string, string];
    const path = resolve(DATA, file);
    if (Number(quality) < 80 || !files.includes(path)) continue;
    const result = await (h as typeof hasher).hashFile(path);
    by[file.endsWith(".png") ? "png" : "jpg"]?.push(hammingDistance(result.pdq, hash));
  }
  const fmt = (xs: number[]) =>
    `${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)} / ${Math.max(...xs)} (n=${xs.length})`;
  console.log(`| ${name} | ${fmt(by.jpg as number[])} | ${fmt(by.png as number[])} |`);
}
