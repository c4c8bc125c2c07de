import { fuzzyBudget, highlight, type Language } from "@nexus/search-index";
import { distance } from "fastest-levenshtein";

/** Whether the edit distance between two terms is at most `budget`. */
export function withinEdits(a: string, b: string, budget: number): boolean {
  return Math.abs(a.length - b.length) <= budget && distance(a, b) <= budget;
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

/**
 * Highlights in Nexus, on the ORIGINAL text Elasticsearch returns: the stored fields hold what the
 * analyst should read, while the index holds Nexus terms, so Elasticsearch's own highlighter would
 * mark the wrong offsets. Same «marks» and snippets as the embedded index (it is the same function).
 */
export function highlightAd(
  doc: { readonly title?: string; readonly body: string },
  language: Language,
  terms: readonly string[],
): string[] {
  if (terms.length === 0) return [];
  return highlight(doc, language, matcher(terms));
}
