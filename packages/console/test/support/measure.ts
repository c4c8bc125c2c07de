/// <reference lib="dom" />
import { cpus, loadavg } from "node:os";
import type { Page } from "playwright-core";

/**
 * Types a query in the search box and presses Enter; returns the milliseconds from the key press
 * (in the page) to the first page of hits for that query being in the DOM.
 */
export async function timeSearch(page: Page, text: string): Promise<number> {
  const box = page.getByRole("searchbox");
  await box.fill(text);
  await page.evaluate((expected) => {
    const state = window as unknown as { __pressed?: number; __shown?: number };
    delete state.__pressed;
    delete state.__shown;
    document.addEventListener("keydown", () => (state.__pressed = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const list = document.querySelector<HTMLElement>("[data-testid=hits]");
      const count = document.querySelector(".count");
      if ((list?.dataset["query"] === expected && list.children.length > 0) || (count && !list)) {
        state.__shown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, text);
  await box.press("Enter");
  await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, undefined, {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const state = window as unknown as { __pressed: number; __shown: number };
    return state.__shown - state.__pressed;
  });
}

/** Loads an entity page afresh; ms from navigation start to "interactive" (data shown, graph laid out). */
export async function timeEntityPage(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator('[data-testid=entity][data-ready="true"]').waitFor({ timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName("nexus:entity-interactive")[0]?.startTime ?? Number.NaN);
}

/** Bytes the browser received for the first page's own code and styles (compressed, as sent). */
export async function firstPageBytes(
  page: Page,
  url: string,
): Promise<{ transferred: number; decoded: number; files: number }> {
  await page.goto(url);
  await page.getByRole("heading").first().waitFor();
  return page.evaluate(() => {
    const entries = [
      ...(performance.getEntriesByType("navigation") as PerformanceResourceTiming[]),
      ...(performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) =>
        /\.(js|css)$/.test(new URL(e.name).pathname),
      ),
    ];
    return {
      transferred: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
      decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
      files: entries.length,
    };
  });
}

export function summarise(ms: readonly number[]): { median: number; worst: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    worst: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/**
 * The bound a browser test holds a timing to: the target itself, or twice it when the machine is
 * loaded beyond two runnable tasks per core (the cores here are shared; a loaded run still catches
 * a regression, and bench/console-targets.ts measures the target on a quiet machine).
 */
export function timingBound(targetMs: number): { bound: number; loadPerCore: number } {
  const loadPerCore = (loadavg()[0] ?? 0) / Math.max(1, cpus().length);
  return { bound: loadPerCore > 2 ? targetMs * 2 : targetMs, loadPerCore };
}
