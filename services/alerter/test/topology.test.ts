import { createAlertEvaluator, normaliseWatch } from "@nexus/alerting";
import { createTestDriver } from "@nexus/kafka-runtime";
import { extractAd } from "@nexus/pipeline";
import { type AdResolution, type Alert, TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { ALERTER_CHANGELOG, createAlerterTopology } from "../src/topology.js";

const clock = { now: () => "2026-11-23T12:00:00.000Z" };

function resolution(seq: number, id: string, body: string, networkId = `net_${id}`): AdResolution {
  const ad = { ...extractAd({ id, source: "site", body, country: "GT" }), images: [] };
  return { seq, ad, personaId: `per_${id}`, networkId, changes: [] };
}

function evaluatorWatching(...values: [kind: "phone" | "entity", value: string][]) {
  const evaluator = createAlertEvaluator();
  for (const [i, [kind, value]] of values.entries()) {
    evaluator.upsertWatch(
      normaliseWatch({ kind, value, country: "GT" }, { id: `w_${i}abcdef`, createdAt: clock.now() }),
    );
  }
  return evaluator;
}

describe("alerter topology", () => {
  it("raises one alert per matching ad, none for others, and logs what it evaluated", async () => {
    const driver = createTestDriver(createAlerterTopology(evaluatorWatching(["phone", "5555 1234"]), clock));
    await driver.send(resolution(1, "a1", "llama al 5555-1234"), "a1");
    await driver.send(resolution(2, "a2", "llama al 5555-9999"), "a2");
    const alerts = driver.values<Alert>(TOPICS.alerts);
    expect(alerts.map((alert) => [alert.adId, alert.watchId, alert.raisedAt])).toEqual([
      ["a1", "w_0abcdef", clock.now()],
    ]);
    expect(driver.read(ALERTER_CHANGELOG).map((record) => record.key)).toEqual(["a1", "a2"]);
    expect(driver.deadLetters()).toEqual([]);
  });

  it("after a restart, raises nothing for a replayed ad but remembers the entity's phones", async () => {
    const first = createTestDriver(createAlerterTopology(evaluatorWatching(["entity", "net_A"]), clock));
    await first.send(resolution(1, "a1", "llama al 5555-1234", "net_A"), "a1");
    const changelog = first.read(ALERTER_CHANGELOG).map((record) => [record.key ?? "", record.value] as const);
    const second = createTestDriver(createAlerterTopology(evaluatorWatching(["entity", "net_A"]), clock), {
      changelog,
    });
    await second.send(resolution(1, "a1", "llama al 5555-1234", "net_A"), "a1");
    expect(second.values(TOPICS.alerts)).toEqual([]);
    await second.send(resolution(2, "a2", "llama al 5555-1234", "net_A"), "a2");
    expect(second.values<Alert>(TOPICS.alerts)[0]?.evidence.map((item) => item.kind)).toEqual(["entity-ad"]);
  });
});
