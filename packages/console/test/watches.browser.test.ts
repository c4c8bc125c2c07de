import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api.js";
import { expectAccessible, signedInBrowser } from "./support/browser.js";
import { corpus } from "./support/corpus.js";

const s = signedInBrowser("analyst");
beforeAll(async () => {});
afterAll(async () => {
  expect(s.browser.foreignRequests).toEqual([]);
  await s.browser.close();
});

async function createWatch(kind: string, fill: () => Promise<void>, label: string): Promise<void> {
  await s.page.getByLabel("Kind").selectOption(kind);
  await fill();
  await s.page.getByLabel("Label (optional)").fill(label);
  await s.page.getByRole("button", { name: "Create watch" }).click();
  await s.page.getByTestId("watches").getByText(label).waitFor();
}

describe("watches", () => {
  it("creates every kind, lists them and deletes one", async () => {
    const photo = corpus().ads.find((a) => a.images?.length)?.images?.[0]?.url as string;
    const entity = (await apiAs<{ entityId: string }>("viewer", "/v1/ads/netfix-0003")).body.entityId;
    await s.page.goto(`${s.browser.url}/watches`);
    await createWatch("phone", () => s.page.getByLabel("Value").fill("+502 4412 0099"), "w-phone");
    await createWatch("email", () => s.page.getByLabel("Value").fill("Someone@Example.org"), "w-email");
    await createWatch("handle", () => s.page.getByLabel("Value").fill("instagram:@someone.gt"), "w-handle");
    await createWatch("text", () => s.page.getByLabel("Value").fill('"nueva en la ciudad"'), "w-text");
    await createWatch(
      "image",
      () => s.page.getByLabel("Photo", { exact: true }).setInputFiles(fileURLToPath(photo)),
      "w-image",
    );
    await createWatch("entity", () => s.page.getByLabel("Value").fill(entity), "w-entity");
    const listed = await s.page.getByTestId("watches").textContent();
    for (const kind of ["Phone", "Email", "Handle", "Text", "Photo", "Entity"]) expect(listed).toContain(kind);
    expect(listed).toContain("+50244120099");
    await expectAccessible(s.page);
    await s.page.getByRole("button", { name: "Delete w-email" }).click();
    await expect.poll(() => s.page.getByTestId("watches").textContent()).not.toContain("w-email");
    const { body } = await apiAs<{ watches: { label?: string }[] }>("analyst", "/v1/watches");
    expect(body.watches.map((w) => w.label)).not.toContain("w-email");
  });

  it("shows a new alert live, without reload, and opens its ad and network", async () => {
    await s.page.goto(`${s.browser.url}/watches`);
    await s.page.getByText("Live", { exact: true }).waitFor();
    const navigations: string[] = [];
    s.page.on("framenavigated", (frame) => navigations.push(frame.url()));
    const posted = await apiAs<{ accepted: number }>("admin", "/v1/ads", {
      method: "POST",
      body: JSON.stringify({
        id: "live-alert-ad-1",
        source: "live.example",
        postedAt: "2026-05-01T10:00:00Z",
        title: "Recién llegada",
        body: "Hola, escríbeme al +502 4412 0099 hoy mismo.",
        country: "GT",
        city: "Mixco",
      }),
    });
    expect(posted.status).toBe(202);
    const alert = s.page.getByTestId("alerts").locator("li", { hasText: "live-alert-ad-1" });
    await alert.waitFor({ timeout: 20_000 });
    expect(navigations).toEqual([]);
    await alert.getByRole("link", { name: "Open ad" }).click();
    await s.page.getByTestId("ad-body").waitFor();
    expect(await s.page.getByTestId("ad-body").textContent()).toContain("4412 0099");
    await s.page.goBack();
    await s.page
      .getByTestId("alerts")
      .locator("li", { hasText: "live-alert-ad-1" })
      .getByRole("link", { name: "Open network" })
      .click();
    await s.page.getByTestId("entity").waitFor();
    expect(await s.page.getByTestId("entity").textContent()).toContain("Recién llegada");
  });
});
