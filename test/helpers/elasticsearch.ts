import { onTestFinished } from "vitest";
import { uniqueIndexName } from "./names.js";
import { elasticsearchUrl } from "./services.js";

export interface IndexOptions {
  readonly prefix?: string;
  /** Index creation body (settings, mappings); one shard and no replicas unless given. */
  readonly body?: Readonly<Record<string, unknown>>;
}

export interface IndexHandle {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function call(url: string, init: RequestInit & { method: string }): Promise<Response> {
  return fetch(url, {
    ...init,
    headers: { "content-type": "application/json" },
    signal: AbortSignal.timeout(30_000),
  });
}

/** Deletes indices, ignoring ones that are already gone. */
export async function deleteIndices(url: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const res = await call(`${url}/${names.map(encodeURIComponent).join(",")}?ignore_unavailable=true`, {
    method: "DELETE",
  });
  if (!res.ok) throw new Error(`deleting ${names.join(",")} failed: ${res.status} ${await res.text()}`);
}

/** Creates a UUID-named index (single node: no replicas, so it is green); `drop()` deletes it. */
export async function createIndex(url: string, options: IndexOptions = {}): Promise<IndexHandle> {
  const name = uniqueIndexName(options.prefix);
  const body = options.body ?? { settings: { number_of_shards: 1, number_of_replicas: 0 } };
  const res = await call(`${url}/${encodeURIComponent(name)}?wait_for_active_shards=1`, {
    method: "PUT",
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`creating index ${name} failed: ${res.status} ${await res.text()}`);
  return { name, url, drop: () => deleteIndices(url, [name]) };
}

/** Inside a test: a fresh index on the harness's node, deleted when the test finishes. */
export async function testIndex(options: IndexOptions = {}): Promise<IndexHandle> {
  const index = await createIndex(await elasticsearchUrl(), options);
  onTestFinished(() => index.drop());
  return index;
}
