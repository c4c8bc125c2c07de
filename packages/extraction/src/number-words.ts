/**
 * Number words as advertisers write them, accents already folded away by the normaliser.
 * Misspellings are the ones seen in ads ("sinco", "sero", "nuebe"); "un"/"una" and English
 * words that double as common words ("for", "too", "won") are left out on purpose.
 */

import { prefixFilter } from "./word-prefixes.js";

export type WordLang = "es" | "en";

export interface NumberWord {
  digits: string;
  lang: WordLang;
  /** A two-digit word ("treinta", "doce") rather than a single digit. */
  tens: boolean;
  /** A hundreds word ("ciento", "doscientos"): digits "100".."900", completed by what follows. */
  hundreds?: boolean;
}

const ES_UNITS: Record<string, readonly string[]> = {
  "0": ["cero", "sero"],
  "1": ["uno", "huno"],
  "2": ["dos", "dox"],
  "3": ["tres", "trez", "tress"],
  "4": ["cuatro", "quatro", "kuatro", "cuattro"],
  "5": ["cinco", "sinco", "zinco", "cinko", "sinko"],
  "6": ["seis", "seiz", "ceis", "seys"],
  "7": ["siete", "ciete", "siette"],
  "8": ["ocho", "oxo", "ocio", "ochio"],
  "9": ["nueve", "nuebe", "nuev", "nueb", "nuve"],
};

const ES_TENS: Record<string, readonly string[]> = {
  "10": ["diez", "dies"],
  "11": ["once", "onse"],
  "12": ["doce", "dose"],
  "13": ["trece", "trese"],
  "14": ["catorce", "katorce", "catorse"],
  "15": ["quince", "kince", "quinse"],
  "16": ["dieciseis", "diesiseis"],
  "17": ["diecisiete", "diesisiete"],
  "18": ["dieciocho", "diesiocho"],
  "19": ["diecinueve", "diesinueve"],
  "20": ["veinte", "beinte", "vente"],
  "21": ["veintiuno", "veintiun"],
  "22": ["veintidos"],
  "23": ["veintitres"],
  "24": ["veinticuatro"],
  "25": ["veinticinco", "veintisinco"],
  "26": ["veintiseis"],
  "27": ["veintisiete"],
  "28": ["veintiocho"],
  "29": ["veintinueve"],
  "30": ["treinta", "trenta", "trienta"],
  "40": ["cuarenta", "quarenta", "kuarenta"],
  "50": ["cincuenta", "sincuenta", "cinquenta"],
  "60": ["sesenta", "sessenta", "cesenta"],
  "70": ["setenta", "cetenta", "settenta"],
  "80": ["ochenta", "oxenta"],
  "90": ["noventa", "nobenta"],
};

const EN_UNITS: Record<string, readonly string[]> = {
  "0": ["zero", "oh"],
  "1": ["one"],
  "2": ["two"],
  "3": ["three", "thre"],
  "4": ["four", "fuor"],
  "5": ["five", "fiv"],
  "6": ["six", "sixx"],
  "7": ["seven", "sevn"],
  "8": ["eight", "eigth", "eigh"],
  "9": ["nine", "nien"],
};

const EN_TENS: Record<string, readonly string[]> = {
  "10": ["ten"],
  "11": ["eleven"],
  "12": ["twelve"],
  "13": ["thirteen"],
  "14": ["fourteen"],
  "15": ["fifteen"],
  "16": ["sixteen"],
  "17": ["seventeen"],
  "18": ["eighteen"],
  "19": ["nineteen"],
  "20": ["twenty"],
  "30": ["thirty"],
  "40": ["forty", "fourty"],
  "50": ["fifty"],
  "60": ["sixty"],
  "70": ["seventy"],
  "80": ["eighty"],
  "90": ["ninety"],
};

const ES_HUNDREDS: Record<string, readonly string[]> = {
  "100": ["cien", "ciento", "siento"],
  "200": ["doscientos", "doscientas"],
  "300": ["trescientos", "trescientas"],
  "400": ["cuatrocientos", "cuatrocientas"],
  "500": ["quinientos", "quinientas"],
  "600": ["seiscientos", "seiscientas"],
  "700": ["setecientos", "setecientas"],
  "800": ["ochocientos", "ochocientas"],
  "900": ["novecientos", "novecientas"],
};

function build(): Map<string, NumberWord> {
  const words = new Map<string, NumberWord>();
  const add = (table: Record<string, readonly string[]>, lang: WordLang, tens: boolean): void => {
    for (const [digits, spellings] of Object.entries(table)) {
      for (const w of spellings) if (!words.has(w)) words.set(w, { digits, lang, tens });
    }
  };
  add(ES_UNITS, "es", false);
  add(ES_TENS, "es", true);
  add(EN_UNITS, "en", false);
  add(EN_TENS, "en", true);
  for (const [digits, spellings] of Object.entries(ES_HUNDREDS)) {
    for (const w of spellings) words.set(w, { digits, lang: "es", tens: true, hundreds: true });
  }
  return words;
}

export const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = build();

// English words that stand for digits only when glued to digits in one word ("for80", "one9zerofor",
// "ate8ate"): on their own they are ordinary words.
const GLUED_WORDS: ReadonlyMap<string, NumberWord> = new Map(
  (
    [
      ["for", "4"],
      ["fore", "4"],
      ["to", "2"],
      ["too", "2"],
      ["ate", "8"],
      ["won", "1"],
    ] as const
  ).map(([w, digits]) => [w, { digits, lang: "en", tens: false }]),
);
const MIN_GLUED_WORD = 2;

const MAX_WORD = 12;
const MIN_WORD = 3;

function splitFrom(letters: string, at: number, depth: number, glued: boolean): NumberWord[] | undefined {
  if (at === letters.length) return [];
  if (depth > 16) return undefined;
  const shortest = glued ? MIN_GLUED_WORD : MIN_WORD;
  for (let len = Math.min(MAX_WORD, letters.length - at); len >= shortest; len--) {
    const piece = letters.slice(at, at + len);
    const word = NUMBER_WORDS.get(piece) ?? (glued ? GLUED_WORDS.get(piece) : undefined);
    if (!word) continue;
    const rest = splitFrom(letters, at + len, depth + 1, glued);
    if (rest) return [word, ...rest];
  }
  return undefined;
}

/**
 * Splits a run of letters into number words ("cuatrocinco" → cuatro, cinco), longest first with
 * backtracking. Returns undefined when any part is not a number word. `glued`: the letters are glued
 * to digits in one word, where "for", "to", "ate" and "won" count too.
 */
export function splitNumberWords(letters: string, glued = false): NumberWord[] | undefined {
  const whole = NUMBER_WORDS.get(letters) ?? (glued ? GLUED_WORDS.get(letters) : undefined);
  if (whole) return [whole];
  if (glued) return splitFrom(letters, 0, 0, true);
  // Ordinary words fail on their first three letters, before any backtracking.
  if (letters.length < 2 * MIN_WORD || !PREFIXES.has(letters.slice(0, MIN_WORD))) return undefined;
  return splitFrom(letters, 0, 0, false);
}

const PREFIXES: ReadonlySet<string> = new Set([...NUMBER_WORDS.keys()].map((w) => w.slice(0, 3)));

const FIRST_LETTERS = prefixFilter(NUMBER_WORDS.keys());

/**
 * False when text[from, to) cannot be number words: every number word, and so every run of them,
 * starts like one of them. Lets the scanner pass ordinary words without cutting them out.
 */
export function mayBeNumberWords(text: string, from: number, to: number): boolean {
  return FIRST_LETTERS.mayHave(text, from, to);
}
