import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleHarness, KEYS, openConsoleHarness } from "./harness.js";

let h: ConsoleHarness;
let photoFile: string;
const viewer = { "x-api-key": KEYS.viewer };

const png = (shade: number): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 40, b: 90 } } })
    .withMetadata({ exif: { IFD0: { Copyright: "victim-location-secret" } } })
    .png()
    .toBuffer();

beforeAll(async () => {
  const shell = mkdtempSync(join(tmpdir(), "nexus-console-shell-"));
  mkdirSync(join(shell, "assets"), { recursive: true });
  writeFileSync(join(shell, "index.html"), "<!doctype html><title>Nexus</title>");
  h = await openConsoleHarness(shell);
  photoFile = join(h.dir, "photo.png");
  writeFileSync(photoFile, await png(200));
  const ads = [
    {
      id: "p1",
      source: "s1",
      body: "Valeria 5555-1234",
      country: "GT",
      images: [{ data: (await png(10)).toString("base64") }],
    },
    {
      id: "p2",
      source: "s2",
      body: "Valeria whatsapp 5555-1234",
      country: "GT",
      images: [{ url: pathToFileURL(photoFile).href }],
    },
    { id: "p3", source: "s3", title: '=HYPERLINK("http://evil.example","x")', body: "tel 5555 1234", country: "GT" },
    { id: "p4", source: "s4", body: "otra", country: "GT", images: [{ url: "http://127.0.0.1:9/x.jpg" }] },
  ];
  await h.engine.ingest(
    (async function* () {
      for (const ad of ads) yield JSON.stringify(ad);
    })(),
  );
});
afterAll(() => h.close());

describe("photos served by the API", () => {
  it("re-encodes a stored photo as JPEG without its metadata", async () => {
    const response = await h.app.inject({ url: "/v1/ads/p1/photos/0", headers: viewer });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/jpeg");
    expect(response.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(response.rawPayload.includes(Buffer.from("victim-location-secret"))).toBe(false);
    expect((await sharp(response.rawPayload).metadata()).exif).toBeUndefined();
  });

  it("serves a local file only while it holds the photo that was imported", async () => {
    expect((await h.app.inject({ url: "/v1/ads/p2/photos/0", headers: viewer })).statusCode).toBe(200);
    writeFileSync(photoFile, "#!/bin/sh\necho not a photo\n");
    const swapped = await h.app.inject({ url: "/v1/ads/p2/photos/0", headers: viewer });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.code).toBe("NEXUS_IMAGE_BLOCKED");
  });

  it("never fetches from a private address (SSRF guard), and needs a key", async () => {
    const blocked = await h.app.inject({ url: "/v1/ads/p4/photos/0", headers: viewer });
    expect(blocked.json().error.code).toBe("NEXUS_IMAGE_BLOCKED");
    expect((await h.app.inject({ url: "/v1/ads/p1/photos/0" })).statusCode).toBe(401);
    expect((await h.app.inject({ url: "/v1/ads/p1/photos/7", headers: viewer })).statusCode).toBe(404);
  });
});

describe("exports", () => {
  const entityOf = async (ad: string): Promise<string> =>
    (await h.app.inject({ url: `/v1/ads/${ad}`, headers: viewer })).json().entityId;

  it("writes CSV a spreadsheet cannot run as a formula", async () => {
    const entity = await entityOf("p3");
    const csv = (await h.app.inject({ url: `/v1/entities/${entity}/export?format=ads.csv`, headers: viewer })).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("writes GraphML and FollowTheMoney with the entity's ads and evidence", async () => {
    const entity = await entityOf("p1");
    const graphml = await h.app.inject({ url: `/v1/entities/${entity}/export?format=graphml`, headers: viewer });
    expect(graphml.headers["content-disposition"]).toMatch(/attachment; filename="nexus-.*-graphml"/);
    expect(graphml.body).toContain('<node id="ad:p1">');
    expect(graphml.body).toContain('<node id="phone:+50255551234">');
    const ftm = (await h.app.inject({ url: `/v1/entities/${entity}/export?format=ftm`, headers: viewer })).body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(ftm[0]).toMatchObject({ schema: "Organization", properties: { phone: ["+50255551234"] } });
    expect(ftm.filter((e) => e.schema === "HyperText").map((e) => e.id)).toContain("nexus-ad-p1");
    const bad = await h.app.inject({ url: `/v1/entities/${entity}/export?format=xlsx`, headers: viewer });
    expect(bad.statusCode).toBe(400);
  });
});

describe("console pages", () => {
  it("serve the app shell with a policy that allows images from this origin only", async () => {
    for (const path of ["/", "/search", "/entities/net-1", "/watches"]) {
      const response = await h.app.inject({ url: path });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-security-policy"]).toContain("img-src 'self' data: blob:");
      expect(response.headers["x-frame-options"]).toBe("DENY");
    }
  });
});
