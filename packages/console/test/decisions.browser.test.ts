import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api.js";
import { openBrowser, signedInBrowser, signIn } from "./support/browser.js";
import { corpus } from "./support/corpus.js";

const s = signedInBrowser("analyst");
beforeAll(async () => {});
afterAll(async () => {
  expect(s.browser.foreignRequests).toEqual([]);
  await s.browser.close();
});

/** Two ads the engine put in different networks, and those networks. */
async function twoNetworks(): Promise<{ adA: string; adB: string; a: string; b: string }> {
  const ads = corpus().truth.map((t) => t.adId);
  const first = await apiAs<{ entityId: string }>("viewer", `/v1/ads/${encodeURIComponent(ads[0] as string)}`);
  for (const id of ads.slice(1)) {
    const other = await apiAs<{ entityId: string }>("viewer", `/v1/ads/${encodeURIComponent(id)}`);
    if (other.body.entityId !== first.body.entityId) {
      return { adA: ads[0] as string, adB: id, a: first.body.entityId, b: other.body.entityId };
    }
  }
  throw new Error("one network only");
}

const why = async (a: string, b: string) =>
  (await apiAs<{ joined: boolean }>("viewer", `/v1/why?a=${a}&b=${b}`)).body.joined;

describe("decisions from the entity page", () => {
  it("records must-link and cannot-link with who and when, and the lineage shows the merge", async () => {
    const { adA, adB, a, b } = await twoNetworks();
    expect(await why(adA, adB)).toBe(false);
    await s.page.goto(`${s.browser.url}/entities/${encodeURIComponent(a)}`);
    await s.page.getByTestId("entity").waitFor();
    await s.page.getByLabel("Must link").check();
    await s.page.getByLabel("Other ad or entity id").fill(b);
    await s.page.getByLabel("Note").fill("same photos, same hotel");
    await s.page.getByRole("button", { name: "Record decision" }).click();
    await s.page.getByTestId("decisions").waitFor();
    const listed = await s.page.getByTestId("decisions").textContent();
    expect(listed).toMatch(new RegExp(`must-link ${a} ↔ ${b} by ana on .*2026`));
    expect(listed).toContain("same photos, same hotel");
    expect(await why(adA, adB)).toBe(true);
    expect(await s.page.getByTestId("lineage").textContent()).toMatch(new RegExp(`Merged from: .*(${a}|${b})`));

    await s.page.getByLabel("Cannot link").check();
    await s.page.getByLabel("Other ad or entity id").fill(adB);
    await s.page.getByRole("button", { name: "Record decision" }).click();
    await expect
      .poll(() => s.page.getByTestId("decisions").textContent())
      .toMatch(new RegExp(`cannot-link .* ↔ ${adB} by ana`));
    expect(await why(adA, adB)).toBe(false);
  });
});

describe("generic values review", () => {
  it("lets an analyst override a demoted value, recorded with who", async () => {
    await s.page.goto(`${s.browser.url}/generics`);
    const row = s.page.getByTestId("generics").locator("tbody tr").first();
    const key = ((await row.locator("code").textContent()) ?? "").replace(/…$/, "");
    await row.getByRole("button", { name: "Use as a link" }).click();
    await s.page.getByRole("status").filter({ hasText: "Override recorded." }).waitFor();
    const { body } = await apiAs<{ decisions: { kind: string; key?: string; by?: string; at?: string }[] }>(
      "viewer",
      "/v1/decisions",
    );
    const override = body.decisions.find((d) => d.kind === "override" && d.key?.startsWith(key));
    expect(override).toMatchObject({ by: "ana", at: expect.stringMatching(/^2026-/) });
    await s.page
      .getByTestId("generics")
      .locator("tr", { hasText: key })
      .getByRole("button", { name: "Mark generic" })
      .click();
    await expect
      .poll(async () => (await apiAs<{ decisions: unknown[] }>("viewer", "/v1/decisions")).body.decisions.length)
      .toBe(body.decisions.length + 1);
  });
});

describe("roles and CSRF", () => {
  it("hides decisions from a viewer, and the API refuses them even when forced", async () => {
    const viewer = await openBrowser();
    try {
      await signIn(viewer, "viewer");
      const { a } = await twoNetworks();
      await viewer.page.goto(`${viewer.url}/entities/${encodeURIComponent(a)}`);
      await viewer.page.getByTestId("entity").waitFor();
      expect(await viewer.page.getByRole("button", { name: "Record decision" }).count()).toBe(0);
      const forced = await viewer.page.evaluate(async (entity) => {
        const me = (await (await fetch("/v1/session")).json()) as { csrfToken: string };
        const response = await fetch("/v1/decisions", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ kind: "cannot-link", a: entity, b: entity }),
        });
        return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
      }, a);
      expect(forced).toEqual({ status: 403, code: "NEXUS_AUTH_FORBIDDEN" });
    } finally {
      await viewer.close();
    }
  });

  it("refuses a cookie-authenticated write without the session's CSRF token", async () => {
    const refused = await s.page.evaluate(async () => {
      const response = await fetch("/v1/watches", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "text", value: "forged" }),
      });
      return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
    });
    expect(refused).toEqual({ status: 403, code: "NEXUS_AUTH_CSRF" });
  });
});
