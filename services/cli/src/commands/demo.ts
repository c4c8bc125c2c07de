import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import type { Command } from "../context.js";
import { assertReadable, readLines } from "../lines.js";
import { DATA_OPTION, engineOptions, parseOptions } from "../options.js";
import { createProgressReporter } from "../progress.js";

const USAGE = "nexus demo [--data DIR] CORPUS.jsonl";

/**
 * `demo` (what `npm start` runs): imports a corpus into the embedded engine, then shows where to
 * look: the largest networks, phones shared across personas, demoted generic values, and commands
 * to try with real ids.
 */
export const demoCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, { ...DATA_OPTION }, USAGE);
  const corpus = positionals[0];
  if (!corpus) throw new NexusError("NEXUS_USAGE", `which corpus?\nusage: ${USAGE}`);
  await assertReadable(corpus);
  const options = engineOptions(context, values.data);
  const directory = options.dataDir;
  const engine = await openEngine(options);
  try {
    const reporter = createProgressReporter(context.stderr, context.stderrIsTTY);
    const summary = await engine.ingest(readLines(corpus, context.stdin), {
      onProgress: (progress) => reporter.update(progress),
      signal: context.signal,
    });
    reporter.finish();
    const out = (line = ""): void => {
      context.stdout.write(`${line}\n`);
    };
    out(`Nexus demo: ${summary.read} ads from ${corpus} in ${directory}`);
    out(`  new ${summary.accepted}, already known ${summary.duplicates}, rejected ${summary.rejected}`);
    const networks = [...engine.entities("network")].sort((a, b) => b.adIds.length - a.adIds.length);
    const personas = engine.entities("persona");
    out(`  ${networks.length} networks, ${personas.length} personas`);
    out();
    out("Largest networks (a phone shared by several personas is a finding):");
    for (const network of networks.slice(0, 5)) {
      const count = network.personaIds?.length ?? 1;
      out(
        `  ${network.id}: ${network.adIds.length} ads, ${count} personas, phones ${network.phones.slice(0, 4).join(" ")}`,
      );
    }
    const generics = engine.resolver.generics();
    if (generics.length > 0) {
      out();
      out("Generic values kept from linking (site numbers, stock photos, boilerplate):");
      for (const generic of generics.slice(0, 5)) out(`  ${generic.kind} ${generic.key}: ${generic.reason}`);
    }
    const top = networks[0];
    const [adA, adB] = top?.adIds ?? [];
    const data = values.data ? ` --data ${values.data}` : "";
    out();
    out("Where to look next:");
    out(`  npm run -s nexus -- entities${data} | head`);
    if (top?.phones[0]) out(`  npm run -s nexus -- search${data} "${top.phones[0]}"`);
    if (adA && adB) out(`  npm run -s nexus -- why${data} ${adA} ${adB}`);
    out(`  npm run -s nexus -- search${data} "masajes"`);
    // Watches fire on ads that arrive after them: watch the busiest phone, then import more ads.
    if (top?.phones[0])
      out(`  npm run -s nexus -- watch add${data} phone "${top.phones[0]}"   # then ingest, then: alerts${data}`);
    return 0;
  } finally {
    await engine.close();
  }
};
