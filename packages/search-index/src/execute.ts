import { NexusError } from "@nexus/errors";
import { type CompiledQuery, compileQuery, WEIGHTS } from "./compile-query.js";
import { type InvertedIndex, phoneTerm } from "./index-store.js";
import { Bm25, type Bm25Params, scorePhrase } from "./score.js";
import type { ScratchPool } from "./scratch.js";
import type { SearchQuery } from "./types.js";

export interface ExecuteOptions extends Bm25Params {
  readonly fuzzy: boolean;
  /** Per-query arrays; the caller releases them once it has read the scores. */
  readonly scratch: ScratchPool;
}

/** Matching documents with their scores, before filters and pagination. */
export interface Matches {
  /** Matching document numbers; `undefined` means every document (no text, no phone). */
  readonly nums: readonly number[] | undefined;
  /** Score by document number (0 for documents matched without text). */
  readonly scoreOf: (num: number) => number;
  /** Every term a word could match through, for highlighting. */
  readonly terms: ReadonlySet<string>;
}

// Scores are rounded so ties are real ties (and break by id), whatever the summation order.
function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

function intersect(into: Map<number, number> | undefined, next: Map<number, number>): Map<number, number> {
  if (into === undefined) return next;
  const out = new Map<number, number>();
  for (const [num, s] of into) {
    const t = next.get(num);
    if (t !== undefined) out.set(num, s + t);
  }
  return out;
}

function phoneMatches(phone: string, index: InvertedIndex): Map<number, number> {
  const out = new Map<number, number>();
  for (const num of index.postings.get(phoneTerm(phone))?.nums ?? []) {
    if (index.isLive(num)) out.set(num, WEIGHTS.phone);
  }
  return out;
}

/** Phrases and the phone are required: the intersection of their matches, or undefined if none given. */
function requiredMatches(q: CompiledQuery, query: SearchQuery, index: InvertedIndex, bm25: Bm25) {
  let required: Map<number, number> | undefined;
  if (query.phone !== undefined) required = phoneMatches(query.phone, index);
  for (const phrase of q.phrases) required = intersect(required, scorePhrase(phrase, index, bm25));
  return required;
}

function matchedTerms(q: CompiledQuery): Set<string> {
  const terms = new Set<string>();
  for (const group of [...q.words, ...q.phrases.flat()]) for (const alt of group) terms.add(alt.term);
  return terms;
}

/** Words add score; under "and" each must match. Phrases/phone, when given, restrict the set. */
function combine(q: CompiledQuery, query: SearchQuery, index: InvertedIndex, options: ExecuteOptions) {
  const bm25 = new Bm25(index, options, options.scratch);
  const required = requiredMatches(q, query, index, bm25);
  if (q.words.length === 0) {
    if (required === undefined) return undefined;
    return { nums: [...required.keys()], scoreOf: (num: number) => round(required.get(num) ?? 0) };
  }
  const board = bm25.scoreWords(q.words);
  const and = query.operator === "and";
  const wordsOk = (num: number) => !and || board.groupHits[num] === q.words.length;
  const wordScore = (num: number) => board.scores[num] ?? 0;
  if (required === undefined) {
    return { nums: and ? board.nums.filter(wordsOk) : board.nums, scoreOf: (num: number) => round(wordScore(num)) };
  }
  const nums = [...required.keys()].filter(wordsOk);
  return { nums, scoreOf: (num: number) => round((required.get(num) ?? 0) + wordScore(num)) };
}

/** Score every document the query matches. */
export function findMatches(query: SearchQuery, index: InvertedIndex, options: ExecuteOptions): Matches {
  const q = compileQuery(query, index, options.fuzzy);
  const terms = matchedTerms(q);
  if (q.emptyText) return { nums: [], scoreOf: () => 0, terms };
  const result = combine(q, query, index, options);
  if (result === undefined) return { nums: undefined, scoreOf: () => 0, terms };
  return { ...result, terms };
}

/** Checked pagination: defaults 0 and 10, `size` capped. */
export function pageOf(query: SearchQuery, maxPageSize: number): { from: number; size: number } {
  const from = query.from ?? 0;
  const size = query.size ?? 10;
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw new NexusError("NEXUS_USAGE", `from must be an integer >= 0 and size an integer in 0..${maxPageSize}`, {
      details: { from, size },
    });
  }
  return { from, size };
}
