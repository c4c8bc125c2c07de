/**
 * Issue 7 acceptance: after ingesting a generated corpus (indexed into a real Elasticsearch by the
 * same code the embedded runtime runs when a server is configured), the API over the Elasticsearch
 * backend finds an ad by its obfuscated phone typed plainly, by a misspelled Spanish word of its
 * text, and by a flipped, re-encoded copy of its photo.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@elastic/elasticsearch";
import { type Engine, openEngine } from "@nexus/embedded-runtime";
import { createEsIndexer, createEsSearch, dropEsIndices, ensureEsIndices } from "@nexus/es";
import { createImageHasher } from "@nexus/image-input";
import { createLogger, createMemorySink } from "@nexus/logging";
import type { EnrichedAd } from "@nexus/schemas";
import { buildApp } from "@nexus/service-api/app";
import { createEmbeddedBackend } from "@nexus/service-api/embedded-backend";
import { createEsBackend } from "@nexus/service-api/es-backend";
import { elasticsearchUrl } from "@nexus/test-helpers";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../corpus/generate.js";

const work = mkdtempSync(join(tmpdir(), "nexus-api-es-"));
const prefix = `nexus-e2e-${randomUUID().slice(0, 8)}`;
let client: Client;
let engine: Engine;
let app: FastifyInstance;
let target: EnrichedAd;

const ids = (body: { hits: { id: string }[] }): string[] => body.hits.map((hit) => hit.id);

beforeAll(async () => {
  client = new Client({ node: await elasticsearchUrl() });
  const names = await ensureEsIndices({ client, prefix });
  const drops: unknown[] = [];
  const indexer = createEsIndexer({ client, names, refresh: "wait_for", onDrop: (drop) => drops.push(drop) });
  const corpus = await generateCorpus({ ads: 150, seed: 3, out: join(work, "corpus"), imageSize: 256 });
  engine = await openEngine({ dataDir: join(work, "data"), esIndexer: indexer });
  const lines = readFileSync(corpus.adsPath, "utf8").split("\n").filter(Boolean);
  const summary = await engine.ingest(
    (async function* () {
      yield* lines;
    })(),
  );
  expect(summary).toMatchObject({ accepted: 150, indexErrors: 0 });
  expect(drops).toEqual([]);
  const hasher = createImageHasher();
  app = await buildApp({
    backend: createEsBackend(createEsSearch({ client, names }), createEmbeddedBackend(engine)),
    keys: [],
    logger: createLogger({ service: "api", level: "silent", destination: createMemorySink() }),
    images: { hash: (data) => hasher.hash({ data: data.toString("base64") }) },
    alerts: engine.alerting,
  });
  // An ad whose phone is obfuscated (spelled out, emoji digits, letters…) and that has a photo.
  for (const line of lines) {
    const ad = await engine.ad((JSON.parse(line) as { id: string }).id);
    const obfuscated = ad?.extraction.phones.some((p) => p.obfuscations.some((o) => o !== "separators"));
    if (ad && obfuscated && ad.images.some((image) => image.pdq && (image.quality ?? 0) >= 50)) {
      target = ad;
      break;
    }
  }
  expect(target).toBeDefined();
});

afterAll(async () => {
  await app?.close();
  await engine?.close();
  await dropEsIndices(client, prefix).catch(() => undefined);
  await client?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("API over Elasticsearch after ingesting a corpus", () => {
  it("serves from Elasticsearch", async () => {
    expect((await app.inject({ url: "/readyz" })).json()).toMatchObject({ backend: "elasticsearch" });
  });

  it("finds an ad by its obfuscated phone typed plainly", async () => {
    const phone = target.extraction.phones.find((p) => p.obfuscations.some((o) => o !== "separators"));
    if (!phone) throw new Error("no obfuscated phone");
    const plain = `${phone.e164.slice(0, 4)} ${phone.e164.slice(4)}`;
    const response = await app.inject({ url: `/v1/phones/${encodeURIComponent(plain)}/ads` });
    expect(response.statusCode).toBe(200);
    expect(ids(response.json())).toContain(target.id);
    const entities = (await app.inject({ url: `/v1/entities?phone=${encodeURIComponent(plain)}` })).json();
    expect(entities.hits.flatMap((hit: { adIds: string[] }) => hit.adIds)).toContain(target.id);
  });

  it("finds an ad by a misspelled Spanish word of its text", async () => {
    const words = target.ad.body.match(/\p{L}{8,}/gu) ?? [];
    const word = [...words].sort((a, b) => b.length - a.length)[0];
    if (!word) throw new Error("no long word");
    const typo = `${word.slice(0, 3)}${word[3] === "e" ? "i" : "e"}${word.slice(4)}`.toLowerCase();
    const response = await app.inject({ url: `/v1/ads/search?q=${encodeURIComponent(typo)}&size=200` });
    expect(ids(response.json())).toContain(target.id);
  });

  it("finds an ad by a flipped, re-encoded copy of its photo", async () => {
    const image = target.images.find((i) => i.pdq && (i.quality ?? 0) >= 50);
    if (!image) throw new Error("no photo");
    const copy = await sharp(fileURLToPath(image.ref)).flop().jpeg({ quality: 70 }).toBuffer();
    const response = await app.inject({
      method: "POST",
      url: "/v1/images/search",
      headers: { "content-type": "image/jpeg" },
      payload: copy,
    });
    expect(response.statusCode).toBe(200);
    expect(ids(response.json())).toContain(target.id);
  });
});
