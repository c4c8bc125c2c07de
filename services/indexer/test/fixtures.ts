import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractAd } from "@nexus/pipeline";
import type { EnrichedAd } from "@nexus/schemas";
import { openStore, type Store } from "@nexus/store";

export function enrichedAd(id: string, body = "Hola, llama al 5555 1234"): EnrichedAd {
  return { ...extractAd({ id, source: "site", body, country: "GT" }), images: [] };
}

export async function tempStore(): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "nexus-indexer-"));
  const store = await openStore(dir);
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
