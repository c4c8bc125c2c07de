import type { EntityChange, Layer } from "./types.js";

/** One entity of one layer. `order` is its creation rank: the older entity survives a merge. */
export interface Entity {
  readonly id: string;
  readonly order: number;
  members: number[];
}

interface Claim {
  readonly part: number[];
  readonly claimants: Entity[];
  readonly sources: Set<Entity>;
}

/**
 * Entities of one layer with stable ids. `apply` takes the new partition of a closed set of ads and
 * maps it onto the old entities: each old entity's heir is the part holding most of its ads (ties:
 * the part with its oldest ad); a part claimed by several old entities keeps the oldest id and the
 * others become aliases; an old entity spread over several parts is a split.
 */
export class LayerClusters {
  private readonly entityOf = new Map<number, Entity>();
  private readonly byId = new Map<string, Entity>();
  private readonly aliasTarget = new Map<string, string>();
  readonly aliasesOf = new Map<string, string[]>();
  private counter = 0;

  constructor(
    readonly layer: Layer,
    private readonly prefix: string,
  ) {}

  of(seq: number): Entity | undefined {
    return this.entityOf.get(seq);
  }

  /** Follows aliases to the live entity. */
  get(id: string): Entity | undefined {
    let current = id;
    for (let hops = 0; hops < 10_000; hops += 1) {
      const entity = this.byId.get(current);
      if (entity !== undefined) return entity;
      const next = this.aliasTarget.get(current);
      if (next === undefined) return undefined;
      current = next;
    }
    return undefined;
  }

  all(): Entity[] {
    return [...this.byId.values()].sort((x, y) => x.order - y.order);
  }

  apply(parts: readonly number[][], describe: (seqs: readonly number[]) => string[], reason: string): EntityChange[] {
    const claims = this.claim(parts);
    const changes: EntityChange[] = [];
    for (const claim of claims) this.settle(claim, describe, reason, changes);
    this.reportSplits(claims, describe, reason, changes);
    return changes;
  }

  private claim(parts: readonly number[][]): Claim[] {
    const old = new Map<Entity, Map<number, number>>();
    parts.forEach((part, index) => {
      for (const seq of part) {
        const entity = this.entityOf.get(seq);
        if (entity === undefined) continue;
        const counts = old.get(entity) ?? new Map<number, number>();
        counts.set(index, (counts.get(index) ?? 0) + 1);
        old.set(entity, counts);
      }
    });
    const claims: Claim[] = parts.map((part) => ({ part, claimants: [], sources: new Set<Entity>() }));
    for (const [entity, counts] of old) {
      let heir = -1;
      let best = -1;
      for (const [index, count] of counts) {
        claims[index]?.sources.add(entity);
        // Parts are sorted by their oldest ad, so on a tie the lower index holds the older ad.
        if (count > best || (count === best && index < heir)) [heir, best] = [index, count];
      }
      claims[heir]?.claimants.push(entity);
    }
    return claims;
  }

  private settle(
    claim: Claim,
    describe: (seqs: readonly number[]) => string[],
    reason: string,
    changes: EntityChange[],
  ): void {
    const { part, claimants } = claim;
    const adIds = (): string[] => describe(part);
    claimants.sort((x, y) => x.order - y.order);
    const survivor = claimants[0];
    if (survivor === undefined) {
      const entity = this.create(part);
      const from = [...claim.sources].map((source) => source.id);
      const change: EntityChange = { type: "created", layer: this.layer, entityId: entity.id, adIds: adIds() };
      if (from.length > 0) change.reason = `split from ${from.join(", ")}: ${reason}`;
      changes.push(change);
      return;
    }
    const unchanged = claimants.length === 1 && sameMembers(survivor.members, part);
    for (const loser of claimants.slice(1)) this.alias(loser, survivor);
    survivor.members = [...part];
    for (const seq of part) this.entityOf.set(seq, survivor);
    if (claimants.length > 1) {
      const mergedFrom = claimants.slice(1).map((entity) => entity.id);
      changes.push({ type: "merged", layer: this.layer, entityId: survivor.id, adIds: adIds(), mergedFrom, reason });
    } else if (!unchanged) {
      changes.push({ type: "updated", layer: this.layer, entityId: survivor.id, adIds: adIds(), reason });
    }
  }

  private reportSplits(
    claims: readonly Claim[],
    describe: (seqs: readonly number[]) => string[],
    reason: string,
    changes: EntityChange[],
  ): void {
    const partsOf = new Map<Entity, Claim[]>();
    for (const claim of claims) {
      for (const source of claim.sources) partsOf.set(source, [...(partsOf.get(source) ?? []), claim]);
    }
    for (const [entity, spread] of partsOf) {
      if (spread.length < 2) continue;
      const heir = spread.find((claim) => claim.claimants.includes(entity));
      const others = spread.filter((claim) => claim !== heir);
      const splitInto = others.map((claim) => this.entityOf.get(claim.part[0] as number)?.id ?? "");
      const adIds = heir === undefined ? [] : describe(heir.part);
      changes.push({ type: "split", layer: this.layer, entityId: entity.id, adIds, splitInto, reason });
    }
  }

  private create(part: readonly number[]): Entity {
    this.counter += 1;
    const entity: Entity = { id: `${this.prefix}-${this.counter}`, order: this.counter, members: [...part] };
    this.byId.set(entity.id, entity);
    for (const seq of part) this.entityOf.set(seq, entity);
    return entity;
  }

  private alias(loser: Entity, survivor: Entity): void {
    this.byId.delete(loser.id);
    this.aliasTarget.set(loser.id, survivor.id);
    const list = this.aliasesOf.get(survivor.id) ?? [];
    list.push(loser.id, ...(this.aliasesOf.get(loser.id) ?? []));
    this.aliasesOf.set(survivor.id, list);
  }
}

function sameMembers(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  const set = new Set(x);
  return y.every((seq) => set.has(seq));
}
