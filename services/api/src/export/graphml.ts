import { describeEvidence, type EvidenceBundle } from "./evidence.js";

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

const data = (key: string, value: string | number | boolean | undefined): string =>
  value === undefined ? "" : `<data key="${key}">${escapeXml(String(value))}</data>`;

/**
 * GraphML for Gephi: ads, personas and contacts as nodes; evidence links between ads, ads to their
 * persona, and ads to their contacts. Generic contacts are kept as nodes (marked) but get no edges,
 * so they never appear to join what they do not join.
 */
export function entityGraphml(bundle: EvidenceBundle): string {
  const { overview, detail } = bundle;
  const generic = new Set(overview.contacts.filter((c) => c.generic).map((c) => c.key));
  const nodes: string[] = [];
  const edges: string[] = [];
  for (const ad of overview.ads) {
    nodes.push(
      `<node id="${escapeXml(`ad:${ad.id}`)}">${data("kind", "ad")}${data("label", ad.title ?? ad.id)}${data("postedAt", ad.postedAt)}${data("city", ad.city)}${data("country", ad.country)}</node>`,
    );
    if (ad.personaId)
      edges.push(
        `<edge source="${escapeXml(`ad:${ad.id}`)}" target="${escapeXml(`persona:${ad.personaId}`)}">${data("kind", "persona")}</edge>`,
      );
    for (const key of ad.contacts) {
      if (!generic.has(key))
        edges.push(
          `<edge source="${escapeXml(`ad:${ad.id}`)}" target="${escapeXml(key)}">${data("kind", "contact")}</edge>`,
        );
    }
  }
  for (const id of overview.personaIds)
    nodes.push(`<node id="${escapeXml(`persona:${id}`)}">${data("kind", "persona")}${data("label", id)}</node>`);
  for (const contact of overview.contacts) {
    nodes.push(
      `<node id="${escapeXml(contact.key)}">${data("kind", contact.kind)}${data("label", contact.value)}${data("generic", contact.generic)}</node>`,
    );
  }
  for (const link of detail.links) {
    edges.push(
      `<edge source="${escapeXml(`ad:${link.a}`)}" target="${escapeXml(`ad:${link.b}`)}">${data("kind", "evidence")}${data("weight", link.score)}${data("evidence", describeEvidence(link))}</edge>`,
    );
  }
  const keys = [
    ["kind", "all", "string"],
    ["label", "node", "string"],
    ["postedAt", "node", "string"],
    ["city", "node", "string"],
    ["country", "node", "string"],
    ["generic", "node", "boolean"],
    ["weight", "edge", "double"],
    ["evidence", "edge", "string"],
  ].map(([id, scope, type]) => `<key id="${id}" for="${scope}" attr.name="${id}" attr.type="${type}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    `<graph id="${escapeXml(overview.id)}" edgedefault="undirected">`,
    ...nodes,
    ...edges,
    "</graph>",
    "</graphml>",
    "",
  ].join("\n");
}
