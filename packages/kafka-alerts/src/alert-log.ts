import type { AlertQuery } from "@nexus/alerting";
import type { Alert } from "@nexus/schemas";

const before = (a: Alert, b: Alert): boolean => a.seq < b.seq || (a.seq === b.seq && a.id < b.id);

/**
 * The alerts topic as an ordered list: by seq (the ad's place in the resolver's stream), then id.
 * An alert id is deterministic, so a replayed or re-produced alert collapses into the first one.
 */
export class AlertLog {
  private readonly byId = new Map<string, Alert>();
  private readonly ordered: Alert[] = [];

  get size(): number {
    return this.ordered.length;
  }

  /** True when the alert was not known: only then is it news for listeners. */
  put(alert: Alert): boolean {
    if (this.byId.has(alert.id)) return false;
    this.byId.set(alert.id, alert);
    this.ordered.splice(this.insertionPoint(alert), 0, alert);
    return true;
  }

  /** A tombstone on the compacted topic (an operator purging an alert). */
  remove(id: string): void {
    const alert = this.byId.get(id);
    if (!alert) return;
    this.byId.delete(id);
    this.ordered.splice(this.insertionPoint(alert), 1);
  }

  /** Oldest first. */
  query(query: AlertQuery = {}): Alert[] {
    const found: Alert[] = [];
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    for (let i = this.firstAfter(query.afterSeq); i < this.ordered.length && found.length < limit; i++) {
      const alert = this.ordered[i] as Alert;
      if (query.watchId === undefined || alert.watchId === query.watchId) found.push(alert);
    }
    return found;
  }

  /** Index of the first alert not ordered before `alert` (binary search). */
  private insertionPoint(alert: Alert): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(this.ordered[mid] as Alert, alert)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private firstAfter(afterSeq: number | undefined): number {
    if (afterSeq === undefined) return 0;
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.ordered[mid] as Alert).seq <= afterSeq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
