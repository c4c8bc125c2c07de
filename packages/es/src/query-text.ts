import { analyze, guessLanguage, type Language } from "@nexus/search-index";

/** Weights as in @nexus/search-index: variants stay below exact matches of the same word. */
const BOOST = { exact: 1, title: 1, otherLanguage: 0.9, fuzzy: 0.5, phone: 1 } as const;
/** Same edit budget as the embedded index's `fuzzyBudget`: none under 4 letters, 1 up to 7, then 2. */
export const FUZZINESS = "AUTO:4,8";
const MIN_PHONE_DIGITS = 7;
const OTHER: Record<Language, Language> = { es: "en", en: "es" };

export interface CompiledText {
  /** One bool per query word: the word matches through any of its clauses. */
  readonly words: Record<string, unknown>[];
  /** Required phrases, analysed (positions are consecutive: stop words leave no gap). */
  readonly phrases: Record<string, unknown>[];
  /** Terms a highlight marks (exact and other-language stems; fuzzy matches are checked by edit distance). */
  readonly terms: string[];
  /** Text that analysed to nothing (only stop words or punctuation): nothing can match. */
  readonly empty: boolean;
  readonly language: Language;
}

/** Split `"quoted phrases"` from the rest; an unclosed quote counts as plain words. */
export function splitPhrases(text: string): { words: string; phrases: string[] } {
  const phrases: string[] = [];
  const words = text.replace(/["“”«»]([^"“”«»]*)["“”«»]/g, (_m, phrase: string) => {
    phrases.push(phrase);
    return " ";
  });
  return { words: words.replace(/["“”«»]/g, " "), phrases };
}

function wordClause(term: string, other: string | undefined): Record<string, unknown> {
  const should: Record<string, unknown>[] = [
    { term: { text_analyzed: { value: term, boost: BOOST.exact } } },
    { term: { title_analyzed: { value: term, boost: BOOST.title } } },
    { fuzzy: { text_analyzed: { value: term, fuzziness: FUZZINESS, prefix_length: 1, boost: BOOST.fuzzy } } },
  ];
  if (other !== undefined && other !== term) {
    should.push({ term: { text_analyzed: { value: other, boost: BOOST.otherLanguage } } });
  }
  // A number typed plainly also finds ads whose extracted phone ends with it (national form).
  const national = term.replace(/^0+/, "");
  if (/^\d+$/.test(term) && national.length >= MIN_PHONE_DIGITS) {
    should.push({ wildcard: { phones: { value: `*${national}`, boost: BOOST.phone } } });
  }
  return { bool: { should, minimum_should_match: 1 } };
}

/** Analyse query text exactly as documents were analysed, and turn it into Elasticsearch clauses. */
export function compileText(text: string, language?: Language): CompiledText {
  const lang = language ?? guessLanguage(text);
  const { words, phrases } = splitPhrases(text);
  const terms = analyze(words, { language: lang });
  const others = analyze(words, { language: OTHER[lang] });
  // Stop words and short words drop identically in both languages, so the arrays line up word for word.
  const aligned = others.length === terms.length;
  const wordClauses = terms.map((t, i) => wordClause(t, aligned ? others[i] : undefined));
  const phraseTerms = phrases.map((p) => analyze(p, { language: lang })).filter((p) => p.length > 0);
  return {
    words: wordClauses,
    phrases: phraseTerms.map((p) => ({ match_phrase: { text_analyzed: { query: p.join(" ") } } })),
    terms: [...new Set([...terms, ...(aligned ? others : []), ...phraseTerms.flat()])],
    empty: text.trim().length > 0 && terms.length === 0 && phraseTerms.length === 0,
    language: lang,
  };
}
