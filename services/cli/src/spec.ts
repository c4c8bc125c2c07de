import { parseArgs } from "node:util";
import { NexusError } from "@nexus/errors";
import type { CommandContext } from "./context.js";

/** One option: what node's parseArgs needs, plus what `--help` shows. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value's placeholder in help (`--data DIR`). */
  readonly value?: string;
  readonly help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/**
 * A command as the help, the argument parser and the output formatter see it. Kept apart from the
 * command's code, so that `nexus --help` loads none of the engine.
 */
export interface CommandSpec<TOptions extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** Where the command list puts it. */
  readonly group: "analyse" | "watch" | "tools";
  readonly summary: string;
  readonly usage: readonly string[];
  readonly description: string;
  readonly options: TOptions;
  /** What goes to stdout when it is not a terminal (or with --json). */
  readonly output: string;
  readonly examples?: readonly string[];
}

/** Options every command takes; the command line handles them before the command runs. */
export const COMMON_OPTIONS = {
  json: { type: "boolean", help: "JSON lines on stdout (the default when stdout is not a terminal)" },
  help: { type: "boolean", short: "h", help: "show this help" },
} as const satisfies OptionSpecs;

export const DATA_OPTION = {
  data: { type: "string", value: "DIR", help: "data directory (default: NEXUS_DATA_DIR, else ./data)" },
} as const satisfies OptionSpecs;

export function defineCommand<const TOptions extends OptionSpecs>(spec: CommandSpec<TOptions>): CommandSpec<TOptions> {
  return spec;
}

export function usageText(spec: CommandSpec): string {
  return `usage:\n${spec.usage.map((line) => `  ${line}`).join("\n")}\nmore: nexus ${spec.name} --help`;
}

type ParseConfig<T extends OptionSpecs> = {
  args: string[];
  options: T & typeof COMMON_OPTIONS;
  allowPositionals: true;
  strict: true;
};

/** node's parseArgs over the command's options (and the common ones); bad usage is NEXUS_USAGE. */
export function parseOptions<T extends OptionSpecs>(context: CommandContext, spec: CommandSpec<T>) {
  const config: ParseConfig<T> = {
    args: [...context.args],
    options: { ...spec.options, ...COMMON_OPTIONS },
    allowPositionals: true,
    strict: true,
  };
  try {
    return parseArgs(config);
  } catch (error) {
    throw new NexusError("NEXUS_USAGE", `${(error as Error).message}\n${usageText(spec)}`, { cause: error });
  }
}

/** What the command line needs before running a command: is it asked for help, or for JSON? */
export function scanCommonFlags(spec: CommandSpec, args: readonly string[]) {
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...spec.options, ...COMMON_OPTIONS },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const flags = new Set(tokens.flatMap((token) => (token.kind === "option" ? [token.name] : [])));
  const positionals = tokens.flatMap((token) => (token.kind === "positional" ? [token.value] : []));
  return { help: flags.has("help"), json: flags.has("json"), positionals, flags };
}
