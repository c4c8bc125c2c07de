import type { AdResolution, Alert, EntityChange, Watch } from "@nexus/schemas";

type Evidence = Alert["evidence"][number];

interface Profile {
  readonly phones: Set<string>;
  readonly places: Set<string>;
}

export interface EntityFacts {
  readonly phones: readonly string[];
  readonly city?: string;
  readonly country?: string;
}

const placeKeys = (facts: EntityFacts): { key: string; label: string }[] => {
  const keys: { key: string; label: string }[] = [];
  if (facts.country) keys.push({ key: `country:${facts.country.toUpperCase()}`, label: facts.country.toUpperCase() });
  if (facts.city) {
    const label = facts.country ? `${facts.city}, ${facts.country.toUpperCase()}` : facts.city;
    keys.push({ key: `city:${label.toLowerCase()}`, label });
  }
  return keys;
};

/**
 * Entity watches and what they need to know: which entity a watched id has become (merges move a
 * watch to the surviving entity) and which phones and places each entity had before an ad, so "new
 * phone" and "new place" can be told from more of the same.
 */
export class EntityWatches {
  private readonly survivorOf = new Map<string, string>();
  private readonly profiles = new Map<string, Profile>();
  private readonly watchedAt = new Map<string, Set<string>>();
  private readonly watches = new Map<string, Watch>();

  current(id: string): string {
    let at = id;
    for (let next = this.survivorOf.get(at); next !== undefined && next !== at; next = this.survivorOf.get(at))
      at = next;
    return at;
  }

  add(watch: Watch): void {
    this.watches.set(watch.id, watch);
    const at = this.current(watch.value);
    const ids = this.watchedAt.get(at) ?? new Set<string>();
    ids.add(watch.id);
    this.watchedAt.set(at, ids);
  }

  remove(watchId: string): void {
    const watch = this.watches.get(watchId);
    if (!watch) return;
    this.watches.delete(watchId);
    this.watchedAt.get(this.current(watch.value))?.delete(watchId);
  }

  /** Applies merges (aliases, profiles, watches move); returns the survivors that absorbed another entity. */
  private applyMerges(changes: readonly EntityChange[]): Map<string, string[]> {
    const merged = new Map<string, string[]>();
    for (const change of changes) {
      if (change.type !== "merged" || !change.mergedFrom?.length) continue;
      const to = this.current(change.entityId);
      for (const from of change.mergedFrom.map((id) => this.current(id)).filter((id) => id !== to)) {
        this.survivorOf.set(from, to);
        this.absorb(from, to);
        merged.set(to, [...(merged.get(to) ?? []), from]);
      }
    }
    return merged;
  }

  private absorb(from: string, to: string): void {
    const source = this.profiles.get(from);
    if (source) {
      const target = this.profile(to);
      for (const phone of source.phones) target.phones.add(phone);
      for (const place of source.places) target.places.add(place);
      this.profiles.delete(from);
    }
    const moving = this.watchedAt.get(from);
    if (moving) {
      const target = this.watchedAt.get(to) ?? new Set<string>();
      for (const id of moving) target.add(id);
      this.watchedAt.set(to, target);
      this.watchedAt.delete(from);
    }
  }

  private profile(id: string): Profile {
    let profile = this.profiles.get(id);
    if (!profile) {
      profile = { phones: new Set(), places: new Set() };
      this.profiles.set(id, profile);
    }
    return profile;
  }

  private evidenceFor(entity: string, facts: EntityFacts, merged: Map<string, string[]>): Evidence[] {
    const profile = this.profile(entity);
    const evidence: Evidence[] = [{ kind: "entity-ad", value: entity }];
    for (const phone of facts.phones)
      if (!profile.phones.has(phone)) evidence.push({ kind: "entity-phone", value: phone });
    for (const place of placeKeys(facts)) {
      if (!profile.places.has(place.key)) evidence.push({ kind: "entity-location", value: place.label });
    }
    const absorbed = merged.get(entity);
    if (absorbed) evidence.push({ kind: "entity-merge", value: absorbed.join(","), detail: `merged into ${entity}` });
    return evidence;
  }

  /**
   * The entity watches this ad sets off, each with its evidence filtered by the watch's triggers;
   * then the ad's facts join its entities' profiles (always, so a replay rebuilds them).
   */
  evaluate(
    resolution: Pick<AdResolution, "personaId" | "networkId" | "changes">,
    facts: EntityFacts,
  ): Map<string, Evidence[]> {
    const merged = this.applyMerges(resolution.changes);
    const hits = new Map<string, Evidence[]>();
    const entities = [...new Set([this.current(resolution.networkId), this.current(resolution.personaId)])];
    for (const entity of entities) {
      const ids = this.watchedAt.get(entity);
      if (!ids?.size) continue;
      const evidence = this.evidenceFor(entity, facts, merged);
      for (const id of ids) {
        const triggers = new Set(this.watches.get(id)?.triggers ?? ["ad", "phone", "location", "merge"]);
        const kept = evidence.filter((item) => triggers.has(item.kind.replace("entity-", "") as "ad"));
        if (kept.length > 0 && !hits.has(id)) hits.set(id, kept);
      }
    }
    for (const entity of entities) {
      const profile = this.profile(entity);
      for (const phone of facts.phones) profile.phones.add(phone);
      for (const place of placeKeys(facts)) profile.places.add(place.key);
    }
    return hits;
  }
}
