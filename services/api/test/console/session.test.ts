import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleHarness, KEYS, openConsoleHarness, signIn } from "./harness.js";

let h: ConsoleHarness;
beforeAll(async () => {
  h = await openConsoleHarness();
});
afterAll(() => h.close());

describe("console sign-in", () => {
  it("turns a valid key into an HttpOnly, SameSite=Strict session cookie, never echoing the key", async () => {
    const wrong = await h.app.inject({ method: "POST", url: "/v1/session", payload: { key: "nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    const response = await h.app.inject({ method: "POST", url: "/v1/session", payload: { key: KEYS.analyst } });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/^nexus_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(response.body).not.toContain(KEYS.analyst);
    expect(response.json()).toMatchObject({ user: { name: "ana", role: "analyst" }, mode: "keys" });
  });

  it("audits sign-ins and what a session does, by principal, never with the key or cookie", async () => {
    const before = h.logs.length;
    await h.app.inject({ method: "POST", url: "/v1/session", payload: { key: "wrong-key" } });
    const { cookie } = await signIn(h.app, "viewer");
    await h.app.inject({ url: "/v1/generics", headers: { cookie } });
    const audit = h.logs.slice(before).filter((line) => line["audit"] === true);
    expect(audit.map((a) => [a["route"], a["status"], a["principal"]])).toEqual([
      ["/v1/session", 401, undefined],
      ["/v1/session", 200, "vera"],
      ["/v1/generics", 200, "vera"],
    ]);
    const text = JSON.stringify(h.logs);
    expect(text).not.toContain(KEYS.viewer);
    expect(text).not.toContain(cookie.split("=")[1]);
  });

  it("authenticates reads by the cookie and ends with sign-out", async () => {
    const { cookie, csrf } = await signIn(h.app, "viewer");
    const me = await h.app.inject({ url: "/v1/session", headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { name: "vera", role: "viewer" }, csrfToken: csrf });
    const out = await h.app.inject({ method: "DELETE", url: "/v1/session", headers: { cookie, "x-csrf-token": csrf } });
    expect(out.statusCode).toBe(204);
    expect((await h.app.inject({ url: "/v1/session", headers: { cookie } })).statusCode).toBe(401);
  });
});

describe("CSRF", () => {
  const watch = { kind: "text", value: "masajes" };

  it("refuses a cookie-authenticated write without the session's token, or with another's", async () => {
    const { cookie } = await signIn(h.app, "analyst");
    const other = await signIn(h.app, "analyst");
    for (const headers of [{ cookie }, { cookie, "x-csrf-token": other.csrf }, { cookie, "x-csrf-token": "" }]) {
      const response = await h.app.inject({ method: "POST", url: "/v1/watches", headers, payload: watch });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("NEXUS_AUTH_CSRF");
    }
  });

  it("refuses a write from another origin even with the token", async () => {
    const { cookie, csrf } = await signIn(h.app, "analyst");
    const response = await h.app.inject({
      method: "POST",
      url: "/v1/watches",
      headers: { cookie, "x-csrf-token": csrf, origin: "https://evil.example", host: "127.0.0.1:8080" },
      payload: watch,
    });
    expect(response.json().error.code).toBe("NEXUS_AUTH_CSRF");
  });

  it("takes a write with the token from the same origin; an API key needs no token", async () => {
    const { cookie, csrf } = await signIn(h.app, "analyst");
    const same = await h.app.inject({
      method: "POST",
      url: "/v1/watches",
      headers: { cookie, "x-csrf-token": csrf, origin: "http://127.0.0.1:8080", host: "127.0.0.1:8080" },
      payload: watch,
    });
    expect(same.statusCode).toBe(201);
    const keyed = await h.app.inject({
      method: "POST",
      url: "/v1/watches",
      headers: { "x-api-key": KEYS.analyst },
      payload: watch,
    });
    expect(keyed.statusCode).toBe(201);
  });
});

describe("roles over the cookie", () => {
  it("holds the key's role: a viewer's session cannot decide, watch or override", async () => {
    const { cookie, csrf } = await signIn(h.app, "viewer");
    const headers = { cookie, "x-csrf-token": csrf };
    for (const [url, payload] of [
      ["/v1/decisions", { kind: "must-link", a: "x", b: "y" }],
      ["/v1/generics", { key: "phone:+50255512345", mode: "specific" }],
      ["/v1/watches", { kind: "text", value: "x" }],
    ] as const) {
      const response = await h.app.inject({ method: "POST", url, headers, payload });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("NEXUS_AUTH_FORBIDDEN");
    }
  });

  it("keeps settings per user", async () => {
    const ana = await signIn(h.app, "analyst");
    const put = await h.app.inject({
      method: "PUT",
      url: "/v1/me/settings",
      headers: { cookie: ana.cookie, "x-csrf-token": ana.csrf },
      payload: { blurPhotos: false, language: "es" },
    });
    expect(put.json()).toEqual({ blurPhotos: false, language: "es" });
    const vera = await signIn(h.app, "viewer");
    expect((await h.app.inject({ url: "/v1/me/settings", headers: { cookie: vera.cookie } })).json()).toEqual({
      blurPhotos: true,
    });
    expect((await h.app.inject({ url: "/v1/me/settings", headers: { cookie: ana.cookie } })).json()).toMatchObject({
      blurPhotos: false,
    });
  });
});
