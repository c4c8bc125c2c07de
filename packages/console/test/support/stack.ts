import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../../../..");
export const KEYS = {
  viewer: "viewer-key-for-browser-tests-0001",
  analyst: "analyst-key-for-browser-tests-0001",
  admin: "admin-key-for-browser-tests-00001",
};

/** Runs a repository TypeScript entry point (CLI, generator) to completion. */
export async function runTs(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=nexus-source", script, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.on("close", done));
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited ${code}: ${err.slice(-2000)}`);
  return out;
}

export interface RunningApi {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `npm run api`'s entry point on a data directory, with keys, and waits until it answers. */
export async function startApi(
  dataDir: string,
  port: number,
  options: { startTimeoutMs?: number } = {},
): Promise<RunningApi> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=nexus-source", "services/api/src/main.ts"], {
    cwd: REPO,
    env: {
      ...process.env,
      NEXUS_DATA_DIR: dataDir,
      NEXUS_API_PORT: String(port),
      NEXUS_API_HOST: "127.0.0.1",
      NEXUS_API_KEYS: `vera:viewer:${KEYS.viewer},ana:analyst:${KEYS.analyst},root:admin:${KEYS.admin}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  // The embedded engine replays its history at start (issue 15 removes that): a large directory takes minutes.
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  const api: RunningApi = {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return api;
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`the API did not start in ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function consoleBuilt(): boolean {
  return existsSync(join(REPO, "packages/console/dist/index.html"));
}
