import { deadLetterTopic, TOPICS, type TopicName } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { changelogSpec, DEFAULT_TOPIC_SPECS, withPartitions } from "../src/index.js";

describe("DEFAULT_TOPIC_SPECS", () => {
  it("covers every topic and the .dlq of every pipeline topic, once each", () => {
    const names = DEFAULT_TOPIC_SPECS.map((spec) => spec.topic);
    expect(new Set(names).size).toBe(names.length);
    for (const topic of Object.values(TOPICS) as TopicName[]) {
      expect(names).toContain(topic);
      if (topic !== TOPICS.deadLetters) expect(names).toContain(deadLetterTopic(topic));
    }
    expect(DEFAULT_TOPIC_SPECS.every((spec) => spec.partitions >= 1)).toBe(true);
  });

  it("compacts latest-value topics and keeps event topics by time", () => {
    const spec = (topic: string) => DEFAULT_TOPIC_SPECS.find((entry) => entry.topic === topic);
    expect(spec(TOPICS.adsResolved)?.compact).toBe(true);
    expect(spec(TOPICS.entityChanges)?.compact).toBeFalsy();
    expect(spec(TOPICS.adsRaw)?.retentionMs).toBeGreaterThan(0);
    expect(changelogSpec("match.state")).toMatchObject({ compact: true, retentionMs: -1 });
  });

  it("keeps the resolver's ordered resolutions on one partition whatever a deployment asks", () => {
    const resolutions = DEFAULT_TOPIC_SPECS.find((entry) => entry.topic === TOPICS.adsResolutions);
    const raw = DEFAULT_TOPIC_SPECS.find((entry) => entry.topic === TOPICS.adsRaw);
    expect(resolutions && withPartitions(resolutions, 12).partitions).toBe(1);
    expect(raw && withPartitions(raw, 12).partitions).toBe(12);
  });
});
