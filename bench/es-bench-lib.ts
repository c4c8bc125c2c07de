/** Shared helpers for the Elasticsearch benchmarks: the node, fresh indices, medians, percentiles. */
import { randomUUID } from "node:crypto";
import { Client } from "@elastic/elasticsearch";
import { dropEsIndices, type EsIndexNames, ensureEsIndices } from "@nexus/es";

export function esClient(): Client {
  return new Client({ node: process.env["ELASTICSEARCH_URL"] ?? "http://127.0.0.1:9200", requestTimeout: 120_000 });
}

export async function freshIndices(
  client: Client,
  tag: string,
): Promise<{ names: EsIndexNames; drop: () => Promise<void> }> {
  const prefix = `nexus-bench-${tag}-${randomUUID()}`;
  const names = await ensureEsIndices({ client, prefix });
  return { names, drop: () => dropEsIndices(client, prefix) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}
