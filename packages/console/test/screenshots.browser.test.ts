import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api.js";
import { type Browser, openBrowser, signIn } from "./support/browser.js";
import { corpus } from "./support/corpus.js";
import { REPO } from "./support/stack.js";

// `NEXUS_SCREENSHOTS=1 npm run test:browser -- screenshots` refreshes docs/screenshots/; CI skips it.
const enabled = process.env["NEXUS_SCREENSHOTS"] === "1";
const out = join(REPO, "docs/screenshots");
let browser: Browser;

beforeAll(async () => {
  if (!enabled) return;
  mkdirSync(out, { recursive: true });
  browser = await openBrowser();
  await signIn(browser, "analyst");
});
afterAll(async () => {
  await browser?.close();
});

describe.runIf(enabled)("screenshots of the main pages", () => {
  it("saves search, ad, entity, why and watches", async () => {
    const { page, url } = browser;
    const shot = (name: string) => page.screenshot({ path: join(out, `${name}.png`), fullPage: false });
    await page.goto(`${url}/search?q=${encodeURIComponent('"recién llegada"')}`);
    await page.locator("[data-testid=hits] li").first().waitFor();
    await shot("search");
    const obfuscated = corpus().truth.find(
      (t) =>
        t.challenges.some((c) => c.startsWith("obfuscated:")) &&
        corpus().ads.find((a) => a.id === t.adId)?.images?.length,
    );
    await page.goto(`${url}/ads/${encodeURIComponent(obfuscated?.adId ?? "netfix-0001")}`);
    await page.getByTestId("ad-body").waitFor();
    await shot("ad");
    const entity = (await apiAs<{ entityId: string }>("viewer", "/v1/ads/netfix-0001")).body.entityId;
    await page.goto(`${url}/entities/${entity}`);
    await page.locator('[data-testid=entity][data-ready="true"]').waitFor();
    await shot("entity");
    await page.getByRole("heading", { name: "Places over time" }).scrollIntoViewIfNeeded();
    await page.getByTestId("movement-map").locator("circle").first().waitFor();
    await page.waitForTimeout(300);
    await shot("entity-map");
    await page.goto(`${url}/why?a=netfix-0000&b=netfix-0021`);
    await page.getByTestId("why-result").waitFor();
    await shot("why");
    await page.goto(`${url}/watches`);
    await page.getByText("Live", { exact: true }).waitFor();
    await shot("watches");
    expect(browser.foreignRequests).toEqual([]);
  });
});
