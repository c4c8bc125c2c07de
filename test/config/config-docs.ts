/**
 * docs/config.md from the processes' config specs: `npm run gen` writes it, `npm run gen:check`
 * fails when the committed file differs.
 *   npx tsx --conditions=nexus-source test/config/config-docs.ts [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Field } from "@nexus/config";
import { fieldsOf, type NexusProcess, PROCESSES, variablesOf } from "./processes.js";

const cell = (text: string): string => text.replaceAll("|", "\\|");

function defaultOf(field: Field<unknown>): string {
  if (field.defaultValue === undefined) return "(required)";
  const value = Array.isArray(field.defaultValue) ? field.defaultValue.join(",") : String(field.defaultValue);
  return value === "" ? "(empty)" : `\`${value}\``;
}

const secretNote = (field: Field<unknown>): string => (field.secret ? " Secret: never logged or echoed." : "");

function variableTable(fields: readonly Field<unknown>[]): string {
  const rows = fields.map(
    (field) => `| \`${field.env}\` | ${defaultOf(field)} | ${cell(field.doc)}.${secretNote(field)} |`,
  );
  return ["| variable | default | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

/** One row per variable; where processes differ on the default, each default with its readers. */
function catalogueTable(readers: Map<string, { process: string; field: Field<unknown> }[]>): string {
  const rows = [...readers.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([env, reads]) => {
      const byDefault = new Map<string, string[]>();
      for (const read of reads)
        byDefault.set(defaultOf(read.field), [...(byDefault.get(defaultOf(read.field)) ?? []), read.process]);
      const defaults =
        byDefault.size === 1
          ? [...byDefault.keys()][0]
          : [...byDefault].map(([value, names]) => `${value} (${names.join(", ")})`).join("; ");
      const field = (reads[0] as { field: Field<unknown> }).field;
      return `| \`${env}\` | ${defaults} | ${cell(field.doc)}.${secretNote(field)} | ${reads.map((r) => r.process).join(", ")} |`;
    });
  return ["| variable | default | meaning | read by |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

function processSection(process: NexusProcess): string {
  const lines = [`### ${process.name}`, "", `\`${process.command}\`: ${process.summary}.`, ""];
  lines.push(variableTable(fieldsOf(process.spec)));
  if (process.optional) {
    lines.push("", `When ${process.optional.when}:`, "", variableTable(fieldsOf(process.optional.spec)));
  }
  if (process.probePort) {
    const serves = process.metrics ? "`/healthz`, `/readyz` and `/metrics`" : "`/healthz` and `/readyz`";
    lines.push("", `Probes: ${serves} on \`${process.probePort}\`.`);
  }
  return lines.join("\n");
}

export function renderConfigDocs(): string {
  const readers = new Map<string, { process: string; field: Field<unknown> }[]>();
  for (const process of PROCESSES) {
    for (const [env, field] of variablesOf(process)) {
      readers.set(env, [...(readers.get(env) ?? []), { process: process.name, field }]);
    }
  }
  return `# Configuration

Generated from the config specs the processes read (\`services/*/src/config.ts\`, \`@nexus/config\`)
by \`npm run gen\`; \`npm run gen:check\` fails when this file is out of date. Every value is read once
at start; a bad value is reported together with every other bad value, and the process exits before
doing anything. An empty variable counts as unset.

## Every variable

${catalogueTable(readers)}

## By process

${PROCESSES.map(processSection).join("\n\n")}
`;
}

const target = join(import.meta.dirname, "../../docs/config.md");
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const text = renderConfigDocs();
  if (process.argv.includes("--check")) {
    if (readFileSync(target, "utf8") !== text) {
      process.stderr.write("gen:check: docs/config.md is out of date with the config specs; run `npm run gen`\n");
      process.exit(1);
    }
  } else writeFileSync(target, text);
}
