import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api.js";
import { expectAccessible, openBrowser, signedInBrowser, signIn } from "./support/browser.js";
import { corpus } from "./support/corpus.js";

const s = signedInBrowser("analyst");
beforeAll(async () => {});
afterAll(async () => {
  expect(s.browser.foreignRequests).toEqual([]);
  await s.browser.close();
});

/** Presses Tab until `selector` has the focus (at most `limit` presses). */
async function tabTo(selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await s.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await s.page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("accessibility", () => {
  it("has no serious or critical axe violations on the main pages", async () => {
    const fresh = await openBrowser();
    try {
      await fresh.page.goto(`${fresh.url}/search`);
      await fresh.page.getByLabel("API key").waitFor();
      await expectAccessible(fresh.page);
    } finally {
      await fresh.close();
    }
    const entity = (await apiAs<{ entityId: string }>("viewer", "/v1/ads/netfix-0001")).body.entityId;
    const pages = [
      `/why?a=netfix-0000&b=netfix-0010`,
      `/entities/${entity}/summary`,
      "/generics",
      "/settings",
      "/watches",
      `/entities/${entity}`,
      "/ads/netfix-0001",
    ];
    for (const path of pages) {
      await s.page.goto(`${s.browser.url}${path}`);
      await s.page.locator("main h1").first().waitFor();
      await s.page.waitForLoadState("networkidle");
      await expectAccessible(s.page);
    }
  });

  it("can be used with the keyboard alone: skip link, search, open a result", async () => {
    await s.page.goto(`${s.browser.url}/search`);
    await s.page.keyboard.press("Tab");
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await tabTo("input[type=search]");
    await s.page.keyboard.type("Valeria");
    await s.page.keyboard.press("Enter");
    await s.page.locator("[data-testid=hits] li").first().waitFor();
    await tabTo("[data-testid=hits] li h3 a");
    await s.page.keyboard.press("Enter");
    await s.page.getByTestId("ad-body").waitFor();
    expect(s.page.url()).toMatch(/\/ads\//);
    await tabTo("article.ad .reveal");
    await s.page.keyboard.press("Enter");
    expect(await s.page.locator("article.ad .photo img").first().getAttribute("class")).toBeNull();
  });
});

describe("languages", () => {
  it("switches between English and Spanish, and remembers the choice", async () => {
    await s.page.goto(`${s.browser.url}/search`);
    await s.page.getByLabel("Language").selectOption("es");
    await s.page.getByRole("heading", { name: "Buscar anuncios" }).waitFor();
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe("es");
    await s.page.reload();
    await s.page.getByRole("heading", { name: "Buscar anuncios" }).waitFor();
    expect(await s.page.getByRole("link", { name: "Vigilancias y alertas" }).count()).toBe(1);
    await expectAccessible(s.page);
    await s.page.getByLabel("Idioma").selectOption("en");
    await s.page.getByRole("heading", { name: "Search ads" }).waitFor();
  });
});

describe("victim-safe photos", () => {
  it("are blurred by default; turning that off is a per-user setting kept by the server", async () => {
    await s.page.goto(`${s.browser.url}/settings`);
    const blur = s.page.getByLabel("Blur photos until I reveal them");
    expect(await blur.isChecked()).toBe(true);
    await blur.uncheck();
    await s.page.getByRole("button", { name: "Save" }).click();
    await s.page.getByRole("status").waitFor();
    // The setting follows the user to another browser; another user keeps the default.
    const photoOf = async (role: "analyst" | "viewer", expected: string | null): Promise<void> => {
      const other = await openBrowser();
      try {
        await signIn(other, role);
        const settings = other.page.waitForResponse((r) => r.url().endsWith("/v1/me/settings"));
        await other.page.goto(`${other.url}/ads/${encodeURIComponent(await adWithPhoto())}`);
        await settings;
        const img = other.page.locator("article.ad .photo img").first();
        await expect.poll(() => img.getAttribute("class")).toBe(expected);
      } finally {
        await other.close();
      }
    };
    await photoOf("analyst", null);
    await photoOf("viewer", "blurred");
    await s.page.goto(`${s.browser.url}/settings`);
    await blur.check();
    await s.page.getByRole("button", { name: "Save" }).click();
    await s.page.getByRole("status").waitFor();
  });
});

describe("why", () => {
  it("explains two ads of one persona by a chain with evidence, and two strangers by why not", async () => {
    await s.page.goto(`${s.browser.url}/why`);
    await s.page.getByLabel("First ad id").fill("netfix-0000");
    await s.page.getByLabel("Second ad id").fill("netfix-0010");
    await s.page.getByRole("button", { name: "Explain" }).click();
    await s.page.getByTestId("why-result").waitFor();
    expect(await s.page.getByTestId("why-result").textContent()).toMatch(/Joined in one .*phone \+50244120001/s);
    await s.page.goto(`${s.browser.url}/why?a=netfix-0000&b=${encodeURIComponent((await firstCorpusAd()) ?? "")}`);
    await expect.poll(() => s.page.getByTestId("why-result").textContent()).toContain("Not joined");
  });
});

async function firstCorpusAd(): Promise<string | undefined> {
  return corpus().truth[0]?.adId;
}

async function adWithPhoto(): Promise<string> {
  return corpus().ads.find((a) => a.images?.length)?.id as string;
}
