import { guessLanguageOfWords, isStopWord, type Language } from "./language.js";
import { squeezeRepeats, stemWord } from "./stem.js";
import { type RawToken, tokenize } from "./tokenize.js";

/** One index term with where it came from in the original text. */
export interface AnalyzedToken {
  readonly term: string;
  /** Ordinal among kept tokens (stop words leave no gap, so phrases match the same way in Elasticsearch). */
  readonly position: number;
  readonly start: number;
  readonly end: number;
}

export interface AnalyzeOptions {
  /** Stemming language; guessed from the text when absent. */
  readonly language?: Language;
}

/** The folded words of raw tokens, for language guessing. */
export function wordsOf(tokens: readonly RawToken[]): string[] {
  const words: string[] = [];
  for (const t of tokens) if (t.kind === "word") words.push(t.text);
  return words;
}

/** Guess the language of a text (Spanish unless English stop words and suffixes dominate). */
export function guessLanguage(text: string): Language {
  return guessLanguageOfWords(wordsOf(tokenize(text)));
}

/** Turn one raw token into its term, or undefined when the token is dropped. */
export function termOf(token: RawToken, language: Language): string | undefined {
  if (token.kind === "digits") return token.text;
  const word = squeezeRepeats(token.text);
  if (isStopWord(word)) return undefined;
  if (word.length < 2 && !/\d/.test(word)) return undefined;
  return stemWord(word, language);
}

/** Analyse already tokenised text (lets callers guess the language from the same tokens). */
export function analyzeRawTokens(tokens: readonly RawToken[], language: Language): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const token of tokens) {
    const term = termOf(token, language);
    if (term === undefined) continue;
    out.push({ term, position: out.length, start: token.start, end: token.end });
  }
  return out;
}

/** Analyse with offsets: the form the index and the highlighter use. */
export function analyzeTokens(text: string, language: Language): AnalyzedToken[] {
  return analyzeRawTokens(tokenize(text), language);
}

/**
 * The terms for `text`, identical for documents and queries in the same language: fold case,
 * accents and ñ; map every Unicode digit form to ASCII; join a number's groups across spaces,
 * dashes, dots and emoji and read o/l/i/| inside it as digits; squeeze letter runs of three or more;
 * drop Spanish and English stop words; stem with natural's Porter stemmers. Terms contain no
 * whitespace, so they can be stored space-joined in a whitespace-analysed Elasticsearch field.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): string[] {
  const tokens = tokenize(text, false);
  const language = options.language ?? guessLanguageOfWords(wordsOf(tokens));
  return analyzeRawTokens(tokens, language).map((t) => t.term);
}
