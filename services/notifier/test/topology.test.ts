import { createTestDriver } from "@nexus/kafka-runtime";
import type { Alert } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createNotifierTopology } from "../src/topology.js";
import { alert } from "./fixtures.js";

describe("notifier topology", () => {
  it("hands each valid alert over with where it was read, and produces nothing itself", async () => {
    const accepted: [string, number, string][] = [];
    const driver = createTestDriver(
      createNotifierTopology({
        accept: async (item: Alert, origin) => void accepted.push([item.id, origin.partition, origin.offset]),
      }),
    );
    await driver.send(alert("a1"), "a1");
    await driver.sendRaw('{"id":"broken"}', "broken");
    expect(accepted).toEqual([["a1", 0, "0"]]);
    expect(driver.deadLetters().map((letter) => letter.error.code)).toEqual(["NEXUS_SCHEMA_INVALID"]);
    expect(driver.committed).toBe(2);
  });
});
