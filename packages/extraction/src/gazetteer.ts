/**
 * Place names of the world, for telling which country an ad is from: cities (with their population)
 * and their provinces or states from `city-timezones` (Natural Earth's populated places, ~7,300
 * cities), and country names and aliases from `countries-list`. The index is built on first use.
 */
import cityTimezones from "city-timezones";
import { countries } from "countries-list";
import { type PrefixFilter, wordFilter } from "./word-prefixes.js";

export const PlaceKind = { city: "city", region: "region", country: "country" } as const;
export type PlaceKind = (typeof PlaceKind)[keyof typeof PlaceKind];

export interface Place {
  /** The name as the data writes it ("Montréal"). */
  name: string;
  country: string;
  kind: PlaceKind;
  /** This place's share of the population of every indexed place with the same key (0..1]. */
  share: number;
}

/** A place name found in a text: folded offsets [from, to) and the places it may be. */
export interface PlaceHit {
  from: number;
  to: number;
  key: string;
  places: readonly Place[];
}

// Single-word cities smaller than this are left out of text matching: their names are too often words.
const MIN_POPULATION_ONE_WORD = 100_000;
const MIN_POPULATION_MANY_WORDS = 30_000;
const MAX_WORDS = 3;

// City, region and country names that are also everyday English or Spanish words, or first names
// more often than places, are not evidence in running text (a `city` field still is). Big cities that
// are also names ("Sydney", "Paris") stay: an introduced name ("I'm Sydney") is skipped by the caller.
const COMMON_WORDS = new Set(
  `alice allen bath bend brandon bryan buy chester como concord david dolores douglas dover elk eugene georgia
  granada helena independence jackson laurel leo lincoln logan lowell male man mango marion mary medina merced
  mobile monroe nelson nice norman orange pilar reading regina rosario sale salem santos sherman soledad split
  springs sur temple tours tyler van washington winona york aurora central western eastern northern southern
  capital north south east west federal distrito centro norte oriente occidente columbia china chad jordan niger
  guinea turkey israel lima cali leon colon`.split(/\s+/),
);

/** Lower-case ASCII words joined by single spaces: "St. John's" → "st john s", "Montréal" → "montreal". */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]+/g, " ")
    .trim();
}

interface Entry {
  place: Omit<Place, "share">;
  population: number;
}

function addEntry(byKey: Map<string, Entry[]>, key: string, entry: Entry): void {
  if (key.length < 3) return;
  const list = byKey.get(key) ?? [];
  const same = list.find((e) => e.place.country === entry.place.country && e.place.kind === entry.place.kind);
  if (same) same.population += entry.population;
  else list.push(entry);
  byKey.set(key, list);
}

function cityEntries(byKey: Map<string, Entry[]>, minimum: (key: string) => number): void {
  for (const c of cityTimezones.cityMapping) {
    const key = placeKey(c.city_ascii || c.city);
    if (c.pop >= minimum(key))
      addEntry(byKey, key, { place: { name: c.city, country: c.iso2, kind: "city" }, population: c.pop });
    const region = placeKey(c.province ?? "");
    if (region.length >= 5)
      addEntry(byKey, region, { place: { name: c.province, country: c.iso2, kind: "region" }, population: c.pop });
  }
}

function countryEntries(byKey: Map<string, Entry[]>): void {
  for (const [code, data] of Object.entries(countries)) {
    const names = [data.name, data.native, ...("alias" in data && data.alias ? data.alias : [])];
    for (const name of new Set(names.map(placeKey))) {
      if (name.length >= 4 || name === "uk" || name === "usa")
        addEntry(byKey, name, { place: { name: data.name, country: code, kind: "country" }, population: 1e9 });
    }
  }
}

function withShares(byKey: Map<string, Entry[]>, skip: (key: string) => boolean): Map<string, Place[]> {
  const index = new Map<string, Place[]>();
  for (const [key, entries] of byKey) {
    if (skip(key)) continue;
    const total = entries.reduce((acc, e) => acc + Math.max(1, e.population), 0);
    index.set(
      key,
      entries.map((e) => ({ ...e.place, share: Math.max(1, e.population) / total })),
    );
  }
  return index;
}

