/**
 * generateCorpus: plans the world, writes ads.jsonl and truth.jsonl and renders the photos.
 * Everything is a function of the seed and options, so the same call gives the same files.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type PlannedAd, planAds } from "./ads.js";
import { createSources } from "./confounders.js";
import { createContactFactory } from "./handles.js";
import { type BasePhoto, renderBasePhoto, writeVariant } from "./images.js";
import { createPhoneFactory } from "./phones.js";
import { createRng } from "./rng.js";
import type { Transform } from "./transforms.js";
import { createWorld } from "./world.js";

export interface CorpusProgress {
  phase: "plan" | "images" | "write";
  done: number;
  total: number;
}

export interface CorpusOptions {
  ads: number;
  seed: number | string;
  out: string;
  /** Render and attach photos (default true). */
  images?: boolean;
  /** Long side of the base photos in pixels (default 384). */
  imageSize?: number;
  /** Days the corpus spans (default 120). */
  days?: number;
  /** Base photos rendered at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: CorpusProgress) => void;
}

export interface CorpusSummary {
  ads: number;
  networks: number;
  personas: number;
  images: number;
  adsPath: string;
  truthPath: string;
  imagesDir: string | undefined;
}

interface VariantJob {
  transform: Transform;
  path: string;
}

/** Attaches file:// urls to the ads and returns the rendering jobs grouped by base photo. */
function planImageFiles(planned: readonly PlannedAd[], imagesDir: string): Map<string, VariantJob[]> {
  const jobs = new Map<string, VariantJob[]>();
  for (const { ad, images } of planned) {
    if (images.length === 0) continue;
    const urls: { url: string }[] = [];
    images.forEach((image, index) => {
      const path = join(imagesDir, `${ad.id}-${index}`);
      const extension = image.transform.format === "png" ? "png" : "jpg";
      urls.push({ url: pathToFileURL(`${path}.${extension}`).href });
      const list = jobs.get(image.photoId) ?? [];
      list.push({ transform: image.transform, path });
      jobs.set(image.photoId, list);
    });
    Object.assign(ad, { images: urls });
  }
  return jobs;
}

/** Identical re-posts (same photo, same transform) are the same bytes: encode once, copy the rest. */
async function writeVariants(base: BasePhoto, jobs: readonly VariantJob[]): Promise<void> {
  const first = new Map<string, VariantJob>();
  const copies: [VariantJob, VariantJob][] = [];
  for (const job of jobs) {
    const key = JSON.stringify(job.transform);
    const original = first.get(key);
    if (original) copies.push([original, job]);
    else first.set(key, job);
  }
  const written = new Map<VariantJob, string>();
  await Promise.all(
    [...first.values()].map(async (job) => written.set(job, await writeVariant(base, job.transform, job.path))),
  );
  await Promise.all(
    copies.map(([original, job]) => {
      const from = written.get(original) as string;
      return copyFile(from, `${job.path}${from.slice(from.lastIndexOf("."))}`);
    }),
  );
}

async function renderImages(jobs: Map<string, VariantJob[]>, options: CorpusOptions): Promise<number> {
  const groups = [...jobs.entries()];
  const total = groups.reduce((sum, [, list]) => sum + list.length, 0);
  let done = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < groups.length) {
      const [photoId, list] = groups[next++] as [string, VariantJob[]];
      const base = await renderBasePhoto(createRng(`${options.seed}:photo:${photoId}`), options.imageSize ?? 384);
      await writeVariants(base, list);
      done += list.length;
      options.onProgress?.({ phase: "images", done, total });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return total;
}

function toJsonl(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join("\n") + (values.length > 0 ? "\n" : "");
}

export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  if (!Number.isInteger(options.ads) || options.ads < 1) throw new RangeError("ads must be a positive integer");
  const out = resolve(options.out);
  const rng = createRng(options.seed);
  const phones = createPhoneFactory(rng.fork("phones"));
  const sources = createSources(rng.fork("sources"), phones);
  const contacts = createContactFactory(rng.fork("contacts"));
  const worldOptions = { ads: options.ads, days: options.days ?? 120 };
  const networks = createWorld({ rng: rng.fork("world"), phones, contacts, sources, options: worldOptions });
  const planned = planAds(rng.fork("ads"), networks, (done, total) =>
    options.onProgress?.({ phase: "plan", done, total }),
  );
  options.onProgress?.({ phase: "plan", done: planned.length, total: planned.length });
  await mkdir(out, { recursive: true });
  let images = 0;
  let imagesDir: string | undefined;
  if (options.images ?? true) {
    imagesDir = join(out, "images");
    await mkdir(imagesDir, { recursive: true });
    images = await renderImages(planImageFiles(planned, imagesDir), options);
  }
  const adsPath = join(out, "ads.jsonl");
  const truthPath = join(out, "truth.jsonl");
  await writeFile(adsPath, toJsonl(planned.map((entry) => entry.ad)));
  await writeFile(truthPath, toJsonl(planned.map((entry) => entry.truth)));
  options.onProgress?.({ phase: "write", done: planned.length, total: planned.length });
  return {
    ads: planned.length,
    networks: networks.length,
    personas: networks.reduce((sum, network) => sum + network.personas.length, 0),
    images,
    adsPath,
    truthPath,
    imagesDir,
  };
}
