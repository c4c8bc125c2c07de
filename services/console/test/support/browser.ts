import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { KEYS, REPO } from "./stack.js";

/** Debian's Chromium (Playwright's own download is not reachable here). */
export const CHROMIUM = process.env["NEXUS_CHROMIUM"] ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium's own connections are refused on this network
// and slow every page down.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly url: string;
  /** Every request the page made to a host other than the API's: must stay empty (photos included). */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile (its own --user-data-dir) pointed at the suite's API. */
export async function openBrowser(options: { locale?: string } = {}): Promise<Browser> {
  const url = inject("apiUrl");
  const profile = mkdtempSync(join(tmpdir(), "nexus-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    locale: options.locale ?? "en-US",
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  context.on("request", (request) => {
    const target = request.url();
    if (!target.startsWith(origin) && !target.startsWith("data:") && !target.startsWith("blob:"))
      foreignRequests.push(target);
  });
  return {
    context,
    page,
    url,
    foreignRequests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the form, as a person would. */
export async function signIn(browser: Browser, role: keyof typeof KEYS = "analyst"): Promise<void> {
  const { page, url } = browser;
  await page.goto(`${url}/search`);
  await page.getByLabel(/API key|Clave de API/).fill(KEYS[role]);
  await page.getByRole("button", { name: /Sign in|Entrar/ }).click();
  await page.getByRole("heading", { name: /Search ads|Buscar anuncios/ }).waitFor();
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Median and worst of a list of timings. */
export function summarise(ms: readonly number[]): { median: number; worst: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    worst: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Appends a measured target to test/out/console-targets.jsonl (and prints it) for bench/README.md. */
export function recordTarget(name: string, figures: Record<string, number>): void {
  const line = JSON.stringify({ name, ...figures, at: new Date().toISOString() });
  console.log(`target ${line}`);
  const dir = join(REPO, "test/out");
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, "console-targets.jsonl"), `${line}\n`);
}
