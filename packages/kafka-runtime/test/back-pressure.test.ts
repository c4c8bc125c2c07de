import { describe, expect, it } from "vitest";
import { backoffDelay, InFlightGate } from "../src/index.js";

describe("InFlightGate", () => {
  it("pauses at the limit, waits, and resumes once half the room is free", async () => {
    const events: string[] = [];
    const gate = new InFlightGate(4, { pause: () => events.push("pause"), resume: () => events.push("resume") });
    gate.add(4);
    expect(gate.full).toBe(true);
    let woke = false;
    const waiting = gate.waitForRoom().then(() => {
      woke = true;
    });
    expect(events).toEqual(["pause"]);
    gate.release(1);
    await Promise.resolve();
    expect(woke).toBe(false);
    gate.release(1);
    await waiting;
    expect(woke).toBe(true);
    expect(events).toEqual(["pause", "resume"]);
    expect(gate.count).toBe(2);
  });

  it("does not pause while there is room", async () => {
    const events: string[] = [];
    const gate = new InFlightGate(2, { pause: () => events.push("pause"), resume: () => events.push("resume") });
    gate.add(1);
    await gate.waitForRoom();
    expect(events).toEqual([]);
  });

  it("rejects a limit below 1", () => {
    expect(() => new InFlightGate(0, { pause: () => {}, resume: () => {} })).toThrow(RangeError);
  });
});

describe("backoffDelay", () => {
  it("doubles from initialMs and caps at maxMs", () => {
    const policy = { attempts: 10, initialMs: 50, maxMs: 300 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(policy, retry))).toEqual([50, 100, 200, 300, 300]);
  });
});
