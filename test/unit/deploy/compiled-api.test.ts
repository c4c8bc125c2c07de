/**
 * The compiled API (node services/api/dist/src/main.js, what the image runs), started with the
 * settings compose gives it: on 0.0.0.0 it refuses to start without keys, and with keys it answers
 * its probes on the port the deploy files probe, checks keys, and prints no warning.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { composeWorkloads, freePort, loadCompose, repo, servedPort } from "./workloads.js";

const work = mkdtempSync(join(tmpdir(), "nexus-compiled-api-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

const api = composeWorkloads(loadCompose()).find((workload) => workload.process.name === "api");
if (!api?.process.main) throw new Error("compose starts no api");
const main = api.process.main;

/** Compose's environment for the api, without the servers a unit test has none of. */
async function deployEnv(overrides: Record<string, string>): Promise<Record<string, string>> {
  const env: Record<string, string> = { PATH: process.env["PATH"] ?? "" };
  for (const [name, value] of api?.env ?? []) {
    if (value !== undefined && name !== "KAFKA_BROKERS" && name !== "ELASTICSEARCH_URL") env[name] = value;
  }
  return { ...env, NEXUS_DATA_DIR: join(work, "data"), NEXUS_API_PORT: String(await freePort()), ...overrides };
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [main], { cwd: repo, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const output = { out: "", err: "" };
  child.stdout?.on("data", (chunk) => {
    output.out += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output.err += String(chunk);
  });
  // "close", not "exit": the output is read to its end.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return { child, output, exited };
}

async function waitFor(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("the compiled api with the deploy settings", () => {
  it("listens beyond loopback there", () => {
    expect(api.env.get("NEXUS_API_HOST")).toBe("0.0.0.0");
  });

  it("refuses to start on 0.0.0.0 without keys", { timeout: 30_000 }, async () => {
    const { output, exited } = start(await deployEnv({ NEXUS_API_KEYS: "" }));
    expect(await exited).toBe(1);
    expect(output.out + output.err).toContain("NEXUS_API_KEYS is empty");
  });

  it("with keys, answers its probes where the deploy files probe, checks keys, warns of nothing", {
    timeout: 30_000,
  }, async () => {
    const env = await deployEnv({ NEXUS_API_KEYS: "ops:admin:compiled-api-test-key" });
    const port = servedPort({ ...api, env: new Map(Object.entries(env)) });
    const { child, output, exited } = start(env);
    const base = `http://127.0.0.1:${port}`;
    expect((await waitFor(`${base}/healthz`, Date.now() + 20_000)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/v1/entities?q=x`)).status).toBe(401);
    const keyed = await fetch(`${base}/v1/entities?q=x`, { headers: { "x-api-key": "compiled-api-test-key" } });
    expect(keyed.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Logs are JSON lines on stderr; Node's own warnings ("(node:…) …Warning", FSTDEP…) go there too.
    expect(output.err).toContain('"msg":"api listening"');
    expect(output.err).not.toMatch(/Warning|FSTDEP|"level":(40|50|60)/);
    expect(output.out).toBe("");
  });
});
