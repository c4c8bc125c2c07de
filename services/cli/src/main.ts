#!/usr/bin/env node
/**
 * The nexus command line (bin/nexus.js runs the compiled form). This file only wires the process to
 * the command line: arguments, streams, signals, exit code.
 */
import { runCli } from "./cli.js";

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

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
  cwd: process.cwd(),
});
