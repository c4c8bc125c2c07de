import { describe, expect, it } from "vitest";
import { CoalescingSender } from "../src/coalescing-sender.js";
import type { ProducerRecord } from "../src/index.js";

const record = (key: string): ProducerRecord => ({ topic: "t", key, value: "{}", headers: {} });

describe("CoalescingSender", () => {
  it("sends one request at a time, in order, merging what queued meanwhile", async () => {
    const requests: string[][] = [];
    let release!: () => void;
    const sender = new CoalescingSender(async (records) => {
      requests.push(records.map((entry) => entry.key ?? ""));
      if (requests.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = sender.send([record("a")]);
    const second = sender.send([record("b")]);
    const third = sender.send([record("c"), record("d")]);
    expect(requests).toEqual([["a"]]);
    release();
    await Promise.all([first, second, third]);
    expect(requests).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("rejects every send of a failed request and goes on with the next", async () => {
    let calls = 0;
    let release!: () => void;
    const sender = new CoalescingSender(async () => {
      calls += 1;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      if (calls === 2) throw new Error("broker gone");
    });
    const first = sender.send([record("a")]);
    const second = sender.send([record("b")]);
    const third = sender.send([record("c")]);
    release();
    await first;
    await expect(second).rejects.toThrow("broker gone");
    await expect(third).rejects.toThrow("broker gone");
    await sender.send([record("d")]);
    expect(calls).toBe(3);
  });

  it("caps a merged request at maxRecords", async () => {
    const sizes: number[] = [];
    let release!: () => void;
    const sender = new CoalescingSender(async (records) => {
      sizes.push(records.length);
      if (sizes.length === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 3);
    const sends = [
      sender.send([record("a")]),
      sender.send([record("b"), record("c")]),
      sender.send([record("d"), record("e")]),
    ];
    release();
    await Promise.all(sends);
    expect(sizes).toEqual([1, 2, 2]);
  });
});
