import { analyzeRawTokens, wordsOf } from "./analyze.js";
import { guessLanguageOfWords, type Language } from "./language.js";
import { normalizeText } from "./normalize.js";
import { tokenize } from "./tokenize.js";
import type { SearchDocument } from "./types.js";
import { Vocabulary } from "./vocabulary.js";

/**
 * One term's postings as parallel arrays in ascending document number (numbers only grow, so
 * appending keeps the order). Removed documents stay as tombstones until more than half of a list
 * is dead, then the list is compacted: queries iterate flat arrays instead of maps.
 */
export interface TermPostings {
  nums: number[];
  tfs: number[];
  /** A single position is stored as a number (most words occur once): saves an array per posting. */
  positions: (number | number[])[];
  /** Live documents in the list: the document frequency BM25 uses. */
  live: number;
}

// Title and body positions are kept apart so a phrase never spans the two.
const FIELD_GAP = 1000;
const PHONE_SUFFIX = 7;

/** Prefix that marks a phone term; the analyser never emits "+", so these never collide. */
export function phoneTerm(e164: string): string {
  return `+${e164.replace(/\D/g, "")}`;
}

/** Folded key used for city and source filters and facets. */
export function foldKey(value: string): string {
  return normalizeText(value.trim()).text;
}

interface LocalPosting {
  tf: number;
  readonly positions: number[];
}

function addOccurrence(local: Map<string, LocalPosting>, term: string, weight: number, position: number): void {
  const posting = local.get(term);
  if (posting === undefined) {
    local.set(term, { tf: weight, positions: position < 0 ? [] : [position] });
    return;
  }
  posting.tf += weight;
  if (position >= 0) posting.positions.push(position);
}

/** Same indexed text, language and phones: an update that leaves every term where it was. */
function sameText(old: SearchDocument | undefined, doc: SearchDocument): boolean {
  if (old === undefined) return false;
  if (old.body !== doc.body || old.title !== doc.title || old.language !== doc.language) return false;
  const a = old.phones ?? [];
  const b = doc.phones ?? [];
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

function dateOf(iso: string | undefined): number {
  return iso === undefined ? Number.NaN : Date.parse(iso);
}

/** Per-document columns indexed by document number; a removed number has `docs[num] === undefined`. */
export class DocColumns {
  readonly docs: (SearchDocument | undefined)[] = [];
  readonly languages: Language[] = [];
  readonly lengths: number[] = [];
  readonly terms: (readonly string[] | undefined)[] = [];
  readonly countryKeys: (string | undefined)[] = [];
  readonly cityKeys: (string | undefined)[] = [];
  readonly sourceKeys: (string | undefined)[] = [];
  /** Milliseconds since the epoch, NaN when absent or unparseable. */
  readonly postedAt: number[] = [];

  push(doc: SearchDocument, language: Language, length: number, terms: readonly string[]): void {
    const num = this.docs.length;
    this.languages.push(language);
    this.lengths.push(length);
    this.terms.push(terms);
    this.replace(num, doc);
  }

  /** Swap in new metadata for a document whose text did not change. */
  replace(num: number, doc: SearchDocument): void {
    this.docs[num] = doc;
    this.countryKeys[num] = doc.country === undefined ? undefined : doc.country.trim().toUpperCase();
    this.cityKeys[num] = doc.city === undefined ? undefined : foldKey(doc.city);
    this.sourceKeys[num] = doc.source === undefined ? undefined : foldKey(doc.source);
    this.postedAt[num] = dateOf(doc.postedAt);
  }

  kill(num: number): void {
    this.docs[num] = undefined;
    this.terms[num] = undefined;
  }
}

export class InvertedIndex {
  readonly postings = new Map<string, TermPostings>();
  readonly columns = new DocColumns();
  readonly numById = new Map<string, number>();
  readonly vocabulary = new Vocabulary();
  /** Last digits of each phone → phone terms, for numbers typed without country code. */
  readonly phoneSuffixes = new Map<string, Set<string>>();
  totalLength = 0;

  constructor(private readonly titleBoost: number) {}

  get size(): number {
    return this.numById.size;
  }

  /** One past the largest document number ever used: the length of every column. */
  get capacity(): number {
    return this.columns.docs.length;
  }

  get averageLength(): number {
    return this.size === 0 ? 0 : this.totalLength / this.size;
  }

  add(doc: SearchDocument): void {
    const existing = this.numById.get(doc.id);
    if (existing !== undefined && sameText(this.columns.docs[existing], doc)) {
      // Resolution re-upserts ads to change entityId or other fields; the terms stay put.
      this.columns.replace(existing, doc);
      return;
    }
    this.remove(doc.id);
    const num = this.capacity;
    const titleRaw = tokenize(doc.title ?? "", false);
    const bodyRaw = tokenize(doc.body, false);
    const language = doc.language ?? guessLanguageOfWords([...wordsOf(titleRaw), ...wordsOf(bodyRaw)]);
    const local = new Map<string, LocalPosting>();
    const title = analyzeRawTokens(titleRaw, language);
    for (const t of title) addOccurrence(local, t.term, this.titleBoost, t.position);
    const body = analyzeRawTokens(bodyRaw, language);
    for (const t of body) addOccurrence(local, t.term, 1, FIELD_GAP + t.position);
    for (const phone of doc.phones ?? []) addOccurrence(local, phoneTerm(phone), 1, -1);
    for (const [term, p] of local) {
      const list = this.postingsFor(term);
      list.nums.push(num);
      list.tfs.push(p.tf);
      list.positions.push(p.positions.length === 1 ? (p.positions[0] as number) : p.positions);
      list.live++;
    }
    const length = title.length + body.length;
    this.columns.push(doc, language, length, [...local.keys()]);
    this.numById.set(doc.id, num);
    this.totalLength += length;
  }

  remove(id: string): void {
    const num = this.numById.get(id);
    if (num === undefined) return;
    const terms = this.columns.terms[num] ?? [];
    this.numById.delete(id);
    this.totalLength -= this.columns.lengths[num] ?? 0;
    this.columns.kill(num);
    for (const term of terms) {
      const list = this.postings.get(term);
      if (list === undefined) continue;
      list.live--;
      if (list.live === 0) this.dropTerm(term);
      else if (list.live * 2 < list.nums.length) this.compact(list);
    }
  }

  isLive(num: number): boolean {
    return this.columns.docs[num] !== undefined;
  }

  private compact(list: TermPostings): void {
    const keep = list.nums.map((num) => this.isLive(num));
    list.nums = list.nums.filter((_, i) => keep[i]);
    list.tfs = list.tfs.filter((_, i) => keep[i]);
    list.positions = list.positions.filter((_, i) => keep[i]);
  }

  private postingsFor(term: string): TermPostings {
    let list = this.postings.get(term);
    if (list !== undefined) return list;
    list = { nums: [], tfs: [], positions: [], live: 0 };
    this.postings.set(term, list);
    this.vocabulary.add(term);
    if (term.startsWith("+")) {
      const key = term.slice(-PHONE_SUFFIX);
      const set = this.phoneSuffixes.get(key);
      if (set === undefined) this.phoneSuffixes.set(key, new Set([term]));
      else set.add(term);
    }
    return list;
  }

  private dropTerm(term: string): void {
    this.postings.delete(term);
    this.vocabulary.delete(term);
    if (!term.startsWith("+")) return;
    const key = term.slice(-PHONE_SUFFIX);
    const set = this.phoneSuffixes.get(key);
    set?.delete(term);
    if (set?.size === 0) this.phoneSuffixes.delete(key);
  }
}
