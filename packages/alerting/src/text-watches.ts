import type { Watch } from "@nexus/schemas";
import { type AnalyzedToken, analyzeTokens, guessLanguage, parseQueryText } from "@nexus/search-index";

/** One query word: the terms it may appear as (its Spanish and its English stem). */
type Word = readonly string[];

interface CompiledQuery {
  readonly words: readonly Word[];
  readonly phrases: readonly (readonly Word[])[];
}

export interface TextHit {
  readonly watchId: string;
  readonly terms: readonly string[];
}

/** Each word of `text` with its stem in both languages, as search does for a query (stop words are shared). */
function wordsOf(text: string): Word[] {
  const es = analyzeTokens(text, "es");
  const en = analyzeTokens(text, "en");
  return es.map((token, i) => [...new Set([token.term, en[i]?.term ?? token.term])]);
}

function compile(query: string): CompiledQuery {
  const parsed = parseQueryText(query);
  return { words: wordsOf(parsed.words), phrases: parsed.phrases.map(wordsOf).filter((phrase) => phrase.length > 0) };
}

type Positions = Map<string, number[]>;

function positionsOf(tokens: readonly AnalyzedToken[]): Positions {
  const positions: Positions = new Map();
  for (const token of tokens) {
    const list = positions.get(token.term);
    if (list) list.push(token.position);
    else positions.set(token.term, [token.position]);
  }
  return positions;
}

function wordAt(word: Word, positions: Positions, at: number): string | undefined {
  return word.find((term) => positions.get(term)?.includes(at));
}

/** The terms a phrase matched at consecutive positions, or undefined. */
function matchPhrase(phrase: readonly Word[], positions: Positions): string[] | undefined {
  const first = phrase[0] ?? [];
  for (const start of first.flatMap((term) => positions.get(term) ?? [])) {
    const terms = phrase.map((word, i) => wordAt(word, positions, start + i));
    if (terms.every((term) => term !== undefined)) return terms as string[];
  }
  return undefined;
}

function matchQuery(query: CompiledQuery, positions: Positions): string[] | undefined {
  const terms: string[] = [];
  for (const word of query.words) {
    const term = word.find((candidate) => positions.has(candidate));
    if (term === undefined) return undefined;
    terms.push(term);
  }
  for (const phrase of query.phrases) {
    const matched = matchPhrase(phrase, positions);
    if (!matched) return undefined;
    terms.push(...matched);
  }
  return terms;
}

/**
 * Saved text queries, evaluated without a percolator: every word must occur and every "quoted
 * phrase" must occur in order, with the same analysis as search (folding, digits, stop words,
 * Spanish and English stems). Each watch is filed under the terms of its longest word, a cheap
 * stand-in for the rarest, so an ad only verifies the watches that share that term.
 */
export class TextWatches {
  private readonly compiled = new Map<string, CompiledQuery>();
  private readonly byTerm = new Map<string, Set<string>>();
  private readonly anchors = new Map<string, Word>();

  add(watch: Watch): void {
    const query = compile(watch.value);
    const all = [...query.words, ...query.phrases.flat()];
    const anchor = all.reduce<Word | undefined>(
      (best, word) => ((word[0]?.length ?? 0) > (best?.[0]?.length ?? 0) ? word : best),
      undefined,
    );
    if (!anchor) return;
    this.compiled.set(watch.id, query);
    this.anchors.set(watch.id, anchor);
    for (const term of anchor) {
      const ids = this.byTerm.get(term) ?? new Set<string>();
      ids.add(watch.id);
      this.byTerm.set(term, ids);
    }
  }

  remove(watchId: string): void {
    for (const term of this.anchors.get(watchId) ?? []) this.byTerm.get(term)?.delete(watchId);
    this.anchors.delete(watchId);
    this.compiled.delete(watchId);
  }

  match(text: string): TextHit[] {
    if (this.compiled.size === 0) return [];
    const positions = positionsOf(analyzeTokens(text, guessLanguage(text)));
    const candidates = new Set<string>();
    for (const term of positions.keys()) for (const id of this.byTerm.get(term) ?? []) candidates.add(id);
    const hits: TextHit[] = [];
    for (const watchId of candidates) {
      const query = this.compiled.get(watchId);
      const terms = query && matchQuery(query, positions);
      if (terms) hits.push({ watchId, terms: [...new Set(terms)] });
    }
    return hits;
  }
}
