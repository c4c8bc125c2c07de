/**
 * Deterministic synthetic ads for the search benchmarks: templated Spanish (80%) and English text,
 * obfuscated phone numbers, names, cities, and invented words so the vocabulary is as large and
 * noisy as scraped ads (typos, nicknames).
 */
import type { SearchDocument } from "@nexus/search-index";
import { createRng } from "../test/corpus/rng.js";

/** The corpus generator's seeded mulberry32: same seed, same numbers. */
export function prng(seed: number): () => number {
  return createRng(seed).next;
}

const ES = {
  openers: ["Hola amor", "Hola papi", "Bienvenidos", "Hola caballeros", "Nueva en la ciudad", "Recién llegada"],
  adjectives: [
    "hermosa",
    "cariñosa",
    "discreta",
    "complaciente",
    "jovencita",
    "morena",
    "rubia",
    "elegante",
    "educada",
    "ardiente",
    "sexy",
    "colombiana",
    "venezolana",
    "tierna",
  ],
  services: [
    "masajes relajantes",
    "compañía para eventos",
    "atención a domicilio",
    "salidas a hotel",
    "videollamadas",
    "cenas y viajes",
    "trato de novios",
  ],
  closers: [
    "Escríbeme al WhatsApp",
    "Llámame ya",
    "Solo caballeros educados",
    "Atiendo 24 horas",
    "Fotos reales 100%",
    "Sin prisas",
  ],
};
const EN = {
  openers: ["Hi gentlemen", "New in town", "Hello darling", "Sweet girl here"],
  adjectives: ["beautiful", "discreet", "young", "petite", "friendly", "latina", "sexy", "classy"],
  services: ["relaxing massages", "dinner dates", "outcalls to hotels", "girlfriend experience", "video calls"],
  closers: ["Text me on WhatsApp", "Call me now", "Real photos", "Available 24/7"],
};
const PLACES = [
  ["GT", "Guatemala"],
  ["GT", "Mixco"],
  ["PA", "Panamá"],
  ["PA", "Colón"],
  ["CO", "Bogotá"],
  ["CO", "Medellín"],
  ["CO", "Cali"],
  ["VE", "Caracas"],
  ["VE", "Maracaibo"],
  ["EC", "Quito"],
  ["EC", "Guayaquil"],
  ["MX", "CDMX"],
] as const;
const SOURCES = ["siteA", "siteB", "siteC", "siteD"];
const KEYCAP = (d: string) => `${d}\uFE0F\u20E3`;
const FULLWIDTH = (d: string) => String.fromCharCode(0xff10 + Number(d));

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function inventedWord(rnd: () => number): string {
  const syl = ["ka", "la", "mi", "ro", "sa", "te", "na", "li", "vo", "ce", "du", "ri", "bel", "yan", "tis"];
  let w = "";
  const n = 2 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) w += pick(rnd, syl);
  return w;
}

function writePhone(rnd: () => number, national: string): string {
  const style = Math.floor(rnd() * 4);
  if (style === 0) return national.replace(/(\d{4})(?=\d)/g, "$1 ");
  if (style === 1) return [...national].map(KEYCAP).join("");
  if (style === 2) return [...national].map(FULLWIDTH).join("");
  return national.replace(/(\d{2})(?=\d)/g, "$1 ❤️ ");
}

/** `count` ads, the same for the same seed. */
export function syntheticAds(count: number, seed = 42): SearchDocument[] {
  const rnd = prng(seed);
  const names = Array.from({ length: 20_000 }, () => inventedWord(rnd));
  const ads: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const en = rnd() < 0.2;
    const t = en ? EN : ES;
    const [country, city] = pick(rnd, PLACES);
    const national = String(30_000_000 + Math.floor(rnd() * 69_999_999));
    const name = pick(rnd, names);
    const body = [
      `${pick(rnd, t.openers)}, ${en ? "I am" : "soy"} ${name}, ${pick(rnd, t.adjectives)} ${en ? "and" : "y"} ${pick(rnd, t.adjectives)}.`,
      `${pick(rnd, t.services)}, ${pick(rnd, t.services)} ${en ? "in" : "en"} ${city}.`,
      `${pick(rnd, t.closers)} ${writePhone(rnd, national)} ${pick(rnd, names)} ${pick(rnd, names)}`,
    ].join(" ");
    const ad: SearchDocument = {
      id: `ad-${String(i).padStart(7, "0")}`,
      title: `${pick(rnd, t.adjectives)} ${name}`,
      body,
      country,
      city,
      source: pick(rnd, SOURCES),
      postedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 300) * 86_400_000).toISOString(),
      ...(rnd() < 0.8 ? { phones: [`+57${national}`] } : {}),
    };
    ads.push(ad);
  }
  return ads;
}
