/** Terminal views of the commands that print one report: ingest, why, demo, produce. */
import type { IngestSummary } from "@nexus/embedded-runtime";
import type { Explanation } from "@nexus/resolution";
import type { Style } from "./style.js";
import { plural } from "./table-view.js";
import type { View, ViewContext, ViewFactory } from "./view.js";

/** A view for a command that prints one record: render it when it comes. */
const single =
  <T>(render: (value: T, context: ViewContext) => string): ViewFactory =>
  (context): View => ({
    record(value) {
      context.out.write(render(value as T, context));
    },
    end() {},
  });

/** `ingest`'s record: the engine's summary, where it went, and the entities now. */
type IngestReport = IngestSummary & { dataDir: string; entities: number; personas: number };

const warnIf = (count: number, text: string, style: Style): string => (count > 0 ? style.yellow(text) : text);

export const ingestView = single<IngestReport>((r, { style }) => {
  const lines = [
    `${r.interrupted ? style.yellow("interrupted") : style.green("done")}: ${r.read} ads read into ${r.dataDir}`,
    `  accepted ${r.accepted}, updated ${r.updated}, already known ${r.duplicates}, ${warnIf(r.rejected, `rejected ${r.rejected}`, style)}`,
    `  processed ${r.processed}, ${warnIf(r.failed, `failed ${r.failed}`, style)} (dead-lettered), ${warnIf(r.imageErrors, `image errors ${r.imageErrors}`, style)}`,
    ...(r.indexErrors > 0
      ? [style.yellow(`  search indexing failed for ${r.indexErrors} batch(es), retried at the next start`)]
      : []),
    `  entities now: ${style.bold(plural(r.entities, "network"))}, ${plural(r.personas, "persona")}`,
    ...r.rejections.map((x) => style.red(`  rejected line ${x.line ?? "?"}: ${x.code}: ${x.message}`)),
  ];
  return `${lines.join("\n")}\n`;
});

export const whyView = single<Explanation>((explanation, { positionals, style }) => {
  const [adA = "A", adB = "B"] = positionals;
  const head = explanation.joined
    ? `${style.cyan(adA)} and ${style.cyan(adB)} are ${style.green(`in one ${explanation.layer}`)}: ${plural(explanation.path.length, "link")}`
    : `${style.cyan(adA)} and ${style.cyan(adB)} are ${style.yellow("not joined")}: ${explanation.reason}`;
  const links = explanation.path.map((link, i) => {
    const evidence = link.evidence.map((e) => {
      const weight = e.weight >= 0 ? style.green(`+${e.weight.toFixed(2)}`) : style.red(e.weight.toFixed(2));
      return `      ${weight}  ${e.kind}${e.value ? ` ${style.yellow(e.value)}` : ""}${e.detail ? style.dim(` (${e.detail})`) : ""}`;
    });
    const title = `  ${i + 1}. ${style.cyan(link.a)} — ${style.cyan(link.b)}  score ${style.bold(link.score.toFixed(2))}`;
    return [title, ...evidence].join("\n");
  });
  const reason = explanation.joined && explanation.reason ? [`  ${explanation.reason}`] : [];
  return `${[head, ...reason, ...links].join("\n")}\n`;
});

interface DemoReport {
  corpus: string;
  dataDir: string;
  summary: { read: number; accepted: number; duplicates: number; rejected: number };
  heldBack: number;
  networks: number;
  personas: number;
  largest: { id: string; ads: number; personas: number; phones: string[] }[];
  generics: { kind: string; key: string; reason: string }[];
  suggestions: { command: string; expect: string }[];
}

export const demoView = single<DemoReport>((r, { style }) => {
  const out: string[] = [
    style.bold(`Nexus demo: ${r.summary.read} ads from ${r.corpus} in ${r.dataDir}`),
    `  new ${r.summary.accepted}, already known ${r.summary.duplicates}, rejected ${r.summary.rejected}; ${r.heldBack} held back for later`,
    `  ${plural(r.networks, "network")}, ${plural(r.personas, "persona")}`,
    "",
    `${style.bold("Largest networks")} (a phone shared by several personas is a finding):`,
    ...r.largest.map(
      (n) =>
        `  ${style.cyan(n.id)}: ${plural(n.ads, "ad")}, ${plural(n.personas, "persona")}, phones ${style.yellow(n.phones.join(" "))}`,
    ),
  ];
  if (r.generics.length > 0) {
    out.push("", `${style.bold("Generic values kept from linking")} (site numbers, stock photos, boilerplate):`);
    for (const g of r.generics) out.push(`  ${g.kind} ${style.yellow(g.key)}: ${g.reason}`);
  }
  out.push("", style.bold("Where to look next:"));
  for (const s of r.suggestions) out.push(`  ${style.green(s.command)}`, style.dim(`      ${s.expect}`));
  return `${out.join("\n")}\n`;
});

export const produceView = single<{ topic: string; produced: number; rejected: number }>(
  (r, { style }) =>
    `${style.green("produced")} ${plural(r.produced, "ad")} to ${r.topic}${r.rejected > 0 ? style.yellow(`, rejected ${r.rejected}`) : ""}\n`,
);
