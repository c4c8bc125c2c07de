/**
 * The Kubernetes manifests validate against the Kubernetes API schemas carried by the
 * `kubernetes-models` package (offline): types, enums and required fields of every object.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { ConfigMap, Namespace, Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { loadK8s, repo, type Yaml } from "./workloads.js";

const models: Record<string, new (data: Yaml) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
};
const docs = loadK8s();

function validate(doc: Yaml): void {
  const Model = models[`${doc.apiVersion}/${doc.kind}`];
  if (!Model) throw new Error(`no schema here for ${doc.apiVersion} ${doc.kind}: add it to k8s.test.ts`);
  new Model(doc).validate();
}

describe("deploy/k8s", () => {
  it("kustomization.yaml lists every manifest", () => {
    const files = readdirSync(join(repo, "deploy/k8s")).filter(
      (f) => f.endsWith(".yaml") && f !== "kustomization.yaml",
    );
    expect(docs.length).toBeGreaterThan(files.length);
    expect(new Set(docs.map((doc) => doc.metadata?.namespace ?? doc.metadata?.name))).toEqual(new Set(["nexus"]));
  });

  it.each(docs.map((doc) => [`${doc.kind}/${doc.metadata.name}`, doc]))("%s validates", (_name, doc) => {
    expect(() => validate(doc)).not.toThrow();
  });

  it("a wrong type or a missing required field is refused (the check is live)", () => {
    const deployment = structuredClone(docs.find((doc) => doc.kind === "Deployment"));
    deployment.spec.template.spec.containers[0].ports[0].containerPort = "9464";
    expect(() => validate(deployment)).toThrow(/containerPort must be integer/);
    delete deployment.spec.selector;
    expect(() => validate(deployment)).toThrow(/selector/);
  });

  it("every Service targets a port its pods declare", () => {
    for (const service of docs.filter((doc) => doc.kind === "Service")) {
      const pods = docs.filter(
        (doc) =>
          (doc.kind === "Deployment" || doc.kind === "StatefulSet") &&
          Object.entries(service.spec.selector).every(([k, v]) => doc.spec.template.metadata.labels[k] === v),
      );
      expect(pods.length, service.metadata.name).toBeGreaterThan(0);
      for (const pod of pods) {
        const declared = pod.spec.template.spec.containers.flatMap((c: Yaml) =>
          (c.ports ?? []).flatMap((p: Yaml) => [p.name, p.containerPort]),
        );
        for (const port of service.spec.ports) {
          expect(declared, `${service.metadata.name} → ${pod.metadata.name}`).toContain(port.targetPort ?? port.port);
        }
      }
    }
  });
});
