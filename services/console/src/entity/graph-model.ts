import type { EntityDetail, EntityOverview, Evidence } from "../api/types.js";

export interface GraphNode {
  readonly id: string;
  readonly kind: "ad" | "persona" | "phone" | "email" | "handle";
  readonly label: string;
  readonly generic?: boolean;
  readonly target?: string;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: "evidence" | "persona" | "contact";
  readonly evidence: readonly Evidence[];
  readonly score?: number;
}

/**
 * The network as nodes and edges: ads, their personas, the contacts they carry, and the scored
 * links between ads. A generic contact is a node with no edge: it is shown, never drawn as a link.
 */
export function buildGraph(detail: EntityDetail, overview: EntityOverview): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const generic = new Set(overview.contacts.filter((c) => c.generic).map((c) => c.key));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const persona of overview.layer === "network" ? overview.personaIds : []) {
    nodes.push({ id: `persona:${persona}`, kind: "persona", label: persona, target: `/entities/${persona}` });
  }
  for (const contact of overview.contacts) {
    nodes.push({ id: contact.key, kind: contact.kind, label: contact.value, generic: contact.generic });
  }
  for (const ad of overview.ads) {
    const node = `ad:${ad.id}`;
    nodes.push({ id: node, kind: "ad", label: ad.title ?? ad.id, target: `/ads/${ad.id}` });
    if (overview.layer === "network" && ad.personaId) {
      edges.push({
        id: `${node}>persona`,
        source: node,
        target: `persona:${ad.personaId}`,
        kind: "persona",
        evidence: [{ kind: "persona", value: ad.personaId, weight: 0, detail: "ad of this persona" }],
      });
    }
    for (const key of ad.contacts) {
      if (generic.has(key)) continue;
      edges.push({
        id: `${node}>${key}`,
        source: node,
        target: key,
        kind: "contact",
        evidence: [{ kind: key.slice(0, key.indexOf(":")), value: key.slice(key.indexOf(":") + 1), weight: 0, detail: "found in the ad's text" }],
      });
    }
  }
  for (const link of detail.links) {
    edges.push({
      id: `link:${link.a}|${link.b}`,
      source: `ad:${link.a}`,
      target: `ad:${link.b}`,
      kind: "evidence",
      evidence: link.evidence,
      score: link.score,
    });
  }
  const known = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => known.has(e.source) && known.has(e.target)) };
}