let textIndex: Map<string, Place[]> | undefined;
let fieldIndex: Map<string, Place[]> | undefined;

/** Places as running text may name them: big or multi-word cities, regions, countries; no common words. */
function textPlaces(): Map<string, Place[]> {
  if (!textIndex) {
    const byKey = new Map<string, Entry[]>();
    cityEntries(byKey, (key) => (key.includes(" ") ? MIN_POPULATION_MANY_WORDS : MIN_POPULATION_ONE_WORD));
    countryEntries(byKey);
    textIndex = withShares(byKey, (key) => COMMON_WORDS.has(key));
  }
  return textIndex;
}

/** Places as an ad's `city` field names them: every city, whatever its size or name. */
function fieldPlaces(): Map<string, Place[]> {
  if (!fieldIndex) {
    const byKey = new Map<string, Entry[]>();
    cityEntries(byKey, () => 0);
    countryEntries(byKey);
    fieldIndex = withShares(byKey, () => false);
  }
  return fieldIndex;
}

let populations: Map<string, number> | undefined;

/** A country's population as the data knows it (the sum of its cities'): the size of its ad market. */
export function populationOf(country: string): number {
  if (!populations) {
    populations = new Map();
    for (const c of cityTimezones.cityMapping) populations.set(c.iso2, (populations.get(c.iso2) ?? 0) + c.pop);
  }
  return populations.get(country) ?? 0;
}

const fieldCache = new Map<string, readonly Place[]>();

/** The places a `city` field names: the whole value, else its first comma-separated part. */
export function placesOfField(value: string): readonly Place[] {
  let places = fieldCache.get(value);
  if (!places) {
    const index = fieldPlaces();
    places = index.get(placeKey(value)) ?? index.get(placeKey(value.split(",")[0] ?? "")) ?? [];
    if (fieldCache.size > 4096) fieldCache.clear();
    fieldCache.set(value, places);
  }
  return places;
}

let firstWords: Set<string> | undefined;
let firstPrefixes: PrefixFilter | undefined;

/** First words of the multi-word names, so that most words need one lookup only. */
function startsOfLongNames(index: ReadonlyMap<string, Place[]>): Set<string> {
  if (!firstWords) {
    firstWords = new Set();
    for (const key of index.keys()) {
      const space = key.indexOf(" ");
      if (space > 0) firstWords.add(key.slice(0, space));
    }
    // Single-word names and the first words of longer ones.
    firstPrefixes = wordFilter([...index.keys()].map((key) => key.split(" ")[0] ?? key));
  }
  return firstWords;
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** End of the word starting at `from`. */
function wordEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isLetter(text.charCodeAt(end))) end++;
  return end;
}

/** Start of the next word of a name after `end`: one or two of " .'-" in between ("st. louis"), else -1. */
function nextNameWord(text: string, end: number): number {
  for (let k = end; k < end + 3 && k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (isLetter(code)) return k > end ? k : -1;
    if (code !== 32 && code !== 46 && code !== 39 && code !== 45) return -1;
  }
  return -1;
}

/** Place names in folded text, longest first at each word ("new york" before "york"). */
export function findPlaceNames(text: string): PlaceHit[] {
  const index = textPlaces();
  const starts = startsOfLongNames(index);
  const hits: PlaceHit[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i)) || (i > 0 && isLetter(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    if (!firstPrefixes?.mayHave(text, i, end)) {
      i = end;
      continue;
    }
    let key = text.slice(i, end);
    let found: PlaceHit | undefined;
    const single = end - i >= 3 ? index.get(key) : undefined;
    if (single) found = { from: i, to: end, key, places: single };
    let to = end;
    const long = starts.has(key);
    for (let n = 1; long && n < MAX_WORDS; n++) {
      const next = nextNameWord(text, to);
      if (next < 0) break;
      to = wordEnd(text, next);
      key = `${key} ${text.slice(next, to)}`;
      const places = index.get(key);
      if (places) found = { from: i, to, key, places };
    }
    if (found) hits.push(found);
    i = found ? found.to : end;
  }
  return hits;
}
