import { distance } from "fastest-levenshtein";

/** A typo neighbour of a query term found in the vocabulary. */
export interface NearTerm {
  readonly term: string;
  readonly distance: number;
}

/**
 * Edit-distance budget by word length: none below 4 characters (too many accidental neighbours),
 * 1 for 4-7, 2 for 8 or more.
 */
export function fuzzyBudget(wordLength: number): number {
  if (wordLength < 4) return 0;
  return wordLength <= 7 ? 1 : 2;
}

/** Which of 32 letter classes a term contains; one edit changes at most two bits. */
function letterMask(term: string): number {
  let mask = 0;
  for (let i = 0; i < term.length; i++) mask |= 1 << (term.charCodeAt(i) & 31);
  return mask;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface Bucket {
  readonly terms: string[];
  readonly masks: number[];
  readonly at: Map<string, number>;
}

/**
 * The index's word terms bucketed by length, so a typo lookup only compares terms whose length is
 * within the budget, and skips by a letter-set bound most of those before computing a distance.
 */
export class Vocabulary {
  private readonly byLength = new Map<number, Bucket>();

  /** Only letter terms take part: numbers and phones must match exactly. */
  static accepts(term: string): boolean {
    return !/[\d+]/.test(term);
  }

  add(term: string): void {
    if (!Vocabulary.accepts(term)) return;
    let bucket = this.byLength.get(term.length);
    if (bucket === undefined) {
      bucket = { terms: [], masks: [], at: new Map() };
      this.byLength.set(term.length, bucket);
    }
    if (bucket.at.has(term)) return;
    bucket.at.set(term, bucket.terms.length);
    bucket.terms.push(term);
    bucket.masks.push(letterMask(term));
  }

  delete(term: string): void {
    const bucket = this.byLength.get(term.length);
    const i = bucket?.at.get(term);
    if (bucket === undefined || i === undefined) return;
    const lastTerm = bucket.terms.pop() as string;
    const lastMask = bucket.masks.pop() as number;
    bucket.at.delete(term);
    if (lastTerm === term) return;
    bucket.terms[i] = lastTerm;
    bucket.masks[i] = lastMask;
    bucket.at.set(lastTerm, i);
  }

  /** Terms other than `term` within `maxDistance` edits, sorted by term. */
  near(term: string, maxDistance: number): NearTerm[] {
    const out: NearTerm[] = [];
    if (maxDistance <= 0 || !Vocabulary.accepts(term)) return out;
    const mask = letterMask(term);
    for (let len = term.length - maxDistance; len <= term.length + maxDistance; len++) {
      const bucket = this.byLength.get(len);
      if (bucket === undefined) continue;
      for (let i = 0; i < bucket.terms.length; i++) {
        if (popcount(mask ^ (bucket.masks[i] as number)) > 2 * maxDistance) continue;
        const candidate = bucket.terms[i] as string;
        if (candidate === term) continue;
        const d = distance(term, candidate);
        if (d <= maxDistance) out.push({ term: candidate, distance: d });
      }
    }
    return out.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  }
}
