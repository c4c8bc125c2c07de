import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/** The console's client-side pages: each answers with the app shell, which routes in the browser. */
export const CONSOLE_PAGES = [
  "/",
  "/signin",
  "/search",
  "/ads/:id",
  "/entities/:id",
  "/entities/:id/summary",
  "/why",
  "/watches",
  "/generics",
  "/settings",
] as const;

/**
 * Photos only from this origin (`img-src 'self' data: blob:`): even a bug that put a third-party
 * image URL in the page could not make the browser fetch it.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function sendShell(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("content-security-policy", CONSOLE_CSP)
    .header("x-frame-options", "DENY")
    .header("referrer-policy", "no-referrer")
    .header("x-content-type-options", "nosniff")
    .send(html);
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Nexus console</title>
<p>The console has not been built. Run <code>npm run console:build</code> (npm install does it), then reload.</p></html>`;

/**
 * Serves the built console (`vite build` output): hashed assets under /assets/ (pre-compressed
 * .br/.gz variants, cached for a year) and the app shell for every console page.
 */
export async function registerConsoleAssets(app: FastifyInstance, dir: string | undefined): Promise<void> {
  if (dir && existsSync(join(dir, "assets"))) {
    await app.register(fastifyStatic, {
      root: join(dir, "assets"),
      prefix: "/assets/",
      // Looked up per request, so a rebuild while the API runs is served at once.
      wildcard: true,
      preCompressed: true,
      index: false,
      immutable: true,
      maxAge: "365d",
    });
  }
  // Read per request (a few hundred bytes): it names the hashed assets of the latest build.
  const shell = async (): Promise<string | undefined> =>
    dir ? readFile(join(dir, "index.html"), "utf8").catch(() => undefined) : undefined;
  for (const page of CONSOLE_PAGES) {
    app.get(page, { schema: { hide: true } }, async (_request, reply) => {
      const html = await shell();
      return html ? sendShell(reply, html) : reply.status(503).header("content-type", "text/html").send(NOT_BUILT);
    });
  }
}
