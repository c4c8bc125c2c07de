/**
 * @module @nexus/es
 * The Elasticsearch adapter: index templates for ads and entities, a versioned bulk indexer that
 * reports every document it could not write, and search (full text, facets, phones, photos,
 * entities) returning the same shapes as @nexus/search-index.
 *
 * Text is analysed in Nexus (`analyze` from @nexus/search-index) before indexing and querying, and
 * stored in whitespace-analysed fields: the distribution here lacks analysis-common, and doing it in
 * Nexus makes a local node, a full production cluster and the embedded index agree term for term.
 */
export { type AdSearchRequest, buildAdSearch, type EsAdQuery, facetAggs, filterClauses } from "./ad-query.js";
export { classifyEsError, classifyItem, type ItemVerdict } from "./classify.js";
export { connectEs, type EsConnection } from "./connect.js";
export {
  adInputFromEnriched,
  type EsAdDocument,
  type EsAdInput,
  type EsEntityDocument,
  type EsEntityRedirect,
  MIN_PDQ_QUALITY,
  toAdDocument,
} from "./documents.js";
export { type EntityLookup, entityChangeOps } from "./entity-ops.js";
export { hexHamming } from "./hamming.js";
export { highlightAd } from "./highlight.js";
export { createEsIndexer, type EsIndexer, type EsIndexerOptions, type EsWriteReport } from "./indexer.js";
export { AD_MAPPINGS, ENTITY_MAPPINGS, type EsIndexSettings, PDQ_DIMS } from "./mappings.js";
export { type EsIndexNames, esIndexNames, MAPPING_VERSION } from "./names.js";
export { type BulkItem, cutBatches, type EsDrop, type EsWriteOp, toBulkItem } from "./operations.js";
export { BatchSizer, backoffMs, type RetryPolicy } from "./retry.js";
export { createEsSearch, type EsSearch, type EsSearchOptions } from "./search.js";
export type {
  EsAdHit,
  EsAdResult,
  EsAdSummary,
  EsEntityDetail,
  EsEntityHit,
  EsEntityQuery,
  EsEntityResult,
  EsImageHit,
  EsImageQuery,
} from "./search-types.js";
export { dropEsIndices, type EnsureEsIndicesOptions, ensureEsIndices } from "./setup.js";
