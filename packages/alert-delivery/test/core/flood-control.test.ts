import { describe, expect, it } from "vitest";
import { FloodControl } from "../../src/index.js";

describe("FloodControl", () => {
  it("sends the first alert, holds the rest of the burst, and counts them at the close", () => {
    const flood = new FloodControl(5_000);
    expect(flood.admit("w1", 0)).toBe("send");
    expect(flood.admit("w1", 100)).toBe("hold");
    expect(flood.admit("w1", 4_999)).toBe("hold");
    expect(flood.admit("w2", 200)).toBe("send");
    expect(flood.closesAt("w1")).toBe(5_000);
    expect(flood.close("w1", 5_000)).toBe(2);
    // A sustained flood: the next window is open, so alerts keep being held.
    expect(flood.admit("w1", 5_100)).toBe("hold");
    expect(flood.close("w1", 10_000)).toBe(1);
    expect(flood.close("w1", 15_000)).toBe(0);
    expect(flood.closesAt("w1")).toBeUndefined();
    expect(flood.admit("w1", 15_001)).toBe("send");
  });

  it("treats an expired empty window as quiet even before its close runs", () => {
    const flood = new FloodControl(1_000);
    expect(flood.admit("w1", 0)).toBe("send");
    expect(flood.admit("w1", 1_000)).toBe("send");
  });

  it("sends everything at once when the window is 0", () => {
    const flood = new FloodControl(0);
    expect([flood.admit("w1", 0), flood.admit("w1", 0)]).toEqual(["send", "send"]);
    expect(flood.open()).toEqual([]);
  });
});
