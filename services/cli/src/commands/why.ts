import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import type { Explanation } from "@nexus/resolution";
import { type Command, writeJsonLine } from "../context.js";
import { DATA_OPTION, engineOptions, parseOptions } from "../options.js";

const USAGE = "nexus why [--data DIR] [--json] AD_A AD_B";

function render(adA: string, adB: string, explanation: Explanation): string {
  const head = explanation.joined
    ? `${adA} and ${adB} are in one ${explanation.layer}: ${explanation.path.length} link(s)`
    : `${adA} and ${adB} are not joined: ${explanation.reason}`;
  const links = explanation.path.map((link, i) => {
    const evidence = link.evidence.map(
      (e) =>
        `      ${e.kind}${e.value ? ` ${e.value}` : ""}: ${e.weight.toFixed(2)}${e.detail ? ` (${e.detail})` : ""}`,
    );
    return [`  ${i + 1}. ${link.a} — ${link.b}  score ${link.score.toFixed(2)}`, ...evidence].join("\n");
  });
  const reason = explanation.joined && explanation.reason ? [`  ${explanation.reason}`] : [];
  return `${[head, ...reason, ...links].join("\n")}\n`;
}

/** `why`: the chain of links that joins two ads, with each link's evidence, or why they are apart. */
export const whyCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, { ...DATA_OPTION, json: { type: "boolean" } }, USAGE);
  const [adA, adB] = positionals;
  if (!adA || !adB) throw new NexusError("NEXUS_USAGE", `which two ads?\nusage: ${USAGE}`);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    for (const id of [adA, adB]) {
      if (!(await engine.ad(id))) throw new NexusError("NEXUS_NOT_FOUND", `no ad ${id} in this data directory`);
    }
    const explanation = engine.explain(adA, adB);
    if (values.json) writeJsonLine(context.stdout, explanation);
    else context.stdout.write(render(adA, adB, explanation));
    return 0;
  } finally {
    await engine.close();
  }
};
