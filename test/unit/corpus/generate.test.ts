import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkMessage, TOPICS } from "@nexus/schemas";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TruthRecord } from "../../corpus/ads.js";
import { CONFOUNDERS } from "../../corpus/confounders.js";
import { generateCorpus } from "../../corpus/generate.js";

interface Ad {
  id: string;
  source: string;
  body: string;
  images?: { url: string }[];
}

const readLines = async <T>(path: string): Promise<T[]> =>
  (await readFile(path, "utf8"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as T);

let dir: string;
let ads: Ad[];
let truth: TruthRecord[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nexus-corpus-"));
  await generateCorpus({ ads: 600, seed: 42, out: join(dir, "text"), images: false });
  ads = await readLines<Ad>(join(dir, "text", "ads.jsonl"));
  truth = await readLines<TruthRecord>(join(dir, "text", "truth.jsonl"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("generateCorpus (text only)", () => {
  it("writes exactly the requested ads, valid raw ads with unique ids, one truth line each in order", () => {
    expect(ads).toHaveLength(600);
    expect(new Set(ads.map((ad) => ad.id)).size).toBe(600);
    expect(truth.map((line) => line.adId)).toEqual(ads.map((ad) => ad.id));
    for (const ad of ads) expect(checkMessage(TOPICS.adsRaw, ad).ok, ad.id).toBe(true);
  });

  it("is deterministic for a seed and differs across seeds", async () => {
    await generateCorpus({ ads: 600, seed: 42, out: join(dir, "again"), images: false });
    await generateCorpus({ ads: 600, seed: 43, out: join(dir, "other"), images: false });
    const first = await readFile(join(dir, "text", "ads.jsonl"), "utf8");
    expect(await readFile(join(dir, "again", "ads.jsonl"), "utf8")).toBe(first);
    expect(await readFile(join(dir, "again", "truth.jsonl"), "utf8")).toBe(
      await readFile(join(dir, "text", "truth.jsonl"), "utf8"),
    );
    expect(await readFile(join(dir, "other", "ads.jsonl"), "utf8")).not.toBe(first);
  });

  it("uses only numbers valid under max metadata, none shared across networks", () => {
    const networkOfPhone = new Map<string, string>();
    for (const line of truth) {
      for (const phone of line.phones) {
        expect(isValidPhoneNumber(phone), phone).toBe(true);
        expect(networkOfPhone.get(phone) ?? line.networkId, phone).toBe(line.networkId);
        networkOfPhone.set(phone, line.networkId);
      }
    }
  });

  it("prints handles and emails unique to one network, in the ad that lists them", () => {
    const networkOf = new Map<string, string>();
    const lines = truth.filter((line) => line.handles.length > 0 || line.emails.length > 0);
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      const body = ads.find((ad) => ad.id === line.adId)?.body ?? "";
      for (const key of [...line.handles, ...line.emails]) {
        expect(networkOf.get(key) ?? line.networkId, key).toBe(line.networkId);
        networkOf.set(key, line.networkId);
      }
      for (const handle of line.handles) expect(body).toContain(handle.slice(handle.indexOf(":") + 1));
      for (const email of line.emails) expect(body).toContain(email.slice(0, email.indexOf("@")));
    }
  });

  it("ties every persona of a multi-persona network in through a shared controller number", () => {
    const personasOfPhone = new Map<string, Set<string>>();
    for (const line of truth)
      for (const phone of line.phones)
        personasOfPhone.set(phone, (personasOfPhone.get(phone) ?? new Set()).add(line.personaId));
    const personasOfNetwork = new Map<string, Set<string>>();
    for (const line of truth)
      personasOfNetwork.set(line.networkId, (personasOfNetwork.get(line.networkId) ?? new Set()).add(line.personaId));
    const multi = [...personasOfNetwork.values()].filter((personas) => personas.size > 1);
    expect(multi.length).toBeGreaterThan(5);
    for (const personas of multi) {
      const shared = [...personasOfPhone.values()].find((owners) =>
        [...personas].every((persona) => owners.has(persona)),
      );
      expect(shared).toBeDefined();
    }
  });

  it("gives every ad its own phone or its own photo, so each is linkable in principle", () => {
    const personasOfPhone = new Map<string, Set<string>>();
    for (const line of truth)
      for (const phone of line.phones)
        personasOfPhone.set(phone, (personasOfPhone.get(phone) ?? new Set()).add(line.personaId));
    for (const line of truth) {
      const ownPhone = line.phones.some((phone) => personasOfPhone.get(phone)?.size === 1);
      const ownPhoto = line.photos.some((photo) => photo.startsWith(`${line.personaId}/`));
      expect(ownPhone || ownPhoto, line.adId).toBe(true);
    }
  });

  it("prints each site's own footer with its support number on every ad it hosts", () => {
    const footers = new Map<string, Set<string>>();
    for (const ad of ads)
      footers.set(ad.source, (footers.get(ad.source) ?? new Set()).add(ad.body.split("\n").at(-1) as string));
    for (const [source, lines] of footers) {
      expect(lines.size, source).toBe(1);
      expect([...lines][0], source).toMatch(/\d{3}/);
    }
  });

  it("includes every confounder and the hard cases", () => {
    const confounders = new Set(truth.flatMap((line) => line.confounders));
    for (const kind of Object.values(CONFOUNDERS)) expect(confounders.has(kind), kind).toBe(true);
    const challenges = new Set(truth.flatMap((line) => line.challenges));
    for (const kind of [
      "phone-changed",
      "foreign-phone",
      "controller-only",
      "obfuscated:spelled-es",
      "obfuscated:keycap",
    ]) {
      expect(challenges.has(kind), kind).toBe(true);
    }
    const stockUsers = new Set(
      truth.filter((line) => line.confounders.includes("stock-photo")).map((line) => line.networkId),
    );
    expect(stockUsers.size).toBeGreaterThan(1);
    const adsPerNetwork = new Map<string, number>();
    for (const line of truth) adsPerNetwork.set(line.networkId, (adsPerNetwork.get(line.networkId) ?? 0) + 1);
    expect([...adsPerNetwork.values()].filter((count) => count === 1).length, "singletons").toBeGreaterThan(5);
  });
});

/** 64-bit average hash over an 8x8 greyscale thumbnail: crude, but enough to tell photos apart. */
async function averageHash(path: string): Promise<boolean[]> {
  const pixels = await sharp(path).greyscale().resize(8, 8, { fit: "fill" }).raw().toBuffer();
  const mean = pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
  return [...pixels].map((value) => value > mean);
}

const distance = (a: boolean[], b: boolean[]): number => a.filter((bit, index) => bit !== b[index]).length;

describe("generateCorpus (with images)", () => {
  it("renders the same bytes for a seed; re-posts of a photo stay closer than unrelated photos", async () => {
    const [first, second] = [join(dir, "img-a"), join(dir, "img-b")];
    await generateCorpus({ ads: 40, seed: 9, out: first, imageSize: 96 });
    await generateCorpus({ ads: 40, seed: 9, out: second, imageSize: 96 });
    const files = await readdir(join(first, "images"));
    for (const file of files.slice(0, 20)) {
      expect(
        (await readFile(join(second, "images", file))).equals(await readFile(join(first, "images", file))),
        file,
      ).toBe(true);
    }
    const lines = await readLines<TruthRecord>(join(first, "truth.jsonl"));
    const adsWithImages = await readLines<Ad>(join(first, "ads.jsonl"));
    const shots: { photo: string; hash: boolean[] }[] = [];
    for (const [index, ad] of adsWithImages.entries()) {
      const photos = (lines[index] as TruthRecord).photos;
      for (const [position, image] of (ad.images ?? []).entries()) {
        shots.push({ photo: photos[position] as string, hash: await averageHash(fileURLToPath(image.url)) });
      }
    }
    const same: number[] = [];
    const different: number[] = [];
    for (let a = 0; a < shots.length; a++) {
      for (let b = a + 1; b < shots.length; b++) {
        const [x, y] = [shots[a], shots[b]] as [(typeof shots)[number], (typeof shots)[number]];
        (x.photo === y.photo ? same : different).push(distance(x.hash, y.hash));
      }
    }
    const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(same.length).toBeGreaterThan(10);
    expect(mean(same) + 8).toBeLessThan(mean(different));
  });

  it("renders each ad's photos as decodable files and keeps the truth of the text-only run", async () => {
    const out = join(dir, "images");
    const summary = await generateCorpus({ ads: 40, seed: 42, out, imageSize: 96 });
    const withImages = await readLines<Ad>(join(out, "ads.jsonl"));
    const urls = withImages.flatMap((ad) => ad.images ?? []).map((image) => image.url);
    expect(urls.length).toBe(summary.images);
    expect((await readdir(join(out, "images"))).length).toBe(urls.length);
    for (const url of urls.slice(0, 10)) {
      const meta = await sharp(fileURLToPath(url)).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeGreaterThanOrEqual(40);
    }
    await generateCorpus({ ads: 40, seed: 42, out: join(dir, "images-text"), images: false });
    expect(await readFile(join(out, "truth.jsonl"), "utf8")).toBe(
      await readFile(join(dir, "images-text", "truth.jsonl"), "utf8"),
    );
  });
});
