import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { engineOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { GENERICS } from "../specs.js";

const USAGE = usageText(GENERICS);

/**
 * `generics`: the values demoted from linking (site numbers, stock photos, boilerplate) with their
 * reasons; `--set` overrides the automatic decision for one key, persisted.
 */
export const genericsCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, GENERICS);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    if (values.set !== undefined) {
      const key = positionals[0];
      if ((values.set !== "generic" && values.set !== "specific") || !key) throw new NexusError("NEXUS_USAGE", USAGE);
      const update = await engine.overrideGeneric(key, values.set);
      for (const change of update.changes) writeJsonLine(context.stdout, change);
      return 0;
    }
    for (const demotion of engine.resolver.generics()) writeJsonLine(context.stdout, demotion);
    return 0;
  } finally {
    await engine.close();
  }
};
