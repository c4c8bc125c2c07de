import type { Watch } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { WatchTable } from "../src/watch-table.js";

const watch = (id: string, label = "x", createdAt = "2026-01-01T00:00:00.000Z"): Watch => ({
  id,
  kind: "phone",
  value: "+50251234567",
  label,
  createdAt,
});

describe("WatchTable", () => {
  it("shows an acknowledged write before the follower reads it back", () => {
    const table = new WatchTable();
    table.acknowledged("w_a", watch("w_a"));
    expect(table.get("w_a")).toEqual(watch("w_a"));
    table.applyRecord("w_a", watch("w_a"));
    expect(table.list().map((w) => w.id)).toEqual(["w_a"]);
  });

  it("an acknowledged removal hides the watch although older records are still being read", () => {
    const table = new WatchTable();
    table.applyRecord("w_a", watch("w_a"));
    table.acknowledged("w_a", null);
    expect(table.get("w_a")).toBeUndefined();
    // The follower is still behind: it reads the add again (another instance's replay) before the tombstone.
    table.applyRecord("w_a", watch("w_a"));
    expect(table.get("w_a")).toBeUndefined();
    table.applyRecord("w_a", null);
    expect(table.list()).toEqual([]);
  });

  it("once its own write is read back, a later change from elsewhere wins", () => {
    const table = new WatchTable();
    table.acknowledged("w_a", watch("w_a", "mine"));
    table.applyRecord("w_a", watch("w_a", "mine"));
    table.applyRecord("w_a", watch("w_a", "theirs"));
    expect(table.get("w_a")?.label).toBe("theirs");
    table.applyRecord("w_a", null);
    expect(table.get("w_a")).toBeUndefined();
  });

  it("lists oldest first", () => {
    const table = new WatchTable();
    table.applyRecord("w_b", watch("w_b", "x", "2026-01-02T00:00:00.000Z"));
    table.acknowledged("w_c", watch("w_c", "x", "2026-01-03T00:00:00.000Z"));
    table.applyRecord("w_a", watch("w_a", "x", "2026-01-02T00:00:00.000Z"));
    expect(table.list().map((w) => w.id)).toEqual(["w_a", "w_b", "w_c"]);
  });
});
