import { distance } from "fastest-levenshtein";
import { normalizeForSimilarity } from "./normalize.js";

/** A few common Spanish/English short forms; the table only has to catch what edit distance misses. */
const NICKNAMES: Readonly<Record<string, string>> = {
  lupita: "guadalupe",
  lupe: "guadalupe",
  pepa: "josefa",
  paty: "patricia",
  pati: "patricia",
  caro: "carolina",
  vale: "valentina",
  dani: "daniela",
  gaby: "gabriela",
  gabi: "gabriela",
  mari: "maria",
  majo: "maria jose",
  fer: "fernanda",
  sofi: "sofia",
  isa: "isabel",
  ale: "alejandra",
  kate: "katherine",
  katy: "katherine",
  kathy: "katherine",
  jenny: "jennifer",
  vicky: "victoria",
  nati: "natalia",
  cata: "catalina",
  mila: "camila",
  cami: "camila",
};

const MIN_SHORT_FORM = 4;
const SHORT_FORM_SIMILARITY = 0.9;
const DIMINUTIVE = /(?:cita|ita|ito|cito)$/;

/** "Paolita" -> "Paol", so it meets "Paola"; names too short to carry a suffix stay as they are. */
function stripDiminutive(name: string): string {
  return name.length >= 6 ? name.replace(DIMINUTIVE, "") : name;
}

/** Lower-case, accent-folded, letters only, nickname expanded. */
export function normalizeName(name: string): string {
  const normalized = normalizeForSimilarity(name);
  return NICKNAMES[normalized] ?? normalized;
}

/**
 * Similarity of two personal names in [0, 1]: 1 for equal normalised forms or when one is a word
 * prefix of the other ("Maria" vs "Maria Jose"); 0.9 for short forms ("Daya"/"Dayana") and
 * diminutives ("Paolita"/"Paola"); else 1 - edit distance / longer length.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y) return 1;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (longer.startsWith(`${shorter} `)) return 1;
  // Short forms written as the start of the name: "Daya" for "Dayana", "Xime" for "Ximena".
  if (shorter.length >= MIN_SHORT_FORM && longer.startsWith(shorter)) return SHORT_FORM_SIMILARITY;
  const stem = stripDiminutive(longer);
  if (stem !== longer && shorter.startsWith(stem)) return SHORT_FORM_SIMILARITY;
  return 1 - distance(x, y) / longer.length;
}
