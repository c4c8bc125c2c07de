/**
 * Issue 8 in the embedded runtime, through the CLI's stable forms: `watch add [--data DIR] KIND VALUE`
 * and `alerts [--data DIR]`. Each watch kind raises exactly one alert for its matching ad, the
 * unrelated ad raises none, and a re-import (a re-scrape) raises nothing more.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { verifyWebhook, type WebhookBody } from "@nexus/alert-delivery";
import type { Alert, Watch } from "@nexus/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AlertScenario,
  createAlertScenario,
  expectedPairs,
  KINDS,
  startWebhookReceiver,
  WEBHOOK_SECRET,
} from "./alert-scenario.js";

const run = promisify(execFile);
const repo = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "nexus-alerts-e2e-"));
const data = join(work, "data");
let scenario: AlertScenario;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

// The receiver is on loopback, which webhooks may only reach when allowed.
const env = { ...process.env, NEXUS_WEBHOOK_ALLOW_PRIVATE: "true" };

async function nexus(args: string[]): Promise<string> {
  const { stdout } = await run("npm", ["run", "-s", "nexus", "--", ...args], { cwd: repo, env, maxBuffer: 1 << 26 });
  return stdout;
}

const lines = (text: string): unknown[] =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);

function writeAds(name: string, ads: readonly unknown[]): string {
  const path = join(work, name);
  writeFileSync(path, `${ads.map((ad) => JSON.stringify(ad)).join("\n")}\n`);
  return path;
}

beforeAll(async () => {
  scenario = await createAlertScenario(work, "emb");
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  rmSync(work, { recursive: true, force: true });
});

describe("watches and alerts in the embedded runtime", () => {
  it("raises exactly one alert per watch and matching ad, none for an unrelated ad or a re-import", async () => {
    await nexus(["ingest", "--data", data, writeAds("seed.jsonl", [scenario.seedAd])]);
    const entities = lines(await nexus(["entities", "--data", data])) as { id: string; adIds: string[] }[];
    const seedEntity = entities.find((entity) => entity.adIds.includes(scenario.seedAd.id));
    expect(seedEntity).toBeDefined();

    const labelOf = new Map<string, string>();
    for (const kind of KINDS) {
      const value = kind === "entity" ? (seedEntity?.id ?? "") : scenario.watchValues[kind];
      const hook = kind === "phone" ? ["--webhook", receiver.url, "--secret", WEBHOOK_SECRET] : [];
      const watch = JSON.parse(
        await nexus(["watch", "add", "--data", data, "--label", kind, ...hook, kind, value]),
      ) as Watch;
      expect(watch.id).toMatch(/^w_/);
      expect(watch.kind).toBe(kind);
      labelOf.set(watch.id, kind);
    }
    expect(lines(await nexus(["watch", "list", "--data", data]))).toHaveLength(KINDS.length);

    const adsPath = writeAds("ads.jsonl", [...KINDS.map((kind) => scenario.matching[kind]), scenario.unrelated]);
    await nexus(["ingest", "--data", data, adsPath]);
    const alerts = lines(await nexus(["alerts", "--data", data])) as Alert[];
    const pairs = alerts.map((alert) => `${labelOf.get(alert.watchId)} ${alert.adId}`).sort();
    expect(pairs).toEqual(expectedPairs(scenario));
    for (const alert of alerts) {
      expect(alert.entityId).toBeTruthy();
      expect(alert.evidence.length).toBeGreaterThan(0);
    }
    const image = alerts.find((alert) => alert.watchKind === "image");
    expect(image?.evidence[0]).toMatchObject({ kind: "photo" });

    // The phone watch's webhook got one signed request carrying its alert; the secret is never shown.
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(verifyWebhook(WEBHOOK_SECRET, request?.headers ?? {}, request?.body ?? "", { now: Date.now() })).toBe(true);
    expect(
      verifyWebhook("another-secret-0123456789", request?.headers ?? {}, request?.body ?? "", { now: Date.now() }),
    ).toBe(false);
    const body = JSON.parse(request?.body ?? "{}") as WebhookBody;
    expect(body.alerts.map((alert) => alert.adId)).toEqual([scenario.matching.phone.id]);
    expect(await nexus(["watch", "list", "--data", data])).not.toContain(WEBHOOK_SECRET);

    // A re-scrape of the same ads (and a replay at the next start) raises nothing more.
    await nexus(["ingest", "--data", data, adsPath]);
    expect(lines(await nexus(["alerts", "--data", data]))).toHaveLength(alerts.length);
    expect(receiver.received).toHaveLength(1);
  }, 180_000);
});
