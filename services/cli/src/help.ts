import { COMMANDS } from "./registry.js";
import { COMMON_OPTIONS, type CommandSpec, type OptionSpec } from "./spec.js";

const GROUPS: Record<CommandSpec["group"], string> = {
  analyse: "Analyse a data directory",
  watch: "Watch and alert",
  tools: "Tools",
};

const pad = (text: string, width: number): string => text.padEnd(width);

/** Wraps text to `width` columns, each line after the first indented by `indent`. */
function wrap(text: string, width: number, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

/** `nexus --help`: every command by group, and where to read more. */
export function renderHelp(): string {
  const specs = [...COMMANDS.values()].map((entry) => entry.spec);
  const width = Math.max(...specs.map((spec) => spec.name.length)) + 4;
  const groups = (Object.keys(GROUPS) as CommandSpec["group"][]).map((group) =>
    [
      `${GROUPS[group]}:`,
      ...specs.filter((spec) => spec.group === group).map((spec) => `  ${pad(spec.name, width)}${spec.summary}`),
    ].join("\n"),
  );
  return `nexus — link online ads into advertisers and networks

Usage: nexus <command> [options]
       (from a clone: npx nexus <command>, or npm run -s nexus -- <command>)

${groups.join("\n\n")}

Options of every command:
  --json        JSON lines on stdout, the default when stdout is not a terminal
  -h, --help    the command's options, output and examples

nexus help COMMAND (or nexus COMMAND --help) says more about one command.
Data directory: --data DIR, else NEXUS_DATA_DIR, else ./data. Configuration: docs/config.md.
`;
}

function optionLine(name: string, option: OptionSpec): [string, string] {
  const flag = `${option.short ? `-${option.short}, ` : "    "}--${name}${option.value ? ` ${option.value}` : ""}`;
  return [flag, option.help];
}

/** `nexus COMMAND --help`: usage, what it does, options, what it prints, examples. */
export function renderCommandHelp(spec: CommandSpec): string {
  const options = [...Object.entries(spec.options), ...Object.entries(COMMON_OPTIONS)].map(([name, option]) =>
    optionLine(name, option),
  );
  const width = Math.max(...options.map(([flag]) => flag.length)) + 3;
  const sections = [
    `Usage:\n${spec.usage.map((line) => `  ${line}`).join("\n")}`,
    wrap(spec.description, 100),
    `Options:\n${options.map(([flag, help]) => `  ${pad(flag, width)}${help}`).join("\n")}`,
    `Output (JSON, when piped or with --json):\n  ${wrap(spec.output, 98, "  ")}`,
    ...(spec.examples?.length ? [`Examples:\n${spec.examples.map((line) => `  ${line}`).join("\n")}`] : []),
  ];
  return `nexus ${spec.name} — ${spec.summary}\n\n${sections.join("\n\n")}\n`;
}
