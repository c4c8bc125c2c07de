import type { AdFeatures, Resolver } from "../src/index.js";

const DEFAULTS: Omit<AdFeatures, "adId"> = {
  source: "site-a",
  phones: [],
  emails: [],
  handles: [],
  photos: [],
  text: "",
  names: [],
  ages: [],
};

export function ad(adId: string, fields: Partial<AdFeatures> = {}): AdFeatures {
  return { ...DEFAULTS, adId, ...fields };
}

/** A fixed 64-hex hash from a small seed (distinct seeds are ~128 bits apart). */
export function hash(seed: number): string {
  let state = seed * 2654435761;
  let hex = "";
  for (let index = 0; index < 64; index += 1) {
    state = (Math.imul(state ^ (state >>> 13), 1274126177) + index) >>> 0;
    hex += (state >>> 28).toString(16);
  }
  return hex;
}

/** Flips the lowest bit of the first `bits` nibbles: Hamming distance exactly `bits`. */
export function nearCopy(hex: string, bits: number): string {
  return hex
    .split("")
    .map((char, index) => (index < bits ? (Number.parseInt(char, 16) ^ 1).toString(16) : char))
    .join("");
}

export function photo(pdq: string, quality = 90): { pdq: string; quality: number } {
  return { pdq, quality };
}

export function networkOf(resolver: Resolver, adId: string): string | undefined {
  return resolver.entityOfAd(adId)?.id;
}

export function personaOf(resolver: Resolver, adId: string): string | undefined {
  return resolver.entityOfAd(adId, "persona")?.id;
}

/** Distinct long texts: near-duplicates of one base differ in a word or two. */
export const TEXT = {
  valentina:
    "Hola amores soy Valentina colombiana recien llegada a la ciudad atiendo en hotel o apartamento privado trato de novios sin prisa escribeme por whatsapp y cuadramos besos",
  valentinaAgain:
    "Hola amores soy Valentina colombiana recien llegada a la ciudad atiendo en hotel o apartamento privado trato de novios sin prisa escribeme por whatsapp y cuadramos besitos",
  camila:
    "Camila venezolana muy complaciente disponible las veinticuatro horas para caballeros respetuosos ambiente discreto limpio y seguro solo llamadas no mensajes",
};
