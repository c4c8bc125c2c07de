import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { assertReadable, readLines } from "../lines.js";
import { engineOptions, esConnection } from "../options.js";
import { createProgressReporter } from "../progress.js";
import { parseOptions, usageText } from "../spec.js";
import { INGEST } from "../specs.js";

const USAGE = usageText(INGEST);

async function countLines(path: string, stdin: Parameters<typeof readLines>[1]): Promise<number | undefined> {
  if (path === "-") return undefined;
  let count = 0;
  for await (const line of readLines(path, stdin)) if (line.trim() !== "") count += 1;
  return count;
}

/** `ingest`: imports raw ads through the whole pipeline into the data directory, idempotently. */
export const ingestCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, INGEST);
  const file = positionals[0];
  if (!file) throw new NexusError("NEXUS_USAGE", `which file?\n${USAGE}`);
  await assertReadable(file);
  const options = engineOptions(context, values.data);
  const es = await esConnection(context);
  const engine = await openEngine({ ...options, ...(es ? { esIndexer: es.indexer } : {}) });
  try {
    const total = context.stderrIsTTY ? await countLines(file, context.stdin) : undefined;
    const reporter = createProgressReporter(context.stderr, context.stderrIsTTY, total);
    const summary = await engine.ingest(readLines(file, context.stdin), {
      onProgress: (progress) => reporter.update(progress),
      signal: context.signal,
      ...(values.source ? { defaultSource: values.source } : {}),
    });
    reporter.finish();
    const entities = engine.entities("network").length;
    const personas = engine.entities("persona").length;
    const report = {
      dataDir: options.dataDir,
      ...summary,
      entities,
      personas,
      rejections: summary.rejections.slice(0, 50),
    };
    writeJsonLine(context.stdout, report);
    return summary.interrupted ? 130 : 0;
  } finally {
    await engine.close();
    await es?.close();
  }
};
