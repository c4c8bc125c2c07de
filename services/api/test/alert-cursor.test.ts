import type { Alert } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { alertPage, alertsAfter, eventId, parseEventId } from "../src/alert-cursor.js";
import { alert, createFakeAlertService } from "./fake-alert-service.js";

async function collect(source: AsyncIterable<Alert>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of source) ids.push(item.id);
  return ids;
}

// Seq 2 carries three alerts (one ad, three watches): page boundaries fall inside that group.
const STORED = [alert(1, "w_a"), alert(2, "w_a"), alert(2, "w_b"), alert(2, "w_c"), alert(3, "w_a"), alert(4, "w_b")];
const ALL = STORED.map((a) => a.id);

describe("alert cursors", () => {
  it("event ids round-trip, alert ids with colons included", () => {
    const one = alert(7, "w_x", "ad:with:colons");
    expect(parseEventId(eventId(one))).toEqual({ seq: 7, id: one.id });
    expect(parseEventId("12")).toEqual({ seq: 12 });
    expect(parseEventId("nonsense")).toBeUndefined();
    expect(parseEventId(undefined)).toBeUndefined();
  });

  it("reads everything after a cursor in small pages without losing or repeating alerts", async () => {
    const service = createFakeAlertService([...STORED]);
    for (const pageSize of [1, 2, 3, 10]) {
      expect(await collect(alertsAfter(service, undefined, { pageSize }))).toEqual(ALL);
      expect(await collect(alertsAfter(service, { seq: 2, id: "w_a:ad2" }, { pageSize }))).toEqual(ALL.slice(2));
      expect(await collect(alertsAfter(service, { seq: 2 }, { pageSize }))).toEqual(ALL.slice(4));
    }
  });

  it("filters by watch", async () => {
    const service = createFakeAlertService([...STORED]);
    expect(await collect(alertsAfter(service, { seq: 1 }, { watchId: "w_b", pageSize: 1 }))).toEqual([
      "w_b:ad2",
      "w_b:ad4",
    ]);
  });

  it("a listed page never ends inside a seq group, so afterSeq paging loses nothing", async () => {
    const service = createFakeAlertService([...STORED]);
    const pages: string[][] = [];
    let afterSeq: number | undefined;
    for (;;) {
      const page = await alertPage(service, { limit: 2, ...(afterSeq === undefined ? {} : { afterSeq }) });
      if (page.length === 0) break;
      pages.push(page.map((a) => a.id));
      afterSeq = page[page.length - 1]?.seq;
    }
    expect(pages.flat()).toEqual(ALL);
    expect(pages[1]).toEqual(["w_a:ad2", "w_b:ad2", "w_c:ad2"]);
  });
});
