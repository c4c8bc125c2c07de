import enStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import esStemmer from "natural/lib/natural/stemmers/porter_stemmer_es.js";
import type { Language } from "./language.js";

// natural's Spanish stemmer costs ~10 µs a word; ad vocabularies are small, so memoise.
const CACHE_LIMIT = 200_000;
const caches: Record<Language, Map<string, string>> = { es: new Map(), en: new Map() };

const REPEATS = /(\p{L})\1{2,}/gu;

/**
 * Runs of three or more of one letter become one ("hermosaaaa" → "hermosa", "siii" → "si").
 * Doubles stay: they are real spelling (ll, rr, cc, ee, oo, ss); "hermosaa" is left to fuzzy matching.
 */
export function squeezeRepeats(word: string): string {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return word.replace(REPEATS, "$1");
  }
  return word;
}

// natural's Porter ES stems plural and singular differently in places ("hermosas" → "herm" but
// "hermosa" → "hermos"), so plurals are reduced to the singular first. Only unambiguous rules:
// vowel + l/n/r/d/j + "es" (jóvenes, ciudades, mujeres), vowel + "ces" → z (luces), vowel + "s".
function singularizeEs(word: string): string {
  if (word.length > 4 && /[aeiou][lnrdj]es$/.test(word)) return word.slice(0, -2);
  if (word.length > 4 && /[aeiou]ces$/.test(word)) return `${word.slice(0, -3)}z`;
  if (word.length > 3 && /[aeiouy]s$/.test(word)) return word.slice(0, -1);
  return word;
}

function stemUncached(word: string, language: Language): string {
  if (language === "es") return esStemmer.stem(singularizeEs(word));
  return enStemmer.stem(word);
}

/** Stem a folded, squeezed word in `language`. Words with digits are returned unchanged. */
export function stemWord(word: string, language: Language): string {
  if (/\d/.test(word) || word.length < 3) return word;
  const cache = caches[language];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stem = stemUncached(word, language) || word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
