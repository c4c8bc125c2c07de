import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { DATA_OPTION, engineOptions, parseOptions } from "../options.js";

const USAGE = "nexus generics [--data DIR] [--set generic|specific KEY]";

/**
 * `generics`: the values demoted from linking (site numbers, stock photos, boilerplate) with their
 * reasons; `--set` overrides the automatic decision for one key, persisted.
 */
export const genericsCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, { ...DATA_OPTION, set: { type: "string" } }, USAGE);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    if (values.set !== undefined) {
      const key = positionals[0];
      if ((values.set !== "generic" && values.set !== "specific") || !key)
        throw new NexusError("NEXUS_USAGE", `usage: ${USAGE}`);
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
