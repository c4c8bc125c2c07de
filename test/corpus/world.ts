/**
 * The hidden truth behind a corpus: networks (a controller) of personas (advertised persons), each
 * persona with its name variants, age, city, phones over time, photos, sites and writing voice.
 * Pure planning: no I/O; ads and images are derived from this afterwards.
 */
import { BOILERPLATE, SHARED_TEMPLATES, type Source, STOCK_PHOTO_COUNT } from "./confounders.js";
import type { ContactFactory, Handle } from "./handles.js";
import { type CountryCode, type PersonaName, pickCity, pickName } from "./names.js";
import { type PhoneStyle, STYLE_WEIGHTS } from "./obfuscation.js";
import type { Phone, PhoneFactory } from "./phones.js";
import type { Rng } from "./rng.js";
import { createVoice, type Language, type Voice } from "./text.js";

export interface Persona {
  id: string;
  networkId: string;
  name: PersonaName;
  age: number;
  language: Language;
  country: CountryCode;
  nationality: CountryCode;
  city: string;
  /** Own numbers in the order used; with two, the second replaces the first at `phoneChangeAt`. */
  phones: readonly Phone[];
  phoneChangeAt: number;
  photoIds: readonly string[];
  /** Stock photos this persona pads its ads with, if any. */
  stockPhotoIds: readonly string[];
  sources: readonly Source[];
  voice: Voice;
  phoneStyle: PhoneStyle;
  disclaimer: string | undefined;
  sharedTemplate: string | undefined;
  handle: Handle | undefined;
  email: string | undefined;
  adCount: number;
  /** Day offset of the first ad and the span the ads are spread over. */
  firstDay: number;
  spanDays: number;
}

export interface Network {
  id: string;
  controllerPhone: Phone | undefined;
  /** A booking handle the controller sometimes adds to its personas' ads. */
  controllerHandle: Handle | undefined;
  personas: Persona[];
}

export interface WorldOptions {
  ads: number;
  days: number;
}

const COUNTRY_WEIGHTS: readonly (readonly [CountryCode, number])[] = [
  ["GT", 22],
  ["PA", 15],
  ["CO", 20],
  ["VE", 9],
  ["EC", 10],
  ["MX", 15],
  ["US", 9],
];
const NETWORK_SIZES: readonly (readonly [number, number])[] = [
  [1, 58],
  [2, 14],
  [3, 11],
  [4, 8],
  [5, 5],
  [6, 4],
];

function drawAdCount(rng: Rng): number {
  const bucket = rng.weighted<readonly [number, number]>([
    [[1, 1], 26],
    [[2, 4], 34],
    [[5, 9], 28],
    [[10, 15], 12],
  ]);
  return rng.int(bucket[0], bucket[1]);
}

function drawNationality(rng: Rng, country: CountryCode): CountryCode {
  if (country === "US" || country === "VE") return country;
  const migrantShare = country === "PA" || country === "CO" || country === "EC" ? 0.3 : 0.12;
  if (rng.chance(migrantShare)) return "VE";
  if (country !== "CO" && rng.chance(0.12)) return "CO";
  return country;
}

export interface WorldContext {
  rng: Rng;
  phones: PhoneFactory;
  contacts: ContactFactory;
  sources: readonly Source[];
  options: WorldOptions;
}

interface NetworkPlan {
  id: string;
  country: CountryCode;
  language: Language;
  voice: Voice;
}

function createPersona(context: WorldContext, network: NetworkPlan, index: number): Persona {
  const { rng, phones, contacts, sources, options } = context;
  const country = rng.chance(0.85) ? network.country : rng.weighted(COUNTRY_WEIGHTS);
  const language: Language = country === "US" ? (rng.chance(0.85) ? "en" : "es") : network.language;
  const nationality = drawNationality(rng, country);
  const phoneCountry = nationality !== country && rng.chance(0.5) ? nationality : country;
  const adCount = drawAdCount(rng);
  const changes = adCount >= 3 && rng.chance(0.25);
  const id = `persona-${String(index).padStart(5, "0")}`;
  const hosting = sources.filter((source) => source.countries.includes(country));
  const spanDays = rng.int(3, Math.min(options.days, 12 * 7));
  const name = pickName(rng, language);
  const age = rng.weighted([
    [rng.int(18, 22), 45],
    [rng.int(23, 29), 40],
    [rng.int(30, 42), 15],
  ]);
  return {
    id,
    networkId: network.id,
    name,
    age,
    language,
    country,
    nationality,
    city: pickCity(rng, country),
    phones: changes ? [phones.create(phoneCountry), phones.create(phoneCountry)] : [phones.create(phoneCountry)],
    phoneChangeAt: changes ? rng.int(1, adCount - 1) : adCount,
    photoIds: Array.from({ length: rng.int(1, 3) }, (_, photo) => `${id}/${photo}`),
    stockPhotoIds: rng.chance(0.15) ? [`stock/${rng.int(0, STOCK_PHOTO_COUNT - 1)}`] : [],
    sources: rng.shuffle(hosting).slice(
      0,
      rng.weighted([
        [1, 50],
        [2, 35],
        [3, 15],
      ]),
    ),
    voice: createVoice(rng, language, network.voice),
    phoneStyle: rng.weighted(STYLE_WEIGHTS),
    disclaimer: rng.chance(0.45) ? rng.pick(BOILERPLATE[language]) : undefined,
    sharedTemplate: rng.chance(0.08) ? rng.pick(SHARED_TEMPLATES[language]) : undefined,
    handle: rng.chance(0.35) ? contacts.handle(name, age) : undefined,
    email: rng.chance(0.12) ? contacts.email(name, age) : undefined,
    adCount,
    firstDay: rng.int(0, Math.max(0, options.days - spanDays)),
    spanDays,
  };
}

/** Draws networks until their ads reach the requested count, then trims the last persona to fit. */
export function createWorld(context: WorldContext): Network[] {
  const { rng, phones, options } = context;
  const networks: Network[] = [];
  let total = 0;
  let personaIndex = 0;
  while (total < options.ads) {
    const country = rng.weighted(COUNTRY_WEIGHTS);
    const plan: NetworkPlan = {
      id: `network-${String(networks.length).padStart(5, "0")}`,
      country,
      language: country === "US" || rng.chance(0.06) ? "en" : "es",
      voice: createVoice(rng, country === "US" ? "en" : "es"),
    };
    const size = rng.weighted(NETWORK_SIZES);
    // Many independent advertisers post once and never again: the singletons.
    const singleton = size === 1 && rng.chance(0.4);
    const personas: Persona[] = [];
    for (let member = 0; member < size && total < options.ads; member++) {
      const persona = createPersona(context, plan, personaIndex++);
      persona.adCount = singleton ? 1 : Math.min(persona.adCount, options.ads - total);
      persona.phoneChangeAt = Math.min(persona.phoneChangeAt, persona.adCount);
      total += persona.adCount;
      personas.push(persona);
    }
    const controllerPhone = personas.length > 1 ? phones.create(country) : undefined;
    const controllerHandle = personas.length > 1 && rng.chance(0.2) ? context.contacts.handle(undefined, 0) : undefined;
    networks.push({ id: plan.id, controllerPhone, controllerHandle, personas });
  }
  return networks;
}
