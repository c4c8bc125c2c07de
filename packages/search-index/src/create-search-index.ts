import { NexusError } from "@nexus/errors";
import { findMatches, pageOf } from "./execute.js";
import { compileFilters, countFacets } from "./filters.js";
import { highlight } from "./highlight.js";
import { InvertedIndex } from "./index-store.js";
import { ScratchPool } from "./scratch.js";
import { topK } from "./top-k.js";
import type { SearchDocument, SearchHit, SearchIndex, SearchIndexOptions, SearchQuery, SearchResult } from "./types.js";

const DEFAULTS = { k1: 1.2, b: 0.75, titleBoost: 2, fuzzy: true, facetSize: 20, maxPageSize: 1000 } as const;

function checkDocument(doc: SearchDocument): void {
  if (typeof doc.id !== "string" || doc.id === "" || typeof doc.body !== "string") {
    throw new NexusError("NEXUS_USAGE", "a search document needs a non-empty string id and a string body", {
      details: { id: doc.id },
    });
  }
}

function allLive(index: InvertedIndex): number[] {
  const out: number[] = [];
  for (const num of index.numById.values()) out.push(num);
  return out;
}

/**
 * An in-memory BM25 index over ads, with typo-tolerant Spanish/English matching, phrases, filters,
 * facets and highlights. Rebuild it by upserting every stored ad; it keeps no state elsewhere.
 */
export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const settings = { ...DEFAULTS, ...options };
  const index = new InvertedIndex(settings.titleBoost);
  const { columns } = index;
  const scratch = new ScratchPool();

  function search(query: SearchQuery): SearchResult {
    try {
      return run(query);
    } finally {
      scratch.release();
    }
  }

  function run(query: SearchQuery): SearchResult {
    const page = pageOf(query, settings.maxPageSize);
    const accept = query.filters === undefined ? undefined : compileFilters(columns, query.filters);
    const matches = findMatches(query, index, { ...settings, scratch });
    const matched = matches.nums ?? allLive(index);
    const kept = accept === undefined ? matched : matched.filter(accept);
    const source = { idOf: (num: number) => columns.docs[num]?.id ?? "", scoreOf: matches.scoreOf };
    const hits = topK(kept, source, page.from + page.size)
      .slice(page.from)
      .map((r): SearchHit => {
        const doc = columns.docs[r.num] as SearchDocument;
        const language = columns.languages[r.num] ?? "es";
        return { id: r.id, score: r.score, highlights: highlight(doc, language, matches.terms) };
      });
    const facets = countFacets(columns, kept, { fields: query.facets ?? [], limit: settings.facetSize });
    return { total: kept.length, hits, facets };
  }

  return {
    upsert(doc) {
      checkDocument(doc);
      index.add(doc);
    },
    remove(id) {
      index.remove(id);
    },
    search,
    get size() {
      return index.size;
    },
  };
}
