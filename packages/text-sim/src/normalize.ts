/**
 * Normalisation for similarity, not for display: two ads that say the same thing with different
 * accents, casing, emoji decoration or phone digits should produce the same tokens.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Letters (any script) only: digits, emoji, punctuation and symbols become separators.
const NON_LETTER_RUN = /[^\p{L}]+/gu;
const MIN_TOKEN_LENGTH = 2;

/** Lower-case, accent-folded text with every non-letter run collapsed to one space. */
export function normalizeForSimilarity(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(NON_LETTER_RUN, " ").trim();
}

/**
 * Word tokens for shingling. Digits are dropped on purpose: phone numbers, prices and ages differ
 * between otherwise identical templated ads and belong to other evidence, not to text similarity.
 * One-letter tokens are mostly leftovers of obfuscation ("s e x y", "4 1 2") and are dropped too.
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeForSimilarity(text);
  if (normalized.length === 0) return [];
  return normalized.split(" ").filter((token) => token.length >= MIN_TOKEN_LENGTH);
}
