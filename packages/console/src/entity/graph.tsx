import cytoscape from "cytoscape";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Evidence } from "../api/types.js";
import { type GraphEdge, type GraphNode, ringLayout } from "./graph-model.js";

/** Above this many nodes a force layout costs seconds; the ring layout is computed in one pass. */
const FORCE_LAYOUT_MAX = 150;

const STYLE: cytoscape.StylesheetJson = [
  { selector: "node", style: { "background-color": "#5b6b7f", width: 10, height: 10, label: "", "font-size": 8 } },
  {
    selector: "node[kind = 'persona']",
    style: { "background-color": "#8e3b8c", width: 26, height: 26, label: "data(label)" },
  },
  {
    selector: "node[kind = 'phone'], node[kind = 'email'], node[kind = 'handle']",
    style: { shape: "diamond", "background-color": "#c75d00", width: 18, height: 18, label: "data(label)" },
  },
  {
    selector: "node[?generic]",
    style: {
      "background-color": "#ffffff",
      "border-width": 2,
      "border-style": "dashed",
      "border-color": "#666",
      label: "data(label)",
    },
  },
  { selector: "edge", style: { width: 1, "line-color": "#b8c2cc", "curve-style": "haystack" } },
  { selector: "edge[kind = 'evidence']", style: { width: 3, "line-color": "#1f6feb", "curve-style": "bezier" } },
  { selector: "edge:selected, edge.hover", style: { width: 5, "line-color": "#d1242f" } },
];

export interface GraphProps {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly onReady?: () => void;
}

function EdgeEvidence({ edge }: { edge: GraphEdge | undefined }) {
  const { t } = useTranslation();
  if (!edge) return <p>{t("entity.noEvidence")}</p>;
  return (
    <>
      <p>
        <code>{edge.source}</code> ↔ <code>{edge.target}</code>
        {edge.score !== undefined && ` (${t("entity.score")} ${edge.score.toFixed(1)})`}
      </p>
      <ul>
        {edge.evidence.map((e: Evidence, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: evidence items are positional
          <li key={i}>
            <strong>{e.kind}</strong> {e.value ?? ""}{" "}
            {e.weight !== 0 && `(${e.weight >= 0 ? "+" : ""}${e.weight.toFixed(1)})`}
            {e.detail ? ` — ${e.detail}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The network graph (Cytoscape.js): hovering or selecting an edge shows its evidence beside it. */
export default function Graph({ nodes, edges, onReady }: GraphProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const [hovered, setHovered] = useState<GraphEdge | undefined>();
  const [pinned, setPinned] = useState<GraphEdge | undefined>();
  useEffect(() => {
    if (!container.current) return;
    const byId = new Map(edges.map((e) => [e.id, e]));
    const large = nodes.length > FORCE_LAYOUT_MAX;
    const positions = large ? ringLayout(nodes, edges) : undefined;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...nodes.map((n) => ({
          data: { ...n },
          ...(positions ? { position: positions.get(n.id) ?? { x: 0, y: 0 } } : {}),
        })),
        ...edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, kind: e.kind } })),
      ],
      style: STYLE,
      layout: large ? { name: "preset", fit: true } : { name: "cose", animate: false },
      hideEdgesOnViewport: large,
      wheelSensitivity: 0.3,
    });
    cy.on("mouseover", "edge", (event) => {
      event.target.addClass("hover");
      setHovered(byId.get(event.target.id()));
    });
    cy.on("mouseout", "edge", (event) => {
      event.target.removeClass("hover");
      setHovered(undefined);
    });
    cy.on("tap", "edge", (event) => setPinned(byId.get(event.target.id())));
    cy.on("tap", "node", (event) => {
      const target = event.target.data("target") as string | undefined;
      if (target) void navigate(target);
    });
    // Reachable from the page for tests and debugging, as the container's `cy`.
    Object.assign(container.current, { cy });
    cy.ready(() => onReady?.());
    return () => cy.destroy();
  }, [nodes, edges, navigate, onReady]);
  return (
    <div className="graph-wrap">
      <div ref={container} className="graph" data-testid="graph" role="img" aria-label={t("entity.graph")} />
      <aside className="evidence-panel" aria-live="polite" data-testid="edge-evidence">
        <h3>{t("entity.evidence")}</h3>
        <EdgeEvidence edge={hovered ?? pinned} />
      </aside>
    </div>
  );
}
