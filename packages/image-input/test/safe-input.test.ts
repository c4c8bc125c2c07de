import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { NexusError } from "@nexus/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImageHasher, type ImageInputOptions } from "../src/index.js";
import { bombPng, noisePng } from "./fixtures.js";

let server: Server;
let port = 0;
let png: Buffer;
const hits: string[] = [];
const endlessSent = { bytes: 0 };

beforeAll(async () => {
  png = await noisePng(1);
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/img.png") res.end(png);
    else if (url.pathname === "/redirect")
      res.writeHead(302, { location: url.searchParams.get("to") ?? "/img.png" }).end();
    else if (url.pathname === "/loop") res.writeHead(302, { location: "/loop" }).end();
    else if (url.pathname === "/big") res.end(Buffer.alloc(200_000));
    else if (url.pathname === "/declared-huge") res.writeHead(200, { "content-length": 1e9 }).flushHeaders();
    else if (url.pathname === "/endless") {
      // No declared length and no end: only a cap on the bytes streamed so far stops the reader.
      const chunk = Buffer.alloc(16_384);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) endlessSent.bytes += chunk.length;
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    } else if (url.pathname === "/hang") setTimeout(() => res.end(png), 5_000).unref();
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Test-only: names ending in .allowed.test resolve to the local server and may be reached. */
const testNetwork: ImageInputOptions = {
  resolveHost: async (host) => (host.endsWith(".test") ? ["127.0.0.1"] : []),
  unsafeAllowPrivateAddress: (_address, host) => host.endsWith(".allowed.test"),
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NexusError);
    return (error as NexusError).code;
  }
  return "resolved";
}

describe("SSRF guards", () => {
  it("refuses the local server by default, and reaches it only through the test-only option", async () => {
    const url = `http://127.0.0.1:${port}/img.png`;
    const before = hits.length;
    expect(await codeOf(createImageHasher().hash({ url }))).toBe("NEXUS_IMAGE_BLOCKED");
    expect(hits.length).toBe(before);
    const allowed = createImageHasher({ unsafeAllowPrivateAddress: () => true });
    expect((await allowed.hash({ url })).pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(hits.length).toBe(before + 1);
  });

  it("checks the address a name resolves to, and connects to that address without re-resolving", async () => {
    const hasher = createImageHasher(testNetwork);
    expect(await codeOf(hasher.hash({ url: `http://evil.test:${port}/img.png` }))).toBe("NEXUS_IMAGE_BLOCKED");
    // images.allowed.test exists only in the stub resolver: success proves the socket used its answer.
    expect((await hasher.hash({ url: `http://images.allowed.test:${port}/img.png` })).width).toBe(96);
  });

  it("re-checks every redirect hop", async () => {
    const hasher = createImageHasher(testNetwork);
    const toBlocked = encodeURIComponent(`http://evil.test:${port}/img.png`);
    const toMetadata = encodeURIComponent("http://169.254.169.254/latest/meta-data/");
    const base = `http://cdn.allowed.test:${port}/redirect`;
    expect(await codeOf(hasher.hash({ url: `${base}?to=${toBlocked}` }))).toBe("NEXUS_IMAGE_BLOCKED");
    expect(await codeOf(hasher.hash({ url: `${base}?to=${toMetadata}` }))).toBe("NEXUS_IMAGE_BLOCKED");
    expect((await hasher.hash({ url: `${base}?to=%2Fimg.png` })).width).toBe(96);
  });

  it("limits the number of redirects", async () => {
    const hasher = createImageHasher({ ...testNetwork, maxRedirects: 2 });
    expect(await codeOf(hasher.hash({ url: `http://a.allowed.test:${port}/loop` }))).toBe("NEXUS_IMAGE_FETCH");
  });

  it("refuses other schemes and file:// unless enabled", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nexus-img-"));
    const path = join(dir, "a.png");
    writeFileSync(path, png);
    const url = pathToFileURL(path).href;
    expect(await codeOf(createImageHasher().hash({ url }))).toBe("NEXUS_IMAGE_DISABLED");
    expect((await createImageHasher({ allowFile: true }).hash({ url })).width).toBe(96);
    expect(await codeOf(createImageHasher().hash({ url: "ftp://example.com/a.png" }))).toBe("NEXUS_IMAGE_BLOCKED");
    expect(await codeOf(createImageHasher().hash({ url: "gopher://127.0.0.1/" }))).toBe("NEXUS_IMAGE_BLOCKED");
  });
});

describe("size, time and bomb limits", () => {
  it("caps the download size, declared or streamed", async () => {
    const hasher = createImageHasher({ ...testNetwork, maxBytes: 100_000, timeoutMs: 20_000 });
    expect(await codeOf(hasher.hash({ url: `http://a.allowed.test:${port}/big` }))).toBe("NEXUS_IMAGE_TOO_LARGE");
    // Refused from its Content-Length alone: the body never comes, so nothing else would stop it in time.
    expect(await codeOf(hasher.hash({ url: `http://a.allowed.test:${port}/declared-huge` }))).toBe(
      "NEXUS_IMAGE_TOO_LARGE",
    );
    expect(await codeOf(hasher.hash({ url: `http://a.allowed.test:${port}/endless` }))).toBe("NEXUS_IMAGE_TOO_LARGE");
    // The reader hung up soon after the cap, rather than buffering the stream.
    expect(endlessSent.bytes).toBeLessThan(10_000_000);
    expect(await codeOf(hasher.hash({ data: Buffer.alloc(150_000).toString("base64") }))).toBe("NEXUS_IMAGE_TOO_LARGE");
  });

  it("times out a server that never answers", async () => {
    const hasher = createImageHasher({ ...testNetwork, timeoutMs: 300 });
    expect(await codeOf(hasher.hash({ url: `http://a.allowed.test:${port}/hang` }))).toBe("NEXUS_IMAGE_TIMEOUT");
  });

  it("refuses a decompression bomb from its header, before decoding it", async () => {
    const bomb = bombPng(5000, 4000);
    expect(bomb.length).toBeLessThan(100_000);
    const hasher = createImageHasher({ maxPixels: 10_000_000 });
    expect(await codeOf(hasher.hash({ data: bomb.toString("base64") }))).toBe("NEXUS_IMAGE_TOO_LARGE");
    expect(hasher.stats.decoded).toBe(1);
  });

  it("reports undecodable bytes as a decode error", async () => {
    expect(await codeOf(createImageHasher().hash({ data: Buffer.from("not an image").toString("base64") }))).toBe(
      "NEXUS_IMAGE_DECODE",
    );
  });
});

describe("content-hash cache", () => {
  it("hashes identical bytes once, wherever they come from", async () => {
    const hasher = createImageHasher({ ...testNetwork, cacheSize: 2 });
    const data = png.toString("base64");
    const [a, b] = await Promise.all([hasher.hash({ data }), hasher.hash({ data })]);
    const c = await hasher.hash({ url: `http://a.allowed.test:${port}/img.png` });
    expect(hasher.stats).toEqual({ decoded: 1, cacheHits: 2 });
    expect(b).toEqual(a);
    expect(c.sha256).toBe(a.sha256);
    await hasher.hash({ data: (await noisePng(2)).toString("base64") });
    await hasher.hash({ data: (await noisePng(3)).toString("base64") });
    await hasher.hash({ data });
    expect(hasher.stats.decoded).toBe(4);
  });
});
