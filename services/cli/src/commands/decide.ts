import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { DATA_OPTION, engineOptions, parseOptions } from "../options.js";

const USAGE = "nexus decide [--data DIR] [--by NAME] [--note TEXT] must-link|cannot-link A B";

/** `decide`: an analyst's must-link / cannot-link between two ads or entities, kept for good. */
export const decideCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(
    context,
    { ...DATA_OPTION, by: { type: "string" }, note: { type: "string" } },
    USAGE,
  );
  const [kind, a, b] = positionals;
  if ((kind !== "must-link" && kind !== "cannot-link") || !a || !b)
    throw new NexusError("NEXUS_USAGE", `usage: ${USAGE}`);
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
