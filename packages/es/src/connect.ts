import { Client } from "@elastic/elasticsearch";
import { createEsIndexer, type EsIndexer } from "./indexer.js";
import type { EsDrop } from "./operations.js";
import { createEsSearch, type EsSearch } from "./search.js";
import { ensureEsIndices } from "./setup.js";

export interface EsConnection {
  readonly indexer: EsIndexer;
  readonly search: EsSearch;
  close(): Promise<void>;
}

/** Connects to `url`, makes sure the Nexus indices exist under `prefix`, and returns an indexer and a searcher. */
export async function connectEs(options: {
  url: string;
  prefix?: string;
  onDrop: (drop: EsDrop) => void;
}): Promise<EsConnection> {
  const client = new Client({ node: options.url });
  const names = await ensureEsIndices({ client, prefix: options.prefix ?? "nexus" });
  return {
    indexer: createEsIndexer({ client, names, onDrop: options.onDrop }),
    search: createEsSearch({ client, names }),
    close: () => client.close(),
  };
}
