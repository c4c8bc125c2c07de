#!/usr/bin/env node
// The `nexus` command: runs the compiled CLI. `npm ci` / `npm install` compile it (the root prepare
// script runs tsc -b); after pulling changes, `npm run build`. `npm run nexus:dev` runs the sources.
import { existsSync } from "node:fs";
import module from "node:module";

const main = new URL("../dist/src/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("nexus is not built yet: run `npm run build` in the repository (npm ci does it too).\n");
  process.exit(1);
}
// Keeps V8's compiled code between runs (in the OS temp directory): a command starts faster.
module.enableCompileCache?.();
await import(main.href);
