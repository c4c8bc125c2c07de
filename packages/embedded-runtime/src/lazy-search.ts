import { createSearchIndex, type SearchDocument, type SearchIndex } from "@nexus/search-index";
import type { Store } from "@nexus/store";
import { KEYS } from "./keys.js";
import type { StoredEnrichedAd } from "./process.js";
import { toSearchDocument } from "./search-document.js";

/**
 * The full-text index, built from the store the first time a search needs it, so commands that
 * never search (entities, why, ingest) do not pay for it at start. Once built it follows every new ad.
 */
export interface LazySearchIndex {
  upsert(doc: SearchDocument): void;
  ready(): Promise<SearchIndex>;
}

export function createLazySearchIndex(store: Store): LazySearchIndex {
  let index: SearchIndex | undefined;
  let building: Promise<SearchIndex> | undefined;
  const build = async (): Promise<SearchIndex> => {
    const fresh = createSearchIndex();
    for await (const [, stored] of store.scan<StoredEnrichedAd>(KEYS.enrichedPrefix))
      fresh.upsert(toSearchDocument(stored.enriched));
    index = fresh;
    return fresh;
  };
  return {
    upsert(doc) {
      index?.upsert(doc);
    },
    ready() {
      if (index) return Promise.resolve(index);
      building ??= build();
      return building;
    },
  };
}
