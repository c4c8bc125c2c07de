import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { engineOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { WHY } from "../specs.js";

const USAGE = usageText(WHY);

/** `why`: the chain of links that joins two ads, with each link's evidence, or why they are apart. */
export const whyCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, WHY);
  const [adA, adB] = positionals;
  if (!adA || !adB) throw new NexusError("NEXUS_USAGE", `which two ads?\n${USAGE}`);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    for (const id of [adA, adB]) {
      if (!(await engine.ad(id))) throw new NexusError("NEXUS_NOT_FOUND", `no ad ${id} in this data directory`);
    }
    writeJsonLine(context.stdout, engine.explain(adA, adB));
    return 0;
  } finally {
    await engine.close();
  }
};
