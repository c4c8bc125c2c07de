/** Cities (a small regional gazetteer), Guatemala City zones, advertised names, and the ad's language. */
import { prefixFilter } from "./word-prefixes.js";

export interface FoldedPlace {
  from: number;
  to: number;
  value: string;
  country?: string;
}

const CITIES: Readonly<Record<string, readonly string[]>> = {
  GT: [
    "Ciudad de Guatemala",
    "Guatemala",
    "Mixco",
    "Villa Nueva",
    "Antigua Guatemala",
    "Antigua",
    "Quetzaltenango",
    "Xela",
    "Escuintla",
    "Petén",
    "Cobán",
    "Huehuetenango",
    "Chimaltenango",
  ],
  PA: [
    "Ciudad de Panamá",
    "Panamá",
    "Panama City",
    "Colón",
    "David",
    "San Miguelito",
    "Chiriquí",
    "Santiago de Veraguas",
    "Chitré",
    "La Chorrera",
    "Bocas del Toro",
  ],
  CO: [
    "Bogotá",
    "Medellín",
    "Cali",
    "Barranquilla",
    "Cartagena",
    "Bucaramanga",
    "Pereira",
    "Manizales",
    "Santa Marta",
    "Cúcuta",
    "Ibagué",
    "Villavicencio",
  ],
  VE: [
    "Caracas",
    "Maracaibo",
    "Valencia",
    "Barquisimeto",
    "Maracay",
    "Puerto La Cruz",
    "Mérida",
    "San Cristóbal",
    "Ciudad Guayana",
    "Barcelona",
  ],
  EC: ["Quito", "Guayaquil", "Cuenca", "Manta", "Machala", "Ambato", "Loja", "Santo Domingo", "Esmeraldas", "Salinas"],
  MX: [
    "Ciudad de México",
    "CDMX",
    "Guadalajara",
    "Monterrey",
    "Cancún",
    "Tijuana",
    "Puebla",
    "Mérida Yucatán",
    "Querétaro",
    "Playa del Carmen",
    "Acapulco",
    "León",
  ],
  US: ["Miami", "Houston", "Los Angeles", "New York", "Dallas", "Orlando", "Chicago", "Las Vegas", "Atlanta"],
};

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

const GAZETTEER: ReadonlyMap<string, { value: string; country: string }> = new Map(
  Object.entries(CITIES).flatMap(([country, names]) =>
    names.map((value) => [fold(value), { value, country }] as const),
  ),
);
const CITY_RE = new RegExp(
  `(^|[^a-z0-9_@.])(${[...GAZETTEER.keys()].sort((a, b) => b.length - a.length).join("|")})(?![a-z0-9_])`,
  "g",
);
const ZONE_RE = /(?<![a-z])zona ?(\d{1,2})(?!\d)/g;

/** Cities and "zona N" (a Guatemala City zone) in the folded text. */
export function findPlaces(text: string, country: string | undefined): FoldedPlace[] {
  const found: FoldedPlace[] = [];
  CITY_RE.lastIndex = 0;
  for (let m = CITY_RE.exec(text); m !== null; m = CITY_RE.exec(text)) {
    // m[1] is the boundary character before the name (consumed: faster than a lookbehind).
    const hit = GAZETTEER.get(m[2] ?? "");
    const from = m.index + (m[1]?.length ?? 0);
    if (hit) found.push({ from, to: m.index + m[0].length, value: hit.value, country: hit.country });
  }
  if (country === undefined || country === "GT") {
    ZONE_RE.lastIndex = 0;
    for (let m = ZONE_RE.exec(text); m !== null; m = ZONE_RE.exec(text)) {
      found.push({ from: m.index, to: m.index + m[0].length, value: `Zona ${Number(m[1])}`, country: "GT" });
    }
  }
  // One entry per place, at its first mention.
  const seen = new Set<string>();
  return found.sort((a, b) => a.from - b.from).filter((p) => !seen.has(p.value) && seen.add(p.value) !== undefined);
}

const NAME_INTRO =
  /(?:^|[^a-z])(?:me llamo|mi nombre es|soy|my name is|i'm|i am|call me|nombre:?|name:?)[ :]+(?:la |el |tu |your )?/g;
const NOT_NAMES = new Set(
  "una un la el tu su nueva nuevo new latina latin colombiana venezolana guatemalteca panamena mexicana ecuatoriana americana real independiente independent available disponible chica nena mujer woman girl trans sexy hot morena rubia catracha chapina paisa caleña costena the a an very muy".split(
    " ",
  ),
);

/** A capitalised word after "me llamo", "soy", "my name is" ...; the value keeps the input's spelling. */
export function findNames(text: string, input: string, startOf: Int32Array): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  NAME_INTRO.lastIndex = 0;
  for (let m = NAME_INTRO.exec(text); m !== null; m = NAME_INTRO.exec(text)) {
    const from = m.index + m[0].length;
    let to = from;
    while (to < text.length && /[a-z]/.test(text[to] ?? "")) to++;
    const word = text.slice(from, to);
    if (to - from < 2 || to - from > 20 || NOT_NAMES.has(word) || GAZETTEER.has(word)) continue;
    const first = input[startOf[from] ?? 0] ?? "";
    if (first === first.toLowerCase()) continue;
    found.push({ from, to });
  }
  return found;
}

// Function words and the vocabulary of ads; words both languages use in ads ("me", "no", "real",
// "sexy", "hot") and number words (spelled numbers are obfuscation, often in the other language) are left out.
const ES_WORDS = new Set(
  `de la el y que en soy para con los las una mi mis tu por muy hola tengo servicio llamame llama llamar besos sin
  disponible chica trato escribeme escribe atiendo numero tambien nueva nuevo hermosa linda contacto hora horas noche
  precio tarifa solo del al ya hoy papi mami amor rica caliente lugar propio mensaje llamadas`.split(/\s+/),
);
const EN_WORDS = new Set(
  `the and i am you to my for with call hi is in of your available text here girl sweet new only now rates hour
  hours night ask visiting town txt incall outcall babe kisses pics discreet upscale massage today tonight
  please pls daddy love`.split(/\s+/),
);

// About 120 words: their first three letters already rule out most words, and read only three characters.
const LANGUAGE_WORDS = prefixFilter([...ES_WORDS, ...EN_WORDS]);

function isWordLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || code === 39;
}

/** "es", "en" or "und" by counting function words (words are runs of a-z and apostrophes). */
export function detectLanguage(text: string): "es" | "en" | "und" {
  let es = 0;
  let en = 0;
  let i = 0;
  while (i < text.length) {
    if (!isWordLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let apostrophe = false;
    for (; j < text.length && isWordLetter(text.charCodeAt(j)); j++) if (text.charCodeAt(j) === 39) apostrophe = true;
    // No listed word has an apostrophe.
    if (!apostrophe && LANGUAGE_WORDS.mayHave(text, i, j)) {
      const w = text.slice(i, j);
      if (ES_WORDS.has(w)) es++;
      else if (EN_WORDS.has(w)) en++;
    }
    i = j;
  }
  if (es === 0 && en === 0) return "und";
  return es >= en ? "es" : "en";
}
