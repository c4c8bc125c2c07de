import { analyzeTokens } from "./analyze.js";
import type { Language } from "./language.js";

const CONTEXT = 50;
const MAX_SNIPPETS = 2;
const MAX_TITLE = 160;
const SNAP = 15;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The terms a query matched: a set, or a predicate (Elasticsearch's fuzzy clauses decide per term). */
export type MatchedTerms = ReadonlySet<string> | ((term: string) => boolean);

function matchedSpans(text: string, language: Language, terms: MatchedTerms): Span[] {
  const matches = typeof terms === "function" ? terms : (term: string) => terms.has(term);
  return analyzeTokens(text, language).filter((t) => matches(t.term));
}

/** Move a cut to the nearest whitespace within a few characters, so words are not split. */
function snapLeft(text: string, at: number): number {
  if (at <= 0) return 0;
  const ws = text.lastIndexOf(" ", at);
  if (ws < 0) return at < SNAP ? 0 : at;
  return at - ws < SNAP ? ws + 1 : at;
}

function snapRight(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const ws = text.indexOf(" ", at);
  if (ws < 0) return text.length - at < SNAP ? text.length : at;
  return ws - at < SNAP ? ws : at;
}

function windows(text: string, spans: readonly Span[]): Span[] {
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    const start = snapLeft(text, s.start - CONTEXT);
    const end = snapRight(text, s.end + CONTEXT);
    const last = out[out.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else if (out.length < MAX_SNIPPETS) out.push({ start, end });
  }
  return out;
}

function mark(text: string, window: Span, spans: readonly Span[]): string {
  let out = window.start > 0 ? "…" : "";
  let at = window.start;
  for (const s of spans) {
    if (s.start < at || s.end > window.end) continue;
    out += `${text.slice(at, s.start)}«${text.slice(s.start, s.end)}»`;
    at = s.end;
  }
  out += text.slice(at, window.end);
  if (window.end < text.length) out += "…";
  return out.replace(/\s+/g, " ").trim();
}

/**
 * Snippets of the ORIGINAL text with the words whose terms matched marked «like this»: the whole
 * title when it matched (if short), then up to two windows of the body around matches.
 */
export function highlight(
  doc: { readonly title?: string; readonly body: string },
  language: Language,
  terms: MatchedTerms,
): string[] {
  const out: string[] = [];
  if (typeof terms !== "function" && terms.size === 0) return out;
  const title = doc.title ?? "";
  const titleSpans = matchedSpans(title, language, terms);
  if (titleSpans.length > 0) {
    const whole = title.length <= MAX_TITLE ? [{ start: 0, end: title.length }] : windows(title, titleSpans);
    for (const w of whole) out.push(mark(title, w, titleSpans));
  }
  const bodySpans = matchedSpans(doc.body, language, terms);
  for (const w of windows(doc.body, bodySpans)) out.push(mark(doc.body, w, bodySpans));
  return out;
}
