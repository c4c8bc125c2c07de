import { type Edge, type EdgeStore, linksAt } from "./edge-store.js";
import type { Layer } from "./types.js";

/** Cannot-link constraints per ad (symmetric). */
export type Constraints = ReadonlyMap<number, ReadonlySet<number>>;

/** Every ad reachable from `seeds` over edges linking at `layer`. */
export function linkedClosure(edges: EdgeStore, layer: Layer, seeds: Iterable<number>): Set<number> {
  const seen = new Set<number>(seeds);
  const stack = [...seen];
  while (stack.length > 0) {
    const seq = stack.pop() as number;
    for (const edge of edges.incident(seq)) {
      const other = edge.a === seq ? edge.b : edge.a;
      if (!seen.has(other) && linksAt(edge, layer)) {
        seen.add(other);
        stack.push(other);
      }
    }
  }
  return seen;
}

class UnionFind {
  private readonly parent = new Map<number, number>();
  private readonly members = new Map<number, number[]>();

  constructor(items: Iterable<number>) {
    for (const item of items) {
      this.parent.set(item, item);
      this.members.set(item, [item]);
    }
  }

  find(item: number): number {
    let root = item;
    while (this.parent.get(root) !== root) root = this.parent.get(root) as number;
    let current = item;
    while (current !== root) {
      const next = this.parent.get(current) as number;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  group(root: number): readonly number[] {
    return this.members.get(root) ?? [];
  }

  union(x: number, y: number): void {
    const [big, small] = this.group(x).length >= this.group(y).length ? [x, y] : [y, x];
    this.parent.set(small, big);
    (this.members.get(big) as number[]).push(...this.group(small));
    this.members.delete(small);
  }

  groups(): number[][] {
    return [...this.members.values()].map((group) => group.sort((x, y) => x - y));
  }
}

function violates(uf: UnionFind, rootX: number, rootY: number, constraints: Constraints): boolean {
  const [small, other] = uf.group(rootX).length <= uf.group(rootY).length ? [rootX, rootY] : [rootY, rootX];
  for (const member of uf.group(small)) {
    for (const banned of constraints.get(member) ?? []) if (uf.find(banned) === other) return true;
  }
  return false;
}

/** Analyst links first, then strongest evidence, then a fixed tie-break: the result depends only on the edges. */
function edgeOrder(x: Edge, y: Edge): number {
  const mx = x.must === undefined ? 1 : 0;
  const my = y.must === undefined ? 1 : 0;
  return mx - my || y.score - x.score || x.a - y.a || x.b - y.b;
}

/**
 * Partitions `universe` (closed under linking edges) into entities: connected components, except
 * that a union which would put a cannot-link pair together is refused. With constraints present the
 * edges are taken strongest first, so which link gives way is decided by evidence, not by arrival.
 * `units` are groups that must stay whole (the persona parts when partitioning networks).
 */
export function partition(
  edges: EdgeStore,
  layer: Layer,
  scope: { universe: ReadonlySet<number>; units?: readonly (readonly number[])[]; constraints: Constraints },
): number[][] {
  const { universe, constraints } = scope;
  const uf = new UnionFind(universe);
  for (const unit of scope.units ?? []) {
    for (const member of unit.slice(1)) {
      const [x, y] = [uf.find(unit[0] as number), uf.find(member)];
      if (x !== y) uf.union(x, y);
    }
  }
  const linking: Edge[] = [];
  let constrained = false;
  for (const seq of universe) {
    if (constraints.has(seq)) constrained = true;
    for (const edge of edges.incident(seq)) {
      if (edge.a === seq && universe.has(edge.b) && linksAt(edge, layer)) linking.push(edge);
    }
  }
  if (constrained) linking.sort(edgeOrder);
  for (const edge of linking) {
    const [x, y] = [uf.find(edge.a), uf.find(edge.b)];
    if (x === y) continue;
    if (constrained && violates(uf, x, y, constraints)) continue;
    uf.union(x, y);
  }
  return uf.groups().sort((p, q) => (p[0] as number) - (q[0] as number));
}
