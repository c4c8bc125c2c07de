/**
 * @module @nexus/search-index
 * Pure Spanish/English analysis and an in-memory full-text index for the embedded runtime.
 *
 * `analyze` is usable on its own: it is the analysis Nexus runs before indexing into (and querying)
 * Elasticsearch, whose distribution here has no Spanish stemmer or ascii folding. Its terms contain
 * no whitespace, so a whitespace-analysed field stores them unchanged. `createSearchIndex` is the
 * embedded runtime's index: BM25, typo tolerance, phrases, filters, facets, highlights. No I/O, no
 * clock, no randomness.
 */
export { type AnalyzedToken, type AnalyzeOptions, analyze, analyzeTokens, guessLanguage } from "./analyze.js";
export { WEIGHTS } from "./compile-query.js";
export { createSearchIndex } from "./create-search-index.js";
export { highlight, type MatchedTerms } from "./highlight.js";
export { LANGUAGES, type Language } from "./language.js";
export { type ParsedQueryText, parseQueryText } from "./query-parse.js";
export { type RawToken, tokenize } from "./tokenize.js";
export {
  FACET_FIELDS,
  type FacetCount,
  type FacetField,
  type SearchDocument,
  type SearchFilters,
  type SearchHit,
  type SearchIndex,
  type SearchIndexOptions,
  type SearchQuery,
  type SearchResult,
} from "./types.js";
export { fuzzyBudget } from "./vocabulary.js";
