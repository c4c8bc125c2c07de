import type { Client } from "@elastic/elasticsearch";
import { classifyEsError } from "./classify.js";
import { AD_MAPPINGS, ENTITY_MAPPINGS, type EsIndexSettings, indexSettings } from "./mappings.js";
import { type EsIndexNames, esIndexNames } from "./names.js";

export interface EnsureEsIndicesOptions extends EsIndexSettings {
  readonly client: Client;
  /** Name prefix (default "nexus"). */
  readonly prefix?: string;
}

async function ensureOne(
  client: Client,
  spec: { template: string; index: string; alias: string; mappings: object },
  settings: Record<string, unknown>,
): Promise<void> {
  // The template makes any later `<prefix>-ads-vN` created by hand (a reindex target) get the same mappings.
  await client.indices.putIndexTemplate({
    name: spec.template,
    index_patterns: [`${spec.index.replace(/-v\d+$/, "")}-v*`],
    priority: 200,
    template: { settings, mappings: spec.mappings },
  });
  if (await client.indices.exists({ index: spec.index })) return;
  try {
    await client.indices.create({
      index: spec.index,
      aliases: { [spec.alias]: { is_write_index: true } },
      wait_for_active_shards: 1,
    });
  } catch (error) {
    // Another process created it between our check and create: fine.
    const e = error as { meta?: { body?: { error?: { type?: string } } } };
    if (e.meta?.body?.error?.type !== "resource_already_exists_exception") throw classifyEsError(error);
  }
}

/** Put the index templates and create `<prefix>-ads-v1` / `<prefix>-entities-v1` with their aliases (idempotent). */
export async function ensureEsIndices(options: EnsureEsIndicesOptions): Promise<EsIndexNames> {
  const names = esIndexNames(options.prefix);
  const settings = indexSettings(options);
  try {
    await ensureOne(
      options.client,
      { template: names.ads, index: names.adsIndex, alias: names.ads, mappings: AD_MAPPINGS },
      settings,
    );
    await ensureOne(
      options.client,
      { template: names.entities, index: names.entitiesIndex, alias: names.entities, mappings: ENTITY_MAPPINGS },
      settings,
    );
  } catch (error) {
    throw classifyEsError(error);
  }
  return names;
}

/** Delete the indices and templates of a prefix (tests, teardown). Missing ones are ignored. */
export async function dropEsIndices(client: Client, prefix: string): Promise<void> {
  const names = esIndexNames(prefix);
  await client.indices.delete({ index: [names.adsIndex, names.entitiesIndex], ignore_unavailable: true });
  for (const template of [names.ads, names.entities]) {
    await client.indices.deleteIndexTemplate({ name: template }, { ignore: [404] });
  }
}
