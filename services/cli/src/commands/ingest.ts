import { type IngestSummary, openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { type Command, writeJsonLine } from "../context.js";
import { assertReadable, readLines } from "../lines.js";
import { DATA_OPTION, engineOptions, esConnection, parseOptions } from "../options.js";
import { createProgressReporter } from "../progress.js";

const USAGE = "nexus ingest [--data DIR] [--source NAME] [--json] FILE.jsonl|-";

async function countLines(path: string, stdin: Parameters<typeof readLines>[1]): Promise<number | undefined> {
  if (path === "-") return undefined;
  let count = 0;
  for await (const line of readLines(path, stdin)) if (line.trim() !== "") count += 1;
  return count;
}

/** `ingest`: imports raw ads through the whole pipeline into the data directory, idempotently. */
export const ingestCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(
    context,
    { ...DATA_OPTION, source: { type: "string" }, json: { type: "boolean" } },
    USAGE,
  );
  const file = positionals[0];
  if (!file) throw new NexusError("NEXUS_USAGE", `which file?\nusage: ${USAGE}`);
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
    if (values.json) writeJsonLine(context.stdout, report);
    else context.stdout.write(renderSummary(report));
    return summary.interrupted ? 130 : 0;
  } finally {
    await engine.close();
    await es?.close();
  }
};

type IngestReport = IngestSummary & { dataDir: string; entities: number; personas: number };

function renderSummary(report: IngestReport): string {
  const lines = [
    `${report.interrupted ? "interrupted" : "done"}: ${report.read} ads read into ${report.dataDir}`,
    `  accepted ${report.accepted}, updated ${report.updated}, already known ${report.duplicates}, rejected ${report.rejected}`,
    `  processed ${report.processed}, failed ${report.failed} (dead-lettered), image errors ${report.imageErrors}`,
    ...(report.indexErrors > 0
      ? [`  search indexing failed for ${report.indexErrors} batch(es), retried at the next start`]
      : []),
    `  entities now: ${report.entities} networks, ${report.personas} personas`,
    ...report.rejections.map((r) => `  rejected line ${r.line ?? "?"}: ${r.code}: ${r.message}`),
  ];
  return `${lines.join("\n")}\n`;
}
