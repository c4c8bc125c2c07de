import type { AlertService } from "@nexus/alerting";
import type { Alert } from "@nexus/schemas";

/**
 * A position in the alert stream. Alerts are ordered by seq (the ad's place in the resolver's
 * stream) then id; one ad can raise several alerts with the same seq, so a position needs both.
 * Without an id it means "after every alert of this seq".
 */
export interface AlertCursor {
  readonly seq: number;
  readonly id?: string;
}

export function isAfter(alert: Alert, cursor: AlertCursor | undefined): boolean {
  if (!cursor) return true;
  if (alert.seq !== cursor.seq) return alert.seq > cursor.seq;
  return cursor.id !== undefined && alert.id > cursor.id;
}

/** The SSE event id of an alert: `seq:id`, so a reconnecting client resumes exactly where it was. */
export const eventId = (alert: Alert): string => `${alert.seq}:${alert.id}`;

/** Reads `Last-Event-ID` (`seq:id`, or a bare seq); undefined when it is not one of ours. */
export function parseEventId(value: string | undefined): AlertCursor | undefined {
  if (!value) return undefined;
  const colon = value.indexOf(":");
  const seqText = colon < 0 ? value : value.slice(0, colon);
  if (!/^\d{1,15}$/.test(seqText)) return undefined;
  const id = colon < 0 ? "" : value.slice(colon + 1);
  return id ? { seq: Number(seqText), id } : { seq: Number(seqText) };
}

/** The service's `afterSeq` that returns everything after the cursor (and some already seen). */
const afterSeqOf = (cursor: AlertCursor | undefined): number | undefined =>
  cursor === undefined ? undefined : cursor.id === undefined ? cursor.seq : cursor.seq - 1;

/**
 * Every stored alert after `cursor`, oldest first, read in pages. A page can end inside a group of
 * alerts sharing a seq, so the next page restarts at that seq and skips what was already seen; a
 * group bigger than a page doubles the page size rather than looping.
 */
export async function* alertsAfter(
  service: AlertService,
  start: AlertCursor | undefined,
  filter: { watchId?: string; pageSize?: number } = {},
): AsyncGenerator<Alert> {
  let cursor = start;
  let pageSize = filter.pageSize ?? 500;
  for (;;) {
    const afterSeq = afterSeqOf(cursor);
    const page = await service.alerts({
      limit: pageSize,
      ...(afterSeq === undefined ? {} : { afterSeq }),
      ...(filter.watchId ? { watchId: filter.watchId } : {}),
    });
    const fresh = page.filter((alert) => isAfter(alert, cursor));
    yield* fresh;
    const last = fresh[fresh.length - 1];
    if (page.length < pageSize) return;
    if (last) cursor = { seq: last.seq, id: last.id };
    else pageSize *= 2;
  }
}

/**
 * One page for GET /v1/alerts. A full page that ends inside a seq group is cut before that group, so
 * that `afterSeq` = the last seq returned pages without losing alerts; a page that is all one group
 * is completed instead.
 */
export async function alertPage(
  service: AlertService,
  query: { watchId?: string; afterSeq?: number; limit: number },
): Promise<Alert[]> {
  const page = await service.alerts(query);
  const last = page[page.length - 1];
  if (!last || page.length < query.limit) return page;
  const whole = page.filter((alert) => alert.seq !== last.seq);
  if (whole.length > 0) return whole;
  const group: Alert[] = [];
  const start = { seq: last.seq - 1 };
  const filter = query.watchId ? { watchId: query.watchId } : {};
  for await (const alert of alertsAfter(service, start, filter)) {
    if (alert.seq !== last.seq) break;
    group.push(alert);
  }
  return group;
}
