import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { DATA_OPTION, dataDir, imageOptions, parseOptions } from "../options.js";

const USAGE = "nexus alerts [--data DIR] [--watch WATCH_ID] [--after SEQ] [--limit N]";

/** `alerts`: one JSON line per alert, oldest first. */
export const alertsCommand: Command = async (context) => {
  const { values } = parseOptions(
    context,
    { ...DATA_OPTION, watch: { type: "string" }, after: { type: "string" }, limit: { type: "string" } },
    USAGE,
  );
  const afterSeq = values.after === undefined ? undefined : Number(values.after);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if ((afterSeq !== undefined && !Number.isInteger(afterSeq)) || (limit !== undefined && !(limit > 0))) {
    throw new NexusError("NEXUS_USAGE", `--after and --limit take numbers\nusage: ${USAGE}`);
  }
  const engine = await openEngine({ dataDir: dataDir(context, values.data), images: imageOptions(context).options });
  try {
    const query = {
      ...(values.watch ? { watchId: values.watch } : {}),
      ...(afterSeq === undefined ? {} : { afterSeq }),
      ...(limit === undefined ? {} : { limit }),
    };
    for (const alert of await engine.alerting.alerts(query)) writeJsonLine(context.stdout, alert);
    return 0;
  } finally {
    await engine.close();
  }
};
