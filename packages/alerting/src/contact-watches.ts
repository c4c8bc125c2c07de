import type { Watch } from "@nexus/schemas";

type ContactKind = "phone" | "email" | "handle";

/** Phone, email and handle watches by normalised value: one map lookup per identifier of an ad. */
export class ContactWatches {
  private readonly byValue = new Map<string, Set<string>>();

  private key(kind: ContactKind, value: string): string {
    return `${kind}|${value}`;
  }

  add(watch: Watch): void {
    const key = this.key(watch.kind as ContactKind, watch.value);
    const ids = this.byValue.get(key) ?? new Set<string>();
    ids.add(watch.id);
    this.byValue.set(key, ids);
  }

  remove(watch: Watch): void {
    const key = this.key(watch.kind as ContactKind, watch.value);
    this.byValue.get(key)?.delete(watch.id);
  }

  /** Watch ids matching one identifier of an ad; a `*:name` handle watch matches the name on any platform. */
  match(kind: ContactKind, value: string): string[] {
    const ids = [...(this.byValue.get(this.key(kind, value)) ?? [])];
    if (kind === "handle") {
      const name = value.slice(value.indexOf(":") + 1);
      ids.push(...(this.byValue.get(this.key(kind, `*:${name}`)) ?? []));
    }
    return ids;
  }
}
