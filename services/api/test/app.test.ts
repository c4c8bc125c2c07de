import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Engine, openEngine } from "@nexus/embedded-runtime";
import { createLogger, createMemorySink } from "@nexus/logging";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { parseApiKeys } from "../src/auth.js";
import { createEmbeddedBackend } from "../src/embedded-backend.js";

const dir = mkdtempSync(join(tmpdir(), "nexus-api-"));
const sink = createMemorySink();
let engine: Engine;
let app: FastifyInstance;
const hex = (seed: string): string => Buffer.from(seed).toString("hex").padEnd(64, "0").slice(0, 64);
const keys = { viewer: "v-secret", analyst: "a-secret", admin: "ad-secret" };

beforeAll(async () => {
  engine = await openEngine({
    dataDir: dir,
    hasher: {
      hash: async (ref) => ({
        pdq: hex("url" in ref ? ref.url : "x"),
        quality: 100,
        dihedral: [],
        width: 1,
        height: 1,
        sha256: hex("s"),
      }),
    },
  });
  app = await buildApp({
    backend: createEmbeddedBackend(engine),
    keys: parseApiKeys(`vera:viewer:${keys.viewer},ana:analyst:${keys.analyst},root:admin:${keys.admin}`),
    logger: createLogger({ service: "api", destination: sink }),
    images: {
      hash: async (data) => ({ pdq: hex(data.toString()), dihedral: [hex("nope"), hex(data.toString())], quality: 90 }),
    },
    alerts: engine.alerting,
  });
});
afterAll(async () => {
  await app.close();
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (role: keyof typeof keys) => ({ "x-api-key": keys[role] });

describe("api", () => {
  it("ingests valid ads and reports invalid ones by index", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/ads",
      headers: as("admin"),
      payload: [
        {
          id: "a1",
          source: "s1",
          body: "Hola, soy Valentina, masajista profesional. Llámame 5️⃣5️⃣5️⃣5️⃣ 1️⃣2️⃣3️⃣4️⃣",
          country: "GT",
        },
        {
          id: "a2",
          source: "s2",
          body: "Valentina te espera, whatsapp 5555-1234",
          country: "GT",
          images: [{ url: "https://img.test/v.jpg" }],
        },
        { id: "bad", body: 3 },
      ],
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ accepted: 2, rejected: [{ index: 2, code: "NEXUS_SCHEMA_INVALID" }] });
  });

  it("requires a key, and a role that allows the action", async () => {
    expect((await app.inject({ method: "GET", url: "/v1/ads/search?q=x" })).json()).toMatchObject({
      error: { code: "NEXUS_AUTH_MISSING" },
    });
    const forbidden = await app.inject({ method: "POST", url: "/v1/ads", headers: as("viewer"), payload: {} });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe("NEXUS_AUTH_FORBIDDEN");
  });

  it("finds an obfuscated phone typed plainly, and a misspelled Spanish word", async () => {
    const byPhone = await app.inject({ url: "/v1/phones/+502%205555%201234/ads", headers: as("viewer") });
    expect(
      byPhone
        .json()
        .hits.map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual(["a1", "a2"]);
    const misspelled = await app.inject({ url: "/v1/ads/search?q=masagista", headers: as("viewer") });
    expect(misspelled.json().hits.map((h: { id: string }) => h.id)).toContain("a1");
  });

  it("shows an entity with its links and why two ads are joined", async () => {
    const ad = (await app.inject({ url: "/v1/ads/a1", headers: as("viewer") })).json();
    const entity = (await app.inject({ url: `/v1/entities/${ad.entityId}`, headers: as("viewer") })).json();
    expect(entity.adIds.sort()).toEqual(["a1", "a2"]);
    expect(entity.links[0].evidence.map((e: { kind: string }) => e.kind)).toContain("phone");
    const why = (await app.inject({ url: "/v1/why?a=a1&b=a2", headers: as("viewer") })).json();
    expect(why.joined).toBe(true);
    expect((await app.inject({ url: "/v1/entities/nope", headers: as("viewer") })).statusCode).toBe(404);
  });

  it("searches entities by a phone in any format and by words", async () => {
    const byPhone = (await app.inject({ url: "/v1/entities?phone=%2B502%205555-1234", headers: as("viewer") })).json();
    expect(byPhone.hits).toHaveLength(1);
    expect([...byPhone.hits[0].adIds].sort()).toEqual(["a1", "a2"]);
    const byWords = (await app.inject({ url: "/v1/entities?q=valentina&layer=persona", headers: as("viewer") })).json();
    expect(byWords.total).toBeGreaterThan(0);
    expect((await app.inject({ url: "/v1/entities", headers: as("viewer") })).statusCode).toBe(400);
  });

  it("searches by photo, matching a dihedral variant", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/images/search",
      headers: { ...as("analyst"), "content-type": "image/jpeg" },
      payload: Buffer.from("https://img.test/v.jpg"),
    });
    expect(response.json().hits).toEqual([{ id: "a2", distance: 0 }]);
  });

  it("serves an OpenAPI document and audits requests without the key", async () => {
    const doc = (await app.inject({ url: "/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/ads/search", "/v1/entities/{id}", "/v1/images/search"]),
    );
    const audit = sink.lines.filter((line) => line["audit"]);
    expect(audit.length).toBeGreaterThan(3);
    expect(JSON.stringify(sink.lines)).not.toContain(keys.admin);
  });
});
