import type { EsAdInput } from "../src/index.js";

/** 64 hex digits with the first `flips` bits of `base` inverted: a hash at a known Hamming distance. */
export function flipBits(base: string, flips: number): string {
  const bits = [...base].flatMap((h) => Number.parseInt(h, 16).toString(2).padStart(4, "0").split(""));
  for (let i = 0; i < flips; i++) bits[i] = bits[i] === "1" ? "0" : "1";
  let out = "";
  for (let i = 0; i < bits.length; i += 4) out += Number.parseInt(bits.slice(i, i + 4).join(""), 2).toString(16);
  return out;
}

export const PHOTO = "a5".repeat(32);
export const OTHER_PHOTO = "3c".repeat(32);

/** A small corpus: Spanish and English, accents, an obfuscated phone, two photos. */
export const ADS: readonly EsAdInput[] = [
  {
    adId: "ad-1",
    source: "SiteA",
    title: "Masajes relajantes en Bogotá",
    body: "Hola, soy Valentina 😘 masajes con aceites, llámame al tres cero cero 1234567",
    country: "co",
    city: "Bogotá",
    postedAt: "2026-01-05T10:00:00Z",
    phones: ["+573001234567"],
    personaId: "p-1",
    networkId: "n-1",
    pdq: [PHOTO],
  },
  {
    adId: "ad-2",
    source: "sitea",
    title: "Nueva en la ciudad",
    body: "Chica nueva, masaje completo, zona norte. Niñas lindas.",
    country: "CO",
    city: "bogota",
    postedAt: "2026-02-01T10:00:00Z",
    personaId: "p-2",
    networkId: "n-1",
  },
  {
    adId: "ad-3",
    source: "SiteB",
    title: "Relaxing massages downtown",
    body: "New girl in town, relaxing massages, call me",
    country: "PA",
    city: "Panamá",
    postedAt: "2026-03-01T10:00:00Z",
    phones: ["+50761234567"],
    personaId: "p-3",
    networkId: "n-3",
    pdq: [OTHER_PHOTO],
  },
];
