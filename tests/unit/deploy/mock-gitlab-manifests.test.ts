import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { checkReadOnlyRootFilesystem, podSpecOf } from "../../../src/testing/kube/index.js";
import { chartRoot } from "../../../src/paths.js";
import { MOCK_GITLAB_IMAGE } from "../../../src/testing/kind/index.js";

const manifestPath = join(chartRoot, "deploy", "mock-gitlab", "mock-gitlab.yaml");
const objects = parseAllDocuments(readFileSync(manifestPath, "utf8"))
  .map((doc) => doc.toJS() as Record<string, any>)
  .filter((obj) => obj !== null);
const byKind = (kind: string) => objects.find((obj) => obj.kind === kind);

describe("deploy/mock-gitlab/mock-gitlab.yaml", () => {
  // Strict field validation and Pod Security "restricted": the API server, in tests/integration.
  it("holds exactly a Deployment and a Service", () => {
    expect(objects.map((obj) => obj.kind).sort()).toEqual(["Deployment", "Service"]);
  });

  it("runs a pod with a read-only root filesystem", () => {
    expect(checkReadOnlyRootFilesystem(podSpecOf(byKind("Deployment")), "spec.template.spec")).toEqual([]);
  });

  it("runs as the image's numeric UID and takes tokens only from a Secret", () => {
    const spec = podSpecOf(byKind("Deployment")) as Record<string, any>;
    const dockerfile = readFileSync(join(chartRoot, "deploy", "mock-gitlab", "Dockerfile"), "utf8");
    const user = /^USER (\d+):(\d+)$/m.exec(dockerfile);
    expect(spec.securityContext.runAsUser).toBe(Number(user?.[1]));
    expect(spec.securityContext.runAsGroup).toBe(Number(user?.[2]));
    const env = spec.containers[0].env as Array<Record<string, any>>;
    for (const entry of env) {
      expect(entry.value, entry.name).toBeUndefined();
      expect(entry.valueFrom.secretKeyRef.name).toBe("mock-gitlab-tokens");
    }
  });

  it("runs the image the kind tier builds and loads, never pulling it", () => {
    const container = byKind("Deployment")?.spec.template.spec.containers[0];
    expect(container.image).toBe(MOCK_GITLAB_IMAGE);
    expect(container.imagePullPolicy).toBe("IfNotPresent");
  });

  it("selects its pods and exposes the port the container listens on", () => {
    const deployment = byKind("Deployment");
    const service = byKind("Service");
    const labels = deployment?.spec.template.metadata.labels;
    for (const [key, value] of Object.entries(service?.spec.selector ?? {})) expect(labels[key]).toBe(value);
    expect(deployment?.spec.selector.matchLabels).toEqual(service?.spec.selector);
    const container = deployment?.spec.template.spec.containers[0];
    const port = container.ports.find((p: any) => p.name === service?.spec.ports[0].targetPort);
    expect(container.args).toEqual(["--host", "0.0.0.0", "--port", String(port.containerPort)]);
  });
});
