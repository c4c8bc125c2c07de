import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { engineOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { DECIDE } from "../specs.js";

const USAGE = usageText(DECIDE);

/** `decide`: an analyst's must-link / cannot-link between two ads or entities, kept for good. */
export const decideCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, DECIDE);
  const [kind, a, b] = positionals;
  if ((kind !== "must-link" && kind !== "cannot-link") || !a || !b) throw new NexusError("NEXUS_USAGE", USAGE);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    const update = await engine.decide({
      kind,
      a,
      b,
      ...(values.by ? { by: values.by } : {}),
      ...(values.note ? { note: values.note } : {}),
    });
    for (const change of update.changes) writeJsonLine(context.stdout, change);
    return 0;
  } finally {
    await engine.close();
  }
};
