/**
 * The compose file and the Kubernetes manifests cannot run here (no Docker engine), so they are
 * checked for what can go wrong without one: they parse, every service they start exists in
 * services/, every service that runs over Kafka is in both, and each workload has probes and limits.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

const repo = join(import.meta.dirname, "../../..");
const mainOf = (command: readonly string[]): string | undefined => command.find((part) => part.endsWith("main.js"));
const serviceOf = (main: string): string => main.split("/")[1] ?? "";
// The CLI is a command, not a long-running service.
const services = readdirSync(join(repo, "services")).filter((name) => name !== "cli");

describe("deploy manifests", () => {
  it("compose starts every service, each from a main.ts that exists", () => {
    const compose = parse(readFileSync(join(repo, "deploy/compose/docker-compose.yml"), "utf8")) as {
      services: Record<string, { command?: string[] }>;
    };
    const started = Object.values(compose.services).flatMap((service) => {
      const main = service.command ? mainOf(service.command) : undefined;
      return main ? [serviceOf(main)] : [];
    });
    for (const name of started) expect(existsSync(join(repo, "services", name, "src/main.ts")), name).toBe(true);
    expect([...new Set(started)].sort()).toEqual([...services].sort());
  });

  it("Kubernetes has one Deployment (or StatefulSet) per service, with probes and resource limits", () => {
    const docs = parseAllDocuments(readFileSync(join(repo, "deploy/k8s/services.yaml"), "utf8")).map((doc) =>
      doc.toJS(),
    );
    const deployments = docs.filter((doc) => doc?.kind === "Deployment" || doc?.kind === "StatefulSet");
    const names: string[] = [];
    for (const deployment of deployments) {
      const container = deployment.spec.template.spec.containers[0];
      const main = mainOf(container.command);
      expect(main, deployment.metadata.name).toBeDefined();
      names.push(serviceOf(main ?? ""));
      expect(container.livenessProbe?.httpGet?.path).toBe("/healthz");
      expect(container.readinessProbe?.httpGet?.path).toBe("/readyz");
      expect(container.resources?.limits?.memory).toBeTruthy();
    }
    expect(names.sort()).toEqual([...services].sort());
  });
});
