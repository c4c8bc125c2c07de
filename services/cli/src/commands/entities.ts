import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { DATA_OPTION, engineOptions, parseOptions } from "../options.js";

const USAGE = "nexus entities [--data DIR] [--layer network|persona]";

/** `entities`: one JSON line per entity, ordered by id. */
export const entitiesCommand: Command = async (context) => {
  const { values } = parseOptions(context, { ...DATA_OPTION, layer: { type: "string" } }, USAGE);
  const layer = values.layer ?? "network";
  if (layer !== "network" && layer !== "persona")
    throw new NexusError("NEXUS_USAGE", `unknown layer ${layer}\nusage: ${USAGE}`);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    const entities = [...engine.entities(layer)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const entity of entities) writeJsonLine(context.stdout, entity);
    return 0;
  } finally {
    await engine.close();
  }
};
