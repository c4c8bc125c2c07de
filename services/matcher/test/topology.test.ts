import { createTestDriver } from "@nexus/kafka-runtime";
import { createMatcher } from "@nexus/resolution";
import { type MatchBatch, TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createMatcherTopology, matcherChangelog } from "../src/topology.js";
import { enriched } from "./fixtures.js";

describe("matcher topology", () => {
  it("gives each replica its share of the pairs; the owner of an ad's seq carries the ad", async () => {
    const drivers = [0, 1].map((replica) =>
      createTestDriver(createMatcherTopology(createMatcher({}, { replica, replicas: 2 }))),
    );
    for (const driver of drivers) {
      await driver.send(enriched("a1", "+50255551234"), "a1");
      await driver.send(enriched("a2", "+50255551234"), "a2");
    }
    const [zero, one] = drivers.map((driver) => driver.values<MatchBatch>(TOPICS.matches));
    expect(zero?.map((batch) => [batch.seq, batch.replica, batch.ad?.id])).toEqual([
      [0, 0, "a1"],
      [1, 0, undefined],
    ]);
    expect(one?.map((batch) => [batch.seq, batch.replica, batch.ad?.id])).toEqual([
      [0, 1, undefined],
      [1, 1, "a2"],
    ]);
    // The pair (a1, a2) has its later ad at seq 1: replica 1 scores it, replica 0 does not.
    expect(one?.[1]?.edges).toEqual([expect.objectContaining({ a: 0, b: 1, network: true })]);
    expect(zero?.every((batch) => batch.edges.length === 0)).toBe(true);
    expect(drivers[0]?.read(TOPICS.matches).map((record) => record.key)).toEqual(["0/0", "1/0"]);
    expect(drivers.flatMap((driver) => driver.deadLetters())).toEqual([]);
  });

  it("rebuilds its index from its own changelog and ignores a replayed ad", async () => {
    const first = createTestDriver(createMatcherTopology(createMatcher({}, { replica: 1, replicas: 2 })));
    await first.send(enriched("a1", "+50255551234"), "a1");
    const changelog = first.read(matcherChangelog(1)).map((record) => [record.key ?? "", record.value] as const);
    expect(changelog.map(([key]) => key)).toEqual(["a1"]);
    const second = createTestDriver(createMatcherTopology(createMatcher({}, { replica: 1, replicas: 2 })), {
      changelog,
    });
    await second.send(enriched("a1", "+50255551234"), "a1");
    expect(second.read(TOPICS.matches)).toEqual([]);
    await second.send(enriched("a2", "+50255551234"), "a2");
    const [batch] = second.values<MatchBatch>(TOPICS.matches);
    expect(batch?.seq).toBe(1);
    expect(batch?.edges).toHaveLength(1);
  });
});
