#!/usr/bin/env node
/**
 * The nexus command line: `npm run -s nexus -- <command>`. This file only wires the process to the
 * commands (arguments, streams, signals, exit codes).
 */
import { NexusError, toNexusError } from "@nexus/errors";
import { alertsCommand } from "./commands/alerts.js";
import { decideCommand } from "./commands/decide.js";
import { demoCommand } from "./commands/demo.js";
import { entitiesCommand } from "./commands/entities.js";
import { extractCommand } from "./commands/extract.js";
import { genericsCommand } from "./commands/generics.js";
import { hashCommand } from "./commands/hash.js";
import { ingestCommand } from "./commands/ingest.js";
import { produceCommand } from "./commands/produce.js";
import { searchCommand } from "./commands/search.js";
import { watchCommand } from "./commands/watch.js";
import { whyCommand } from "./commands/why.js";
import type { Command, CommandContext } from "./context.js";
import { HELP, helpCommand } from "./help.js";

const COMMANDS: Record<string, Command> = {
  extract: extractCommand,
  ingest: ingestCommand,
  entities: entitiesCommand,
  search: searchCommand,
  hash: hashCommand,
  why: whyCommand,
  decide: decideCommand,
  generics: genericsCommand,
  demo: demoCommand,
  produce: produceCommand,
  watch: watchCommand,
  alerts: alertsCommand,
  help: helpCommand,
};

const EXIT_USAGE = 2;

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name ? `unknown command: ${name}\n\n${HELP}` : HELP);
    return name ? EXIT_USAGE : 0;
  }
  const controller = new AbortController();
  process.on("SIGINT", () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\ninterrupted: finishing the current batch (Ctrl-C again to quit now)\n");
    controller.abort();
  });
  // `nexus entities | head` closes stdout early: that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
  });
  const context: CommandContext = {
    args,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    signal: controller.signal,
    cwd: process.cwd(),
  };
  try {
    return await command(context);
  } catch (thrown) {
    const error = toNexusError(thrown);
    process.stderr.write(`nexus ${name}: ${error.code}: ${error.message}\n`);
    if (error.code === "NEXUS_INTERNAL" && thrown instanceof Error) process.stderr.write(`${thrown.stack ?? ""}\n`);
    return thrown instanceof NexusError && error.code === "NEXUS_USAGE" ? EXIT_USAGE : 1;
  }
}

process.exitCode = await main();
