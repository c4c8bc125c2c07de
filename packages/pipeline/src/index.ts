/**
 * @module @nexus/pipeline
 * The stage processors, pure and shared by both runtimes: parse/validate raw ads, extract, enrich
 * with image hashes (through a port), and map to resolution features. No Kafka, Elasticsearch,
 * file system or clock here; the runtimes bring those.
 */
export { adText, extractAd } from "./extract/extract-ad.js";
export { enrichAd, type HashedImage, type ImageHasherPort } from "./imagehash/enrich-ad.js";
export { normaliseRawAd, type ParsedLine, type ParseOptions, parseRawAdLine } from "./ingest/parse-raw-ad.js";
export { toAdFeatures } from "./resolve/ad-features.js";
export { splitPhoneQuery } from "./search/phone-query.js";
