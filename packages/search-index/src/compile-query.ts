import { termOf, wordsOf } from "./analyze.js";
import type { InvertedIndex } from "./index-store.js";
import { guessLanguageOfWords, type Language } from "./language.js";
import { parseQueryText } from "./query-parse.js";
import { squeezeRepeats } from "./stem.js";
import { type RawToken, tokenize } from "./tokenize.js";
import type { SearchQuery } from "./types.js";
import { fuzzyBudget } from "./vocabulary.js";

/** One term a query word may match, and how much a match counts (1 = the analysed term itself). */
export interface Alternative {
  readonly term: string;
  readonly weight: number;
}

/** One query word: a document matches it through any alternative, scored by the best one. */
export type WordGroup = readonly Alternative[];

export interface CompiledQuery {
  readonly words: readonly WordGroup[];
  readonly phrases: readonly (readonly WordGroup[])[];
  /** The text analysed to nothing (only stop words or punctuation): nothing can match. */
  readonly emptyText: boolean;
}

/** Weights below 1 keep variants under exact matches of the same word (see README). */
export const WEIGHTS = {
  exact: 1,
  otherLanguageStem: 0.9,
  phone: 1,
  fuzzy1: 0.6,
  fuzzy2: 0.4,
} as const;

const MIN_PHONE_DIGITS = 7;
const PHONE_SUFFIX = 7;

const OTHER: Record<Language, Language> = { es: "en", en: "es" };

interface CompileContext {
  readonly index: InvertedIndex;
  readonly language: Language;
  readonly fuzzy: boolean;
}

function phoneAlternatives(digits: string, index: InvertedIndex): Alternative[] {
  const national = digits.replace(/^0+/, "");
  if (national.length < MIN_PHONE_DIGITS) return [];
  const out: Alternative[] = [];
  for (const term of index.phoneSuffixes.get(national.slice(-PHONE_SUFFIX)) ?? []) {
    if (term.endsWith(national)) out.push({ term, weight: WEIGHTS.phone });
  }
  return out;
}

function fuzzyAlternatives(token: RawToken, term: string, ctx: CompileContext): Alternative[] {
  if (!ctx.fuzzy || token.kind !== "word") return [];
  // Edits are counted on stems, so a long word with a short stem ("relajantes" → "relaj") gets the
  // stem's smaller budget: two edits on five letters reach unrelated words.
  const budget = Math.min(fuzzyBudget(squeezeRepeats(token.text).length), fuzzyBudget(term.length));
  return ctx.index.vocabulary
    .near(term, budget)
    .map((n) => ({ term: n.term, weight: n.distance === 1 ? WEIGHTS.fuzzy1 : WEIGHTS.fuzzy2 }));
}

/** Keep the best weight per term and only terms the index holds (others cannot match). */
function dedupe(alternatives: readonly Alternative[], index: InvertedIndex): Alternative[] {
  const best = new Map<string, number>();
  for (const a of alternatives) {
    if (!index.postings.has(a.term)) continue;
    if ((best.get(a.term) ?? 0) < a.weight) best.set(a.term, a.weight);
  }
  return [...best].map(([term, weight]) => ({ term, weight }));
}

function groupOf(token: RawToken, ctx: CompileContext): Alternative[] | undefined {
  const term = termOf(token, ctx.language);
  if (term === undefined) return undefined;
  const alternatives: Alternative[] = [{ term, weight: WEIGHTS.exact }];
  const other = termOf(token, OTHER[ctx.language]);
  if (other !== undefined && other !== term) alternatives.push({ term: other, weight: WEIGHTS.otherLanguageStem });
  if (token.kind === "digits") alternatives.push(...phoneAlternatives(token.text, ctx.index));
  alternatives.push(...fuzzyAlternatives(token, term, ctx));
  return dedupe(alternatives, ctx.index);
}

function groupsOf(text: string, ctx: CompileContext): Alternative[][] {
  const groups: Alternative[][] = [];
  for (const token of tokenize(text)) {
    const group = groupOf(token, ctx);
    if (group !== undefined) groups.push(group);
  }
  return groups;
}

/**
 * Analyse the query text exactly as documents are analysed, then widen each word with the other
 * language's stem, phone numbers ending in a typed digit run, and typo neighbours from the vocabulary.
 */
export function compileQuery(query: SearchQuery, index: InvertedIndex, fuzzy: boolean): CompiledQuery {
  const text = query.text ?? "";
  const language = query.language ?? guessLanguageOfWords(wordsOf(tokenize(text)));
  const ctx: CompileContext = { index, language, fuzzy };
  const parsed = parseQueryText(text);
  const words = groupsOf(parsed.words, ctx);
  const phrases = parsed.phrases.map((p) => groupsOf(p, ctx)).filter((p) => p.length > 0);
  const emptyText = text.trim() !== "" && words.length === 0 && phrases.length === 0;
  return { words, phrases, emptyText };
}
