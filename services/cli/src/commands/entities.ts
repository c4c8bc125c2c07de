import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { engineOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { ENTITIES } from "../specs.js";

const USAGE = usageText(ENTITIES);

/** `entities`: one JSON line per entity, ordered by id. */
export const entitiesCommand: Command = async (context) => {
  const { values } = parseOptions(context, ENTITIES);
  const layer = values.layer ?? "network";
  if (layer !== "network" && layer !== "persona")
    throw new NexusError("NEXUS_USAGE", `unknown layer ${layer}\n${USAGE}`);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    const entities = [...engine.entities(layer)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const entity of entities) writeJsonLine(context.stdout, entity);
    return 0;
  } finally {
    await engine.close();
  }
};
