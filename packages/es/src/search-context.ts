import type { Client, estypes } from "@elastic/elasticsearch";
import { classifyEsError } from "./classify.js";
import type { EsIndexNames } from "./names.js";

/** What every search function needs: the client, the indices and the limits. */
export interface SearchContext {
  readonly client: Client;
  readonly names: EsIndexNames;
  readonly limits: { readonly maxPageSize: number; readonly facetSize: number };
  readonly transport: { readonly requestTimeout: number };
}

/** One _search, with failures classified at this edge. */
export async function runSearch<T>(
  ctx: SearchContext,
  index: string,
  body: Record<string, unknown>,
): Promise<estypes.SearchResponse<T>> {
  try {
    return await ctx.client.search<T>({ index, ...body }, ctx.transport);
  } catch (error) {
    throw classifyEsError(error);
  }
}

export function totalOf(response: estypes.SearchResponse<unknown>): number {
  const total = response.hits.total;
  return typeof total === "number" ? total : (total?.value ?? 0);
}
