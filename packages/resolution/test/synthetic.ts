/**
 * A small deterministic generator of ad features with ground truth, for order-independence tests
 * and the scaling benchmark. The real corpus generator (test/corpus) is richer; this one only needs
 * the structures resolution reasons about: personas, networks sharing a controller phone, phone
 * changes, reused photos with bit noise, templated text, and the confounders (a site number on every
 * ad of one source, stock photos, per-source disclaimers).
 */
import type { AdFeatures } from "../src/index.js";

export interface SyntheticAd {
  readonly features: AdFeatures;
  readonly persona: string;
  readonly network: string;
}

export interface SyntheticOptions {
  networks: number;
  seed?: number;
  /** Include photos (default true). */
  photos?: boolean;
}

export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomPdq(random: () => number): string {
  let hex = "";
  for (let index = 0; index < 64; index += 1) hex += Math.floor(random() * 16).toString(16);
  return hex;
}

/** Flips `bits` distinct bits of a 64-hex hash: a re-encoded or slightly cropped copy. */
export function perturbPdq(hex: string, bits: number, random: () => number): string {
  const nibbles = hex.split("").map((char) => Number.parseInt(char, 16));
  const flipped = new Set<number>();
  while (flipped.size < bits) flipped.add(Math.floor(random() * 256));
  for (const bit of flipped) {
    const at = bit >> 2;
    nibbles[at] = (nibbles[at] as number) ^ (1 << (bit & 3));
  }
  return nibbles.map((nibble) => nibble.toString(16)).join("");
}

const SYLLABLES = [
  "ma",
  "ri",
  "so",
  "la",
  "ve",
  "ni",
  "ta",
  "co",
  "lu",
  "na",
  "pe",
  "do",
  "ca",
  "mi",
  "sa",
  "be",
  "ro",
];
const NAMES = ["Maria", "Valentina", "Camila", "Sofia", "Daniela", "Lucia", "Paola", "Andrea", "Karla", "Yesenia"];

function word(random: () => number): string {
  const length = 2 + Math.floor(random() * 3);
  let text = "";
  for (let index = 0; index < length; index += 1) text += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return text;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const COUNTRIES = [
  { code: "GT", prefix: "+502", cities: ["Guatemala", "Mixco", "Antigua"] },
  { code: "PA", prefix: "+507", cities: ["Panama", "Colon", "David"] },
  { code: "CO", prefix: "+57", cities: ["Bogota", "Medellin", "Cali"] },
] as const;
type Country = (typeof COUNTRIES)[number];

function phone(random: () => number, country: Country = COUNTRIES[0]): string {
  return `${country.prefix}${Math.floor(30_000_000 + random() * 69_999_999)}`;
}

interface Persona {
  id: string;
  country: Country;
  name: string;
  age: number;
  phones: string[];
  photos: string[];
  words: string[];
}

function makePersona(random: () => number, id: string, context: { photos: boolean; country: Country }): Persona {
  const { country } = context;
  const withPhotos = context.photos;
  return {
    id,
    country,
    name: `${pick(random, NAMES)}${pick(random, ["", "", " Jose", " Fer"])}-${id}`,
    age: 19 + Math.floor(random() * 15),
    phones: [phone(random, country), phone(random, country)],
    photos: withPhotos ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomPdq(random)) : [],
    words: Array.from({ length: 28 }, () => word(random)),
  };
}

const SOURCES = ["site-a", "site-b", "site-c", "site-d"] as const;
const SITE_NUMBER = "+50222220000";

function makeAd(random: () => number, context: { persona: Persona; controller: string; index: number }): AdFeatures {
  const { persona, controller, index } = context;
  const source = pick(random, SOURCES);
  const words = persona.words.map((item) => (random() < 0.04 ? word(random) : item));
  const phones = [random() < 0.8 ? (persona.phones[0] as string) : (persona.phones[1] as string)];
  if (random() < 0.5) phones.push(controller);
  if (source === "site-a") phones.push(SITE_NUMBER);
  const photos = persona.photos
    .filter(() => random() < 0.7)
    .map((pdq) => ({ pdq: perturbPdq(pdq, Math.floor(random() * 14), random), quality: 90 }));
  if (photos.length > 0 && random() < 0.1)
    photos.push({ pdq: STOCK[Math.floor(random() * STOCK.length)] as string, quality: 95 });
  const disclaimer = `aviso legal ${source} todos los anuncios son publicados por adultos mayores de edad bajo su responsabilidad`;
  return {
    adId: `${persona.id}-ad${index}`,
    source,
    postedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 300))).toISOString(),
    country: persona.country.code,
    city: pick(random, persona.country.cities),
    phones,
    emails: [],
    handles: [],
    photos,
    text: `Hola soy ${persona.name.split("-")[0]} ${words.join(" ")} ${disclaimer}`,
    names: [persona.name],
    ages: [persona.age],
  };
}

const STOCK = ((): string[] => {
  const random = createRandom(99);
  return [randomPdq(random), randomPdq(random), randomPdq(random)];
})();

/** Networks of 1-4 personas with 2-8 ads each, in generation order (shuffle them to test order). */
export function generateAds(options: SyntheticOptions): SyntheticAd[] {
  const random = createRandom(options.seed ?? 1);
  const ads: SyntheticAd[] = [];
  for (let n = 0; n < options.networks; n += 1) {
    const country = pick(random, COUNTRIES);
    const controller = phone(random, country);
    const personas = 1 + Math.floor(random() * 4);
    for (let p = 0; p < personas; p += 1) {
      const persona = makePersona(random, `n${n}p${p}`, { photos: options.photos ?? true, country });
      const count = 2 + Math.floor(random() * 7);
      for (let index = 0; index < count; index += 1) {
        ads.push({ features: makeAd(random, { persona, controller, index }), persona: persona.id, network: `n${n}` });
      }
    }
  }
  return ads;
}

export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
