/**
 * The command line around the commands: which command, help, and how its output is shown. A person
 * at a terminal gets tables and colour; a pipe (or --json) gets the commands' JSON lines as they are.
 */
import type { Readable, Writable } from "node:stream";
import { NexusError, toNexusError } from "@nexus/errors";
import { renderCommandHelp, renderHelp } from "./help.js";
import { colourWanted, createStyle } from "./output/style.js";
import { createViewStream } from "./output/view.js";
import { COMMANDS, type CommandEntry } from "./registry.js";
import { scanCommonFlags } from "./spec.js";

export interface CliIO {
  readonly argv: readonly string[];
  readonly stdin: Readable;
  readonly stdout: Writable & { readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: Writable & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signal: AbortSignal;
  readonly cwd: string;
}

export const EXIT_USAGE = 2;

function unknownCommand(io: CliIO, name: string): number {
  const close = [...COMMANDS.keys()].filter((known) => known.startsWith(name.slice(0, 2)));
  const hint = close.length > 0 ? ` (did you mean ${close.join(" or ")}?)` : "";
  io.stderr.write(`nexus: unknown command "${name}"${hint}\nnexus --help lists the commands.\n`);
  return EXIT_USAGE;
}

/** Runs `nexus <argv>` and returns its exit code: 0 done, 1 failed, 2 usage, 130 interrupted. */
export async function runCli(io: CliIO): Promise<number> {
  const [name, ...args] = io.argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" && args[0] !== undefined ? COMMANDS.get(args[0]) : undefined;
    if (name === "help" && args[0] !== undefined && !topic) return unknownCommand(io, args[0]);
    io.stdout.write(topic ? renderCommandHelp(topic.spec) : renderHelp());
    return 0;
  }
  const entry = COMMANDS.get(name);
  if (!entry) return unknownCommand(io, name);
  try {
    return await runCommand(entry, args, io);
  } catch (thrown) {
    const error = toNexusError(thrown);
    io.stderr.write(`nexus ${name}: ${error.code}: ${error.message}\n`);
    if (error.code === "NEXUS_INTERNAL" && thrown instanceof Error) io.stderr.write(`${thrown.stack ?? ""}\n`);
    return thrown instanceof NexusError && error.code === "NEXUS_USAGE" ? EXIT_USAGE : 1;
  }
}

async function runCommand(entry: CommandEntry, args: readonly string[], io: CliIO): Promise<number> {
  const flags = scanCommonFlags(entry.spec, args);
  if (flags.help) {
    io.stdout.write(renderCommandHelp(entry.spec));
    return 0;
  }
  const human = !flags.json && io.stdout.isTTY === true;
  const [command, stdout] = await Promise.all([entry.load(), human ? viewStream(entry, io, flags) : io.stdout]);
  const context = {
    args,
    stdin: io.stdin,
    stdout,
    stderr: io.stderr,
    env: io.env,
    stderrIsTTY: io.stderr.isTTY === true,
    signal: io.signal,
    cwd: io.cwd,
  };
  try {
    return await command(context);
  } finally {
    if (stdout !== io.stdout) await new Promise<void>((resolve) => stdout.end(resolve));
  }
}

async function viewStream(
  entry: CommandEntry,
  io: CliIO,
  flags: ReturnType<typeof scanCommonFlags>,
): Promise<Writable> {
  const view = (await entry.view())({
    out: io.stdout,
    style: createStyle(colourWanted(true, io.env)),
    width: io.stdout.columns ?? 100,
    positionals: flags.positionals,
    flags: flags.flags,
  });
  return createViewStream(view, io.stdout);
}
