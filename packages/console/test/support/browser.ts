import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { launchChromium } from "./chromium.js";
import { KEYS, REPO } from "./stack.js";

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
  const launched = await launchChromium(options);
  const { context } = launched;
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
    close: launched.close,
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

/** Appends a measured target to test/out/console-targets.jsonl (and prints it) for bench/README.md. */
export function recordTarget(name: string, figures: Record<string, number>): void {
  const line = JSON.stringify({ name, ...figures, at: new Date().toISOString() });
  console.log(`target ${line}`);
  const dir = join(REPO, "test/out");
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, "console-targets.jsonl"), `${line}\n`);
}

/**
 * A browser signed in as `role` for the whole file, closed after it; the file's last check is that
 * the browser never requested anything from another host.
 */
export function signedInBrowser(role: keyof typeof KEYS): { readonly browser: Browser; readonly page: Page } {
  const holder: { browser?: Browser } = {};
  beforeAll(async () => {
    holder.browser = await openBrowser();
    await signIn(holder.browser, role);
  });
  afterAll(async () => {
    expect(holder.browser?.foreignRequests).toEqual([]);
    await holder.browser?.close();
  });
  return {
    get browser() {
      return holder.browser as Browser;
    },
    get page() {
      return (holder.browser as Browser).page;
    },
  };
}
