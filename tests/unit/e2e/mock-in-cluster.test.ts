import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { chartRoot } from "../../../src/paths.js";
import {
  manifestObjects,
  mockTokensSecretData,
  MOCK_HOST_PORT,
  MOCK_MANIFEST,
  MOCK_NODEPORT_MANIFEST,
  MOCK_TOKENS_SECRET,
  mockUrls,
} from "../../../src/testing/e2e/mock-in-cluster.js";

type Obj = { kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, any> };

describe("the mock GitLab in the kind cluster", () => {
  const objects = [
    ...manifestObjects(MOCK_MANIFEST, "mock"),
    ...manifestObjects(MOCK_NODEPORT_MANIFEST, "mock"),
  ] as Obj[];

  it("puts every object of both manifests in the given namespace", () => {
    expect(objects.map((o) => [o.kind, o.metadata.name, o.metadata.namespace])).toEqual([
      ["Service", "mock-gitlab", "mock"],
      ["Deployment", "mock-gitlab", "mock"],
      ["Service", "mock-gitlab-host", "mock"],
    ]);
  });

  it("publishes the NodePort that kind-config.yaml maps to the host's loopback, selecting the mock's pods", () => {
    const nodePort = objects.find((o) => o.metadata.name === "mock-gitlab-host")!;
    const deployment = objects.find((o) => o.kind === "Deployment")!;
    expect(nodePort.spec.ports[0]).toMatchObject({ nodePort: MOCK_HOST_PORT, targetPort: "http" });
    expect(deployment.spec.template.metadata.labels).toMatchObject(nodePort.spec.selector);
    const kind = parse(readFileSync(join(chartRoot, "tests", "e2e", "kind-config.yaml"), "utf8"));
    expect(kind.nodes[0].extraPortMappings).toEqual([
      { containerPort: MOCK_HOST_PORT, hostPort: MOCK_HOST_PORT, listenAddress: "127.0.0.1", protocol: "TCP" },
    ]);
  });

  it("reads its tokens from the Secret the tier creates", () => {
    const deployment = objects.find((o) => o.kind === "Deployment")!;
    const refs = deployment.spec.template.spec.containers[0].env.map((e: any) => e.valueFrom?.secretKeyRef?.name);
    expect(new Set(refs)).toEqual(new Set([MOCK_TOKENS_SECRET]));
    expect(mockUrls("mock")).toEqual({
      inClusterUrl: "http://mock-gitlab.mock.svc:8080",
      hostUrl: `http://127.0.0.1:${MOCK_HOST_PORT}`,
    });
  });

  it("puts extra registration tokens in the Secret key the manifest reads, comma-separated, and only when there are some", () => {
    const deployment = objects.find((o) => o.kind === "Deployment")!;
    const keys = deployment.spec.template.spec.containers[0].env.map((e: any) => e.valueFrom?.secretKeyRef?.key);
    const data = mockTokensSecretData({
      admin: "glpat-FAKE",
      registration: "GR1348941FAKEA",
      extraRegistration: ["GR1348941FAKEB", "fake-token"],
    });
    expect(data).toEqual({
      "admin-token": "glpat-FAKE",
      "registration-token": "GR1348941FAKEA",
      "extra-registration-tokens": "GR1348941FAKEB,fake-token",
    });
    expect(keys).toEqual(expect.arrayContaining(Object.keys(data)));
    expect(mockTokensSecretData({ admin: "a", registration: "r" })).toEqual({
      "admin-token": "a",
      "registration-token": "r",
    });
  });
});
