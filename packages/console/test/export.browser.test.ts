import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api.js";
import { signedInBrowser } from "./support/browser.js";

let entity: string;

const s = signedInBrowser("viewer");
beforeAll(async () => {
  entity = (await apiAs<{ entityId: string }>("viewer", "/v1/ads/netfix-0007")).body.entityId;
  await s.page.goto(`${s.browser.url}/entities/${encodeURIComponent(entity)}`);
  await s.page.getByTestId("entity").waitFor();
});

async function download(name: string): Promise<string> {
  const [file] = await Promise.all([s.page.waitForEvent("download"), s.page.getByRole("link", { name }).click()]);
  return readFileSync((await file.path()) as string, "utf8");
}

describe("export of an entity's evidence", () => {
  it("gives ads, contacts and links with evidence as CSV", async () => {
    const ads = (await download("Ads (CSV)")).trim().split("\r\n");
    expect(ads[0]).toBe("id,personaId,postedAt,source,country,city,title,contacts,photos,url,body");
    expect(ads.length).toBeGreaterThanOrEqual(501);
    const contacts = await download("Contacts (CSV)");
    expect(contacts).toMatch(/^kind,value,ads,firstSeen,lastSeen,generic\r\n/);
    // A cell that starts with + - = @ is marked as text (') so no spreadsheet runs it as a formula.
    expect(contacts).toContain(`phone,"'+50244120001",50,`);
    const links = await download("Links with evidence (CSV)");
    expect(links.split("\r\n")[0]).toBe("a,b,layer,linked,score,evidence");
    expect(links).toMatch(/phone \+502\d+ \(\+\d/);
  });

  it("gives GraphML for Gephi and FollowTheMoney entities for Aleph", async () => {
    const graphml = await download("Graph (GraphML, Gephi)");
    expect(graphml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">');
    expect((graphml.match(/<node /g) ?? []).length).toBeGreaterThan(500);
    const ftm = (await download("FollowTheMoney (Aleph)"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { schema: string; properties: Record<string, string[]> });
    const schemas = new Set(ftm.map((e) => e.schema));
    for (const schema of ["Organization", "Person", "Membership", "HyperText", "UnknownLink"])
      expect(schemas).toContain(schema);
    expect(ftm.filter((e) => e.schema === "HyperText")).toHaveLength(500);
  });

  it("gives a printable case summary without the page furniture", async () => {
    await s.page.getByRole("link", { name: "Printable case summary" }).click();
    await s.page.getByTestId("case-summary").waitFor();
    await s.page.emulateMedia({ media: "print" });
    expect(await s.page.locator("header.top").isVisible()).toBe(false);
    expect(await s.page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await s.page.getByTestId("case-summary").textContent()).toContain("+50244120001");
    const pdf = await s.page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await s.page.emulateMedia({ media: "screen" });
  });
});
