import { analyzeTokens, fuzzyBudget, type Language } from "@nexus/search-index";

const CONTEXT = 50;
const MAX_SNIPPETS = 2;
const MAX_TITLE = 160;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Whether the Levenshtein distance is at most `budget`; stops as soon as a row exceeds it. */
export function withinEdits(a: string, b: string, budget: number): boolean {
  if (Math.abs(a.length - b.length) > budget) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > budget) return false;
    prev = row;
  }
  return (prev[b.length] ?? budget + 1) <= budget;
}

/** Whether a document term is one the query matched: exactly, or as Elasticsearch's fuzzy clause would. */
function matcher(terms: readonly string[]): (term: string) => boolean {
  const exact = new Set(terms);
  return (term) =>
    exact.has(term) ||
    terms.some((q) => {
      const budget = fuzzyBudget(q.length);
      return budget > 0 && q.charAt(0) === term.charAt(0) && !/^\d+$/.test(q) && withinEdits(q, term, budget);
    });
}

function spans(text: string, language: Language, matches: (term: string) => boolean): Span[] {
  return analyzeTokens(text, language).filter((t) => matches(t.term));
}

function windows(text: string, found: readonly Span[]): Span[] {
  const out: { start: number; end: number }[] = [];
  for (const s of found) {
    const start = Math.max(0, s.start - CONTEXT);
    const end = Math.min(text.length, s.end + CONTEXT);
    const last = out[out.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else if (out.length < MAX_SNIPPETS) out.push({ start, end });
  }
  return out;
}

function mark(text: string, window: Span, found: readonly Span[]): string {
  let out = window.start > 0 ? "…" : "";
  let at = window.start;
  for (const s of found) {
    if (s.start < at || s.end > window.end) continue;
    out += `${text.slice(at, s.start)}«${text.slice(s.start, s.end)}»`;
    at = s.end;
  }
  out += text.slice(at, window.end);
  if (window.end < text.length) out += "…";
  return out.replace(/\s+/g, " ").trim();
}

/**
 * Highlights in Nexus, on the ORIGINAL text Elasticsearch returns: the stored fields hold what the
 * analyst should read, while the index holds Nexus terms, so Elasticsearch's own highlighter would
 * mark the wrong offsets. Re-analysing the hit with its stored language gives each term's offsets.
 * Same «marks» and snippet shape as @nexus/search-index.
 */
export function highlightAd(
  doc: { readonly title?: string; readonly body: string },
  language: Language,
  terms: readonly string[],
): string[] {
  if (terms.length === 0) return [];
  const matches = matcher(terms);
  const out: string[] = [];
  const title = doc.title ?? "";
  const titleSpans = spans(title, language, matches);
  if (titleSpans.length > 0) {
    const whole = title.length <= MAX_TITLE ? [{ start: 0, end: title.length }] : windows(title, titleSpans);
    for (const w of whole) out.push(mark(title, w, titleSpans));
  }
  const bodySpans = spans(doc.body, language, matches);
  for (const w of windows(doc.body, bodySpans)) out.push(mark(doc.body, w, bodySpans));
  return out;
}
