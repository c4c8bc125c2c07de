/**
 * What the deploy files ask of each Nexus process must be what the process does: every variable
 * they set is one it reads (docs/config.md lists them), the ones it cannot start without are set,
 * probes and scrapes point at the port it serves, and the API is reachable and keyed.
 */
import { describe, expect, it } from "vitest";
import { fieldsOf, PROCESSES, variablesOf } from "../../config/processes.js";
import { composeWorkloads, k8sWorkloads, loadCompose, loadK8s, servedPort, type Workload } from "./workloads.js";

const workloads: Workload[] = [...composeWorkloads(loadCompose()), ...k8sWorkloads(loadK8s())];
const byWhere = workloads.map((workload) => [workload.where, workload] as const);

describe("deploy files against the processes they start", () => {
  it("start every service process, in compose and in Kubernetes", () => {
    const services = PROCESSES.filter((process) => process.main).map((process) => process.name);
    for (const prefix of ["compose", "k8s"]) {
      const started = new Set(workloads.filter((w) => w.where.startsWith(prefix)).map((w) => w.process.name));
      expect([...started].sort(), prefix).toEqual([...services].sort());
    }
  });

  it.each(byWhere)("%s sets only variables its process reads", (_where, workload) => {
    const known = variablesOf(workload.process);
    const unknown = [...workload.env.keys()].filter((name) => !known.has(name));
    expect(unknown, `not read by ${workload.process.name}; see docs/config.md`).toEqual([]);
  });

  it.each(byWhere)("%s sets every variable its process requires", (_where, workload) => {
    const required = fieldsOf(workload.process.spec).filter((field) => field.defaultValue === undefined);
    for (const field of required) expect(workload.env.has(field.env), field.env).toBe(true);
  });

  it.each(byWhere)("%s probes /healthz or /readyz on the port its process serves", (_where, workload) => {
    expect(workload.probes.length).toBeGreaterThan(0);
    for (const probe of workload.probes) {
      expect(["/healthz", "/readyz"]).toContain(probe.path);
      expect(probe.port).toBe(servedPort(workload));
    }
  });

  it.each(byWhere)("%s is scraped only where /metrics is served", (_where, workload) => {
    if (workload.scrapePort === undefined) return;
    expect(workload.process.metrics).toBe(true);
    expect(workload.scrapePort).toBe(servedPort(workload));
  });

  it.each(byWhere.filter(([, w]) => w.process.name === "api"))(
    "%s: the API listens beyond loopback and is given keys",
    (_where, workload) => {
      expect(workload.env.get("NEXUS_API_HOST")).toBe("0.0.0.0");
      // Without keys the API refuses to listen beyond loopback (test: compiled-api.test.ts).
      expect(workload.env.has("NEXUS_API_KEYS")).toBe(true);
    },
  );
});
