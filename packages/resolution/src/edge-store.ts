import type { Evidence, Layer } from "./types.js";

/** A scored pair kept because it links at some layer (or an analyst said so). */
export interface Edge {
  readonly a: number;
  readonly b: number;
  score: number;
  personaScore: number;
  network: boolean;
  persona: boolean;
  evidence: Evidence[];
  /** Analyst must-link at this layer (persona implies network). */
  must: Layer | undefined;
}

// seq < 2^26 (67M ads) keeps the pair key an exact integer.
const SHIFT = 2 ** 26;

export function pairKey(x: number, y: number): number {
  return x < y ? x * SHIFT + y : y * SHIFT + x;
}

export function linksAt(edge: Edge, layer: Layer): boolean {
  if (layer === "network") return edge.network || edge.must !== undefined;
  return edge.persona || edge.must === "persona";
}

/**
 * The link graph with its evidence. Union-find alone cannot undo a link; this store can, because a
 * split recomputes components from the edges that remain.
 */
export class EdgeStore {
  private readonly edges = new Map<number, Edge>();
  private readonly adjacency = new Map<number, Set<number>>();

  get size(): number {
    return this.edges.size;
  }

  get(x: number, y: number): Edge | undefined {
    return this.edges.get(pairKey(x, y));
  }

  set(edge: Edge): void {
    this.edges.set(pairKey(edge.a, edge.b), edge);
    this.link(edge.a, edge.b);
    this.link(edge.b, edge.a);
  }

  delete(x: number, y: number): void {
    this.edges.delete(pairKey(x, y));
    this.adjacency.get(x)?.delete(y);
    this.adjacency.get(y)?.delete(x);
  }

  neighbours(seq: number): ReadonlySet<number> {
    return this.adjacency.get(seq) ?? EMPTY;
  }

  /** Edges incident to `seq`. */
  *incident(seq: number): Generator<Edge> {
    for (const other of this.neighbours(seq)) {
      const edge = this.get(seq, other);
      if (edge !== undefined) yield edge;
    }
  }

  private link(from: number, to: number): void {
    let set = this.adjacency.get(from);
    if (set === undefined) {
      set = new Set();
      this.adjacency.set(from, set);
    }
    set.add(to);
  }
}

const EMPTY: ReadonlySet<number> = new Set();
