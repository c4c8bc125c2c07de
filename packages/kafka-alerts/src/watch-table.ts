import type { Watch } from "@nexus/schemas";

/**
 * The watches topic as a table, plus this instance's own writes that the broker acknowledged but the
 * follower has not read back yet. Reads see those writes at once (a watch added is there as soon as
 * addWatch resolves); once the follower reads the same record, the table's own copy takes over, so a
 * later change by another instance wins as it should.
 */
export class WatchTable {
  private readonly table = new Map<string, Watch>();
  private readonly unread = new Map<string, { readonly value: Watch | null; readonly echo: string }>();

  /** A record read from the topic; `null` is a tombstone. */
  applyRecord(id: string, value: Watch | null): void {
    if (value === null) this.table.delete(id);
    else this.table.set(id, value);
    if (this.unread.get(id)?.echo === JSON.stringify(value)) this.unread.delete(id);
  }

  /** This instance's write, acknowledged by the broker (`value` exactly as produced). */
  acknowledged(id: string, value: Watch | null): void {
    this.unread.set(id, { value, echo: JSON.stringify(value) });
  }

  get(id: string): Watch | undefined {
    const own = this.unread.get(id);
    if (own) return own.value ?? undefined;
    return this.table.get(id);
  }

  /** Oldest first. */
  list(): Watch[] {
    const ids = new Set([...this.table.keys(), ...this.unread.keys()]);
    return [...ids]
      .flatMap((id) => this.get(id) ?? [])
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  }
}
