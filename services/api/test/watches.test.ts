import type { Alert } from "@nexus/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, KEYS, openSse, openTestApi, type SseClient, type TestApi } from "./alert-harness.js";

let api: TestApi;
let sse: SseClient;
const SECRET = "hush-hush-0123456789";

beforeAll(async () => {
  api = await openTestApi();
  const address = await api.app.listen({ host: "127.0.0.1", port: 0 });
  sse = await openSse(address, "/v1/alerts/stream", as("viewer"));
});
afterAll(async () => {
  sse.close();
  await api.close();
});

async function ingest(...ads: Record<string, unknown>[]): Promise<void> {
  const response = await api.app.inject({ method: "POST", url: "/v1/ads", headers: as("admin"), payload: ads });
  expect(response.statusCode).toBe(202);
  expect(response.json().rejected).toEqual([]);
}

async function addWatch(body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const response = await api.app.inject({ method: "POST", url: "/v1/watches", headers: as("analyst"), payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function alertsOf(watchId: string): Promise<Alert[]> {
  const response = await api.app.inject({ url: `/v1/alerts?watchId=${watchId}`, headers: as("viewer") });
  expect(response.statusCode).toBe(200);
  return response.json().alerts;
}

const ad = (id: string, body: string, extra: Record<string, unknown> = {}) => ({
  id,
  source: "test-site",
  country: "GT",
  body,
  ...extra,
});

/** Each kind: the watch, an ad that matches it, and what the alert's evidence says. */
const KINDS = [
  { watch: { kind: "phone", value: "+502 5123-4567" }, ad: ad("p1", "Llámame 5123-4567"), evidence: "phone" },
  {
    watch: { kind: "email", value: "Luna.Rosa@Gmail.com" },
    ad: ad("e1", "Escríbeme: luna.rosa arroba gmail punto com"),
    evidence: "email",
  },
  {
    watch: { kind: "handle", value: "instagram:@valeria.vip" },
    ad: ad("h1", "sígueme en instagram @valeria.vip"),
    evidence: "handle",
  },
  {
    watch: { kind: "text", value: "masajes relajantes" },
    ad: ad("t1", "Los mejores MASAJES relajantes de la zona"),
    evidence: "text",
  },
  {
    watch: { kind: "image", image: Buffer.from("https://img.test/watched.jpg").toString("base64") },
    ad: ad("i1", "Nueva en la ciudad", { images: [{ url: "https://img.test/watched.jpg" }] }),
    evidence: "photo",
  },
] as const;

describe("watches and alerts over the embedded engine", () => {
  for (const kind of KINDS) {
    it(`a ${kind.watch.kind} watch raises exactly one alert for a matching ad, live and listed`, async () => {
      const watch = await addWatch({ ...kind.watch, label: `case ${kind.watch.kind}` });
      expect(watch.id).toMatch(/^w_[0-9a-f]{32}$/);
      await ingest(kind.ad);
      const listed = await alertsOf(watch.id);
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ watchId: watch.id, adId: kind.ad.id, label: `case ${kind.watch.kind}` });
      expect(listed[0]?.evidence.map((e) => e.kind)).toContain(kind.evidence);
      const streamed = await sse.until((alerts) => alerts.some((a) => a.watchId === watch.id));
      expect(streamed.filter((a) => a.watchId === watch.id).map((a) => a.adId)).toEqual([kind.ad.id]);
    });
  }

  it("an entity watch alerts when a new ad joins the entity", async () => {
    await ingest(ad("n1", "Valentina, tel 5234 5678"));
    const { entityId } = (await api.app.inject({ url: "/v1/ads/n1", headers: as("viewer") })).json();
    expect(entityId).toBeTruthy();
    const watch = await addWatch({ kind: "entity", value: entityId, triggers: ["ad"] });
    expect(watch).toMatchObject({ kind: "entity", triggers: ["ad"] });
    await ingest(ad("n2", "Valentina te espera 5234-5678"));
    const listed = await alertsOf(watch.id);
    expect(listed.map((a) => [a.adId, a.evidence[0]?.kind])).toEqual([["n2", "entity-ad"]]);
    await sse.until((alerts) => alerts.some((a) => a.watchId === watch.id));
  });

  it("a non-matching ad raises none, and a re-sent matching ad raises none again", async () => {
    const before = (await api.app.inject({ url: "/v1/alerts?limit=1000", headers: as("viewer") })).json().alerts;
    await ingest(ad("x1", "Nada que ver aquí, solo un anuncio de prueba 5999 0000"));
    await ingest(KINDS[0].ad);
    const after = (await api.app.inject({ url: "/v1/alerts?limit=1000", headers: as("viewer") })).json().alerts;
    expect(after).toEqual(before);
  });

  it("a stream that resumes from Last-Event-ID gets the stored alerts after it, then live ones", async () => {
    const stored: Alert[] = (await api.app.inject({ url: "/v1/alerts", headers: as("viewer") })).json().alerts;
    const first = stored[0];
    if (!first) throw new Error("no alerts yet");
    const resumed = await openSse(api.app.listeningOrigin, "/v1/alerts/stream", {
      ...as("viewer"),
      "last-event-id": `${first.seq}:${first.id}`,
    });
    try {
      const replayed = await resumed.until((alerts) => alerts.length >= stored.length - 1);
      expect(replayed.map((a) => a.id)).toEqual(stored.slice(1).map((a) => a.id));
      const watch = await addWatch({ kind: "text", value: "ofertas de temporada" });
      await ingest(ad("r1", "Grandes ofertas de temporada"));
      const live = await resumed.until((alerts) => alerts.some((a) => a.watchId === watch.id));
      expect(live.map((a) => a.id)).toEqual([...stored.slice(1).map((a) => a.id), `${watch.id}:r1`]);
    } finally {
      resumed.close();
    }
  });

  it("a deleted watch stops alerting and is gone", async () => {
    const watch = await addWatch({ kind: "phone", value: "5345 6789", country: "gt" });
    expect(watch["value"]).toBe("+50253456789");
    const removed = await api.app.inject({ method: "DELETE", url: `/v1/watches/${watch.id}`, headers: as("analyst") });
    expect(removed.statusCode).toBe(204);
    await ingest(ad("d1", "Llama al 5345-6789"));
    expect(await alertsOf(watch.id)).toEqual([]);
    const again = await api.app.inject({ method: "DELETE", url: `/v1/watches/${watch.id}`, headers: as("analyst") });
    expect(again.statusCode).toBe(404);
    expect((await api.app.inject({ url: `/v1/watches/${watch.id}`, headers: as("analyst") })).statusCode).toBe(404);
  });

  it("never returns a webhook secret, nor logs it", async () => {
    const created = await addWatch({
      kind: "email",
      value: "otra@example.com",
      webhook: { url: "https://hooks.example.com/nexus", secret: SECRET },
    });
    expect(created["webhook"]).toEqual({ url: "https://hooks.example.com/nexus" });
    const one = await api.app.inject({ url: `/v1/watches/${created.id}`, headers: as("analyst") });
    const all = await api.app.inject({ url: "/v1/watches", headers: as("analyst") });
    expect(one.json().webhook).toEqual({ url: "https://hooks.example.com/nexus" });
    expect(all.json().watches.map((w: { id: string }) => w.id)).toContain(created.id);
    for (const body of [JSON.stringify(created), one.body, all.body, JSON.stringify(api.logs.lines)]) {
      expect(body).not.toContain(SECRET);
    }
  });

  it("rejects bad watches with stable codes", async () => {
    const post = (payload: Record<string, unknown>) =>
      api.app.inject({ method: "POST", url: "/v1/watches", headers: as("analyst"), payload });
    const noPhone = await post({ kind: "phone", value: "no number here" });
    expect([noPhone.statusCode, noPhone.json().error.code]).toEqual([400, "NEXUS_WATCH_INVALID"]);
    const noImage = await post({ kind: "image" });
    expect([noImage.statusCode, noImage.json().error.code]).toEqual([400, "NEXUS_WATCH_INVALID"]);
    const noEntity = await post({ kind: "entity", value: "e_does_not_exist" });
    expect([noEntity.statusCode, noEntity.json().error.code]).toEqual([404, "NEXUS_NOT_FOUND"]);
    const badKind = await post({ kind: "horoscope", value: "leo" });
    expect([badKind.statusCode, badKind.json().error.code]).toEqual([400, "NEXUS_SCHEMA_INVALID"]);
    const shortSecret = await post({
      kind: "text",
      value: "hola",
      webhook: { url: "https://x.test", secret: "short" },
    });
    expect(shortSecret.statusCode).toBe(400);
    expect(shortSecret.body).not.toContain('"short"');
  });

  it("enforces roles: viewers read alerts, only analysts manage watches", async () => {
    const viewer = as("viewer");
    const create = await api.app.inject({
      method: "POST",
      url: "/v1/watches",
      headers: viewer,
      payload: { kind: "text", value: "hola" },
    });
    expect([create.statusCode, create.json().error.code]).toEqual([403, "NEXUS_AUTH_FORBIDDEN"]);
    expect((await api.app.inject({ url: "/v1/watches", headers: viewer })).statusCode).toBe(403);
    expect((await api.app.inject({ method: "DELETE", url: "/v1/watches/w_x", headers: viewer })).statusCode).toBe(403);
    expect((await api.app.inject({ url: "/v1/alerts", headers: viewer })).statusCode).toBe(200);
    expect((await api.app.inject({ url: "/v1/alerts/deliveries", headers: viewer })).json()).toEqual({
      deliveries: [],
    });
    expect((await api.app.inject({ url: "/v1/alerts" })).statusCode).toBe(401);
    const stream = await fetch(`${api.app.listeningOrigin}/v1/alerts/stream`);
    expect(stream.status).toBe(401);
    expect(KEYS.viewer).not.toBe(KEYS.analyst);
  });

  it("the live stream carried every alert exactly once, in the order they are listed; lists page by seq", async () => {
    const listed: Alert[] = (await api.app.inject({ url: "/v1/alerts?limit=1000", headers: as("viewer") })).json()
      .alerts;
    expect(listed.length).toBeGreaterThanOrEqual(KINDS.length + 2);
    const streamed = await sse.until((alerts) => alerts.length >= listed.length);
    expect(streamed.map((a) => a.id)).toEqual(listed.map((a) => a.id));
    const [first, second] = listed;
    const page = (await api.app.inject({ url: "/v1/alerts?limit=1", headers: as("viewer") })).json().alerts;
    expect(page.map((a: Alert) => a.id)).toEqual([first?.id]);
    const next = await api.app.inject({ url: `/v1/alerts?limit=1&afterSeq=${first?.seq}`, headers: as("viewer") });
    expect(next.json().alerts.map((a: Alert) => a.id)).toEqual([second?.id]);
  });

  it("documents the routes in the OpenAPI spec", async () => {
    const doc = (await api.app.inject({ url: "/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/watches",
        "/v1/watches/{id}",
        "/v1/alerts",
        "/v1/alerts/stream",
        "/v1/alerts/deliveries",
      ]),
    );
    expect(doc.paths["/v1/watches"].post.requestBody.content["application/json"].schema.required).toEqual(["kind"]);
  });
});
