import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api.js";
import { expectAccessible, signedInBrowser } from "./support/browser.js";
import { corpus } from "./support/corpus.js";

const s = signedInBrowser("viewer");
beforeAll(async () => {});
afterAll(async () => {
  expect(s.browser.foreignRequests).toEqual([]);
  await s.browser.close();
});

/** An ad whose phone the generator obfuscated, with a photo, and the E.164 the extractor found in it. */
async function obfuscatedAd(): Promise<{ id: string; e164: string; raw: string }> {
  const { truth, ads } = corpus();
  for (const line of truth.filter((t) => t.challenges.some((c) => c.startsWith("obfuscated:")))) {
    if (!(ads.find((a) => a.id === line.adId)?.images?.length ?? 0)) continue;
    const found = await apiAs<{
      ad: { extraction: { phones: { e164: string; raw: string; obfuscations: string[] }[] } };
    }>("viewer", `/v1/ads/${encodeURIComponent(line.adId)}`);
    const phone = found.body.ad.extraction.phones.find(
      (p) => line.phones.includes(p.e164) && p.obfuscations.length > 0,
    );
    if (phone) return { id: line.adId, e164: phone.e164, raw: phone.raw };
  }
  throw new Error("no obfuscated phone with a photo in the corpus");
}

describe("ad page", () => {
  it("marks each extracted contact where it was written, obfuscated ones included", async () => {
    const { id, e164, raw } = await obfuscatedAd();
    await s.page.goto(`${s.browser.url}/ads/${encodeURIComponent(id)}`);
    const mark = s.page.locator(`[data-testid=ad-body] mark.contact.phone[title^="${e164}"]`).first();
    await mark.waitFor();
    // The mark covers the text as the advertiser wrote it, not the normalised number.
    expect(await mark.evaluate((m) => m.firstChild?.textContent)).toBe(raw);
    expect(raw).not.toBe(e164);
    expect(await s.page.getByTestId("ad-contacts").textContent()).toContain(e164);
    await expectAccessible(s.page);
  });

  it("shows its photos from the API, blurred until revealed", async () => {
    const { id } = await obfuscatedAd();
    await s.page.goto(`${s.browser.url}/ads/${encodeURIComponent(id)}`);
    const photo = s.page.locator("article.ad .photo.full img").first();
    await photo.waitFor();
    expect(await photo.getAttribute("class")).toBe("blurred");
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await s.page.locator("article.ad .photo.full").first().getByRole("button", { name: "Reveal photo" }).click();
    expect(await photo.getAttribute("class")).toBeNull();
  });

  it("links to its persona and network, and lists similar ads", async () => {
    const { id } = await obfuscatedAd();
    await s.page.goto(`${s.browser.url}/ads/${encodeURIComponent(id)}`);
    await s.page.getByRole("heading", { name: "Similar ads" }).waitFor();
    const similar =
      (await s.page.getByTestId("similar-photos").count()) + (await s.page.getByTestId("similar-text").count());
    expect(similar).toBeGreaterThan(0);
    expect(await s.page.getByRole("link", { name: /^Open persona / }).count()).toBe(1);
    await s.page.getByRole("link", { name: /^Open network / }).click();
    await s.page.getByTestId("entity").waitFor();
    expect(s.page.url()).toMatch(/\/entities\//);
  });
});
