import type { Alert } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { AlertLog } from "../src/alert-log.js";

const alert = (seq: number, watchId: string, raisedAt = "2026-01-01T00:00:00.000Z"): Alert => ({
  id: `${watchId}:ad${seq}`,
  watchId,
  watchKind: "phone",
  adId: `ad${seq}`,
  entityId: `e${seq}`,
  personaId: `p${seq}`,
  evidence: [{ kind: "phone", value: "+50251234567" }],
  seq,
  raisedAt,
});

describe("AlertLog", () => {
  it("orders by seq then id whatever the arrival order, and keeps the first copy of an id", () => {
    const log = new AlertLog();
    for (const item of [alert(3, "w_b"), alert(1, "w_a"), alert(3, "w_a"), alert(2, "w_c")]) {
      expect(log.put(item)).toBe(true);
    }
    expect(log.put(alert(1, "w_a", "2026-02-02T00:00:00.000Z"))).toBe(false);
    expect(log.query().map((a) => a.id)).toEqual(["w_a:ad1", "w_c:ad2", "w_a:ad3", "w_b:ad3"]);
    expect(log.query()[0]?.raisedAt).toBe("2026-01-01T00:00:00.000Z");
  });

  it("answers afterSeq, watchId and limit", () => {
    const log = new AlertLog();
    for (let seq = 1; seq <= 6; seq++) log.put(alert(seq, seq % 2 === 0 ? "w_even" : "w_odd"));
    expect(log.query({ afterSeq: 3 }).map((a) => a.seq)).toEqual([4, 5, 6]);
    expect(log.query({ afterSeq: 1, watchId: "w_odd", limit: 1 }).map((a) => a.seq)).toEqual([3]);
    expect(log.query({ afterSeq: 6 })).toEqual([]);
  });

  it("forgets an alert on a tombstone", () => {
    const log = new AlertLog();
    log.put(alert(1, "w_a"));
    log.put(alert(2, "w_a"));
    log.remove("w_a:ad1");
    log.remove("w_unknown:ad9");
    expect(log.query().map((a) => a.id)).toEqual(["w_a:ad2"]);
    expect(log.put(alert(1, "w_a"))).toBe(true);
  });
});
