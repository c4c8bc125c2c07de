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

/** Networks with more ads than this are drawn persona by persona (each persona's page draws its ads). */
export const COLLAPSE_ABOVE_ADS = 150;

/**
 * The network as nodes and edges: ads, their personas, the contacts they carry, and the scored
 * links between ads. A generic contact is a node with no edge: it is shown, never drawn as a link.
 * A large network is drawn collapsed: personas instead of their ads (see collapseGraph).
 */
export function buildGraph(detail: EntityDetail, overview: EntityOverview): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const full = fullGraph(detail, overview);
  return overview.layer === "network" && overview.ads.length > COLLAPSE_ABOVE_ADS
    ? collapseGraph(full, overview)
    : full;
}

function fullGraph(detail: EntityDetail, overview: EntityOverview): { nodes: GraphNode[]; edges: GraphEdge[] } {
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
        evidence: [
          {
            kind: key.slice(0, key.indexOf(":")),
            value: key.slice(key.indexOf(":") + 1),
            weight: 0,
            detail: "found in the ad's text",
          },
        ],
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

/**
 * Positions for a large graph, in one pass (a force layout over 500+ nodes costs seconds):
 * personas on a ring, each persona's ads in a small ring around it, each contact at the middle of
 * the ads that carry it, generic contacts in a row apart (they link nothing).
 */
export function ringLayout(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): Map<string, { x: number; y: number }> {
  const at = new Map<string, { x: number; y: number }>();
  const personas = nodes.filter((n) => n.kind === "persona");
  const personaOf = new Map(edges.filter((e) => e.kind === "persona").map((e) => [e.source, e.target]));
  const radius = 120 * Math.max(2, personas.length);
  personas.forEach((p, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, personas.length);
    at.set(p.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  const groups = new Map<string, string[]>();
  for (const node of nodes.filter((n) => n.kind === "ad")) {
    const group = personaOf.get(node.id) ?? "";
    groups.set(group, [...(groups.get(group) ?? []), node.id]);
  }
  for (const [group, ads] of groups) {
    const centre = at.get(group) ?? { x: 0, y: 0 };
    const ring = 30 + 4 * ads.length;
    ads.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ads.length;
      at.set(id, { x: centre.x + ring * Math.cos(angle), y: centre.y + ring * Math.sin(angle) });
    });
  }
  const sums = new Map<string, { x: number; y: number; n: number }>();
  for (const edge of edges) {
    if (edge.kind !== "contact") continue;
    const from = at.get(edge.source);
    if (!from) continue;
    const sum = sums.get(edge.target) ?? { x: 0, y: 0, n: 0 };
    sums.set(edge.target, { x: sum.x + from.x, y: sum.y + from.y, n: sum.n + 1 });
  }
  let spare = 0;
  for (const node of nodes) {
    if (at.has(node.id)) continue;
    const sum = sums.get(node.id);
    at.set(node.id, sum ? { x: sum.x / sum.n, y: sum.y / sum.n } : { x: -radius + 60 * spare++, y: radius + 300 });
  }
  return at;
}

/**
 * Ads folded into their persona: persona→contact edges say on how many ads, persona↔persona edges
 * carry the evidence of every link between their ads. Hundreds of ad nodes would take seconds to
 * draw and read as a hairball; the persona pages draw the ads themselves.
 */
function collapseGraph(
  graph: { nodes: GraphNode[]; edges: GraphEdge[] },
  overview: EntityOverview,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const personaOfAd = new Map(
    overview.ads.map((ad) => [`ad:${ad.id}`, ad.personaId ? `persona:${ad.personaId}` : undefined]),
  );
  const adsOf = new Map<string, number>();
  for (const persona of personaOfAd.values()) if (persona) adsOf.set(persona, (adsOf.get(persona) ?? 0) + 1);
  const nodes = graph.nodes
    .filter((n) => n.kind !== "ad")
    .map((n) => (n.kind === "persona" ? { ...n, label: `${n.label} (${adsOf.get(n.id) ?? 0})` } : n));
  const merged = new Map<
    string,
    {
      source: string;
      target: string;
      kind: GraphEdge["kind"];
      ads: number;
      evidence: Map<string, Evidence>;
      score?: number;
    }
  >();
  for (const edge of graph.edges) {
    if (edge.kind === "persona") continue;
    const source = personaOfAd.get(edge.source) ?? edge.source;
    const target = edge.kind === "contact" ? edge.target : (personaOfAd.get(edge.target) ?? edge.target);
    if (source === target || source.startsWith("ad:") || target.startsWith("ad:")) continue;
    const [a, b] = edge.kind === "contact" ? [source, target] : [source, target].sort();
    const id = `${edge.kind}:${a}|${b}`;
    const entry = merged.get(id) ?? {
      source: a as string,
      target: b as string,
      kind: edge.kind,
      ads: 0,
      evidence: new Map<string, Evidence>(),
    };
    entry.ads += 1;
    for (const e of edge.evidence) entry.evidence.set(`${e.kind}:${e.value ?? ""}`, e);
    if (edge.score !== undefined) entry.score = Math.max(entry.score ?? edge.score, edge.score);
    merged.set(id, entry);
  }
  const edges = [...merged].map(
    ([id, e]): GraphEdge => ({
      id,
      source: e.source,
      target: e.target,
      kind: e.kind,
      evidence: [...e.evidence.values()].map((ev) =>
        e.kind === "contact" ? { ...ev, detail: `on ${e.ads} ads of this persona` } : ev,
      ),
      ...(e.score !== undefined ? { score: e.score } : {}),
    }),
  );
  return { nodes, edges };
}
