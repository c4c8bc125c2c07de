/**
 * Resolution quality on a generated corpus, straight through the pure packages (extraction, image
 * hashing, resolution) without the pipeline: B-cubed and pairwise scores at network and persona
 * level beside a phone-only baseline (ads sharing an extracted phone, connected), plus an
 * arrival-order check. Features are cached in DIR/features.jsonl so tuning runs are quick.
 *
 *   npx tsx --conditions=nexus-source bench/resolution-quality.ts --ads 3000 --seed 42 [--no-images] [--dir DIR]
 *     [--config JSON] [--no-order]
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractContacts } from "@nexus/extraction";
import { createImageHasher } from "@nexus/image-input";
import {
  type AdFeatures,
  createResolver,
  type Layer,
  type ResolutionConfigOverrides,
  type Resolver,
} from "@nexus/resolution";
import { scoreClustering } from "../packages/resolution/test/metrics.js";
import { shuffle } from "../packages/resolution/test/synthetic.js";
import { generateCorpus } from "../test/corpus/generate.js";

interface RawAd {
  id: string;
  source: string;
  postedAt?: string;
  title?: string;
  body: string;
  country?: string;
  city?: string;
  images?: { url: string }[];
}
interface Truth {
  adId: string;
  personaId: string;
  networkId: string;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const readJsonl = async <T>(path: string): Promise<T[]> =>
  (await readFile(path, "utf8"))
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);

async function toFeatures(ad: RawAd, hasher: ReturnType<typeof createImageHasher>): Promise<AdFeatures> {
  const text = ad.title ? `${ad.title}\n${ad.body}` : ad.body;
  const found = extractContacts(text, ad.country ? { country: ad.country } : {});
  const photos: AdFeatures["photos"] = [];
  for (const image of ad.images ?? []) {
    try {
      const hashed = await hasher.hash(image);
      photos.push({ pdq: hashed.pdq, quality: hashed.quality, dihedral: hashed.dihedral });
    } catch {
      // An unreadable image is simply no evidence.
    }
  }
  return {
    adId: ad.id,
    source: ad.source,
    ...(ad.postedAt ? { postedAt: ad.postedAt } : {}),
    ...(ad.country ? { country: ad.country } : {}),
    ...(ad.city ? { city: ad.city } : {}),
    phones: [...new Set(found.phones.map((phone) => phone.e164))],
    emails: [...new Set(found.emails.map((email) => email.value))],
    handles: [...new Set(found.handles.map((handle) => `${handle.platform}:${handle.value}`))],
    photos,
    text,
    names: [...new Set(found.names.map((name) => name.value))],
    ages: [...new Set(found.ages.map((age) => age.value))],
  };
}

async function loadFeatures(
  dir: string,
  options: { ads: number; seed: number; images: boolean },
): Promise<AdFeatures[]> {
  const cache = join(dir, "features.jsonl");
  if (existsSync(cache)) return readJsonl<AdFeatures>(cache);
  if (!existsSync(join(dir, "ads.jsonl"))) await generateCorpus({ ...options, out: dir });
  const hasher = createImageHasher({ allowFile: true });
  const features: AdFeatures[] = [];
  for (const ad of await readJsonl<RawAd>(join(dir, "ads.jsonl"))) features.push(await toFeatures(ad, hasher));
  await writeFile(cache, `${features.map((item) => JSON.stringify(item)).join("\n")}\n`);
  return features;
}

function labels(resolver: Resolver, layer: Layer): Map<string, string> {
  const map = new Map<string, string>();
  for (const entity of resolver.entities(layer)) for (const adId of entity.adIds) map.set(adId, entity.id);
  return map;
}

function phoneBaseline(features: readonly AdFeatures[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x) as string;
    return x;
  };
  const owner = new Map<string, string>();
  for (const ad of features) {
    parent.set(ad.adId, ad.adId);
    for (const phone of ad.phones) {
      const other = owner.get(phone);
      if (other === undefined) owner.set(phone, ad.adId);
      else parent.set(find(ad.adId), find(other));
    }
  }
  return new Map(features.map((ad) => [ad.adId, find(ad.adId)]));
}

const row = (name: string, s: ReturnType<typeof scoreClustering>): string =>
  `| ${name} | ${s.bcubedPrecision.toFixed(3)} | ${s.bcubedRecall.toFixed(3)} | ${s.bcubedF1.toFixed(3)} | ${s.pairwisePrecision.toFixed(3)} | ${s.pairwiseRecall.toFixed(3)} |`;

const canonical = (resolver: Resolver, layer: Layer): string =>
  resolver
    .entities(layer)
    .map((entity) => entity.adIds.join(","))
    .sort()
    .join("\n");

async function main(): Promise<void> {
  const ads = Number(option("ads", "3000"));
  const seed = Number(option("seed", "42"));
  const images = !process.argv.includes("--no-images");
  const dir = option("dir", join(tmpdir(), `nexus-resolution-${ads}-${seed}-${images ? "img" : "txt"}`));
  const features = await loadFeatures(dir, { ads, seed, images });
  const truth = await readJsonl<Truth>(join(dir, "truth.jsonl"));
  const networks = new Map(truth.map((item) => [item.adId, item.networkId]));
  const personas = new Map(truth.map((item) => [item.adId, item.personaId]));
  const started = performance.now();
  // --config '{"personaThreshold":13}' tries other settings without editing the defaults.
  const config = JSON.parse(option("config", "{}")) as ResolutionConfigOverrides;
  const resolver = createResolver(config);
  for (const ad of features) resolver.ingest(ad);
  const ms = performance.now() - started;
  console.log(
    `${features.length} ads (${images ? "with" : "without"} images) from ${dir}; resolved in ${ms.toFixed(0)} ms`,
  );
  console.log(
    "\n| clustering | B3 precision | B3 recall | B3 F1 | pairwise precision | pairwise recall |\n|---|---:|---:|---:|---:|---:|",
  );
  console.log(row("network (Nexus)", scoreClustering(labels(resolver, "network"), networks)));
  console.log(row("network (phone-only baseline)", scoreClustering(phoneBaseline(features), networks)));
  console.log(row("persona (Nexus)", scoreClustering(labels(resolver, "persona"), personas)));
  const demoted = new Map<string, number>();
  for (const demotion of resolver.generics()) demoted.set(demotion.kind, (demoted.get(demotion.kind) ?? 0) + 1);
  console.log(
    `\ndemotions: ${JSON.stringify(Object.fromEntries(demoted))}; stats: ${JSON.stringify(resolver.stats())}`,
  );
  if (!process.argv.includes("--no-order")) {
    const reference = [canonical(resolver, "network"), canonical(resolver, "persona")];
    const same = [1, 2, 3].map((shuffleSeed) => {
      const shuffled = createResolver(config);
      for (const ad of shuffle(features, shuffleSeed)) shuffled.ingest(ad);
      return canonical(shuffled, "network") === reference[0] && canonical(shuffled, "persona") === reference[1];
    });
    console.log(`same partition after 3 shuffles: ${same.join(", ")}`);
  }
}

await main();
