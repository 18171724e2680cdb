// The job pod expectation (values → fields) is what the kind tier compares live job pods with; here it is
// pinned against the scenarios' values, and the comparison is shown to catch each kind of difference.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { V1Pod } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Values } from "../../../src/generated/values.js";
import { chartRoot } from "../../../src/paths.js";
import {
  expectedJobPod,
  includesDeep,
  jobPodMismatches,
  quantityValue,
  type ExpectedJobPod,
} from "../../../src/testing/e2e/job-pod.js";
import { JOB_POD_SCENARIOS } from "../../../src/testing/e2e/scenarios.js";
import { validateValues } from "../../../src/values/validate.js";

const scenario = (name: string): Partial<Values> =>
  parse(readFileSync(join(chartRoot, "ci", `${name}-values.yaml`), "utf8")) as Partial<Values>;
const opts = { releaseNamespace: "fleet-e2e" };

/** The pod the runner would build for an expectation, as the API server returns it. */
function podFor(wanted: ExpectedJobPod): V1Pod {
  const expected = structuredClone(wanted);
  return {
    metadata: {
      name: "runner-abc-project-0-concurrent-0-xyz",
      namespace: expected.namespace,
      labels: { ...expected.labels, "job.runner.gitlab.com/pod": "runner-abc-project-0-concurrent-0" },
      annotations: { ...expected.annotations, "job.runner.gitlab.com/url": "http://mock/jobs/1" },
    },
    spec: {
      serviceAccountName: expected.serviceAccountName,
      automountServiceAccountToken: expected.automountServiceAccountToken,
      nodeSelector: expected.nodeSelector,
      tolerations: [
        ...expected.tolerations,
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      ],
      imagePullSecrets: expected.imagePullSecrets.map((name) => ({ name })),
      securityContext: { ...expected.podSecurityContext },
      terminationGracePeriodSeconds: expected.terminationGracePeriodSeconds,
      volumes: [{ name: "repo", emptyDir: {} }, ...expected.volumes.map((v) => ({ name: v.name, [v.source]: {} }))],
      containers: expected.containers.map((c) => ({
        name: c.name,
        image: c.image ?? "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v19.4.0",
        resources: { requests: c.requests, limits: c.limits },
        securityContext: {
          ...c.securityContext,
          privileged: c.privileged,
          allowPrivilegeEscalation: c.allowPrivilegeEscalation,
          capabilities: c.capabilities,
        },
        volumeMounts: [{ name: "repo", mountPath: "/builds" }, ...c.mounts],
      })),
    },
  };
}

describe("expectedJobPod", () => {
  it("gives the default scenario an unprivileged alpine pod in the release namespace that drops NET_RAW", () => {
    const pod = expectedJobPod(scenario("default"), "default", opts);
    expect(pod).toMatchObject({
      namespace: "fleet-e2e",
      serviceAccountName: "default",
      automountServiceAccountToken: false,
      nodeSelector: {},
      tolerations: [],
      imagePullSecrets: [],
      terminationGracePeriodSeconds: 30,
    });
    expect(pod.containers.map((c) => c.name)).toEqual(["build", "helper"]);
    expect(pod.containers[0]).toMatchObject({
      image: "alpine:3.22",
      privileged: false,
      allowPrivilegeEscalation: false,
      capabilities: { add: [], drop: ["NET_RAW"] },
      requests: {},
      limits: {},
    });
    expect(pod.labels).toEqual({ "manager.runner.gitlab.com/name": "default" });
  });

  it("makes only the dind pod privileged, with its node selector, tolerations and memory emptyDir", () => {
    const dind = expectedJobPod(scenario("dind-privileged"), "dind", opts);
    expect(dind.containers.every((c) => c.privileged && c.allowPrivilegeEscalation)).toBe(true);
    expect(dind.nodeSelector).toEqual({ "ci.example.com/pool": "privileged" });
    expect(dind.tolerations).toEqual([
      { key: "ci.example.com/privileged", operator: "Equal", value: "true", effect: "NoSchedule" },
      { key: "node.kubernetes.io/disk-pressure", operator: "Exists" },
    ]);
    expect(dind.volumes).toEqual([{ name: "docker-certs", source: "emptyDir" }]);
    expect(dind.containers[0]?.mounts).toEqual([{ name: "docker-certs", mountPath: "/certs/client", readOnly: false }]);
    for (const name of JOB_POD_SCENARIOS.filter((s) => s.scenario !== "dind-privileged").map((s) => s)) {
      const pod = expectedJobPod(name.values(), name.runner, opts);
      expect(
        pod.containers.some((c) => c.privileged),
        name.scenario,
      ).toBe(false);
    }
  });

  it("carries kaniko's labels, annotations, pull secret, build resources, capabilities and secret volume", () => {
    const pod = expectedJobPod(scenario("kaniko"), "kaniko", opts);
    expect(pod.labels).toMatchObject({ "ci.example.com/builder": "kaniko" });
    expect(pod.annotations).toEqual({ "cluster-autoscaler.kubernetes.io/safe-to-evict": "false" });
    expect(pod.imagePullSecrets).toEqual(["registry-credentials"]);
    expect(pod.podSecurityContext).toEqual({ runAsNonRoot: false, seccompProfile: { type: "RuntimeDefault" } });
    const [build, helper] = pod.containers;
    expect(build).toMatchObject({
      image: "gcr.io/kaniko-project/executor:v1.23.2-debug",
      requests: { cpu: "1", memory: "2Gi" },
      limits: { memory: "4Gi", "ephemeral-storage": "20Gi" },
      capabilities: { add: ["CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"], drop: ["ALL"] },
    });
    expect(helper).toMatchObject({ requests: {}, limits: {}, capabilities: { add: [], drop: ["NET_RAW"] } });
    expect(pod.volumes).toEqual([{ name: "registry-credentials", source: "secret" }]);
    expect(build?.mounts).toEqual([{ name: "registry-credentials", mountPath: "/kaniko/.docker", readOnly: true }]);
  });

  it("gives each multi-runner class its own build, helper and service resources", () => {
    const large = expectedJobPod(scenario("multi-runner"), "large", { ...opts, services: 1 });
    expect(large.containers.map((c) => [c.name, c.requests, c.limits])).toEqual([
      ["build", { cpu: "2", memory: "8Gi", "ephemeral-storage": "10Gi" }, { cpu: "4", memory: "8Gi" }],
      ["helper", { cpu: "100m", memory: "128Mi" }, {}],
      ["svc-0", { cpu: "500m", memory: "1Gi" }, {}],
    ]);
    expect(expectedJobPod(scenario("multi-runner"), "arm", opts).nodeSelector).toEqual({
      "kubernetes.io/arch": "arm64",
    });
  });

  it("puts job-namespace jobs in jobNamespace with their service account, and kubernetes.namespace wins over it", () => {
    expect(expectedJobPod(scenario("job-namespace"), "default", opts)).toMatchObject({
      namespace: "ci-jobs",
      serviceAccountName: "ci-job",
    });
    expect(expectedJobPod(scenario("job-namespace"), "other-namespace", opts)).toMatchObject({
      namespace: "ci-other",
      serviceAccountName: "default",
    });
  });

  it("maps the security scenario's pod and container contexts, helper limits and configMap volume", () => {
    const secured = JOB_POD_SCENARIOS.find((s) => s.scenario === "job-pod-security")!;
    const pod = expectedJobPod(secured.values(), "secured", { ...opts, services: 1 });
    expect(pod.podSecurityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: "RuntimeDefault" },
    });
    const [build, helper, service] = pod.containers;
    expect(build).toMatchObject({
      securityContext: { readOnlyRootFilesystem: false },
      capabilities: { add: [], drop: ["ALL"] },
    });
    expect(helper).toMatchObject({
      securityContext: { runAsUser: 1000 },
      requests: { cpu: "50m", memory: "64Mi" },
      limits: { cpu: "200m", memory: "128Mi" },
    });
    expect(service).toMatchObject({
      name: "svc-0",
      capabilities: { drop: ["NET_RAW"] },
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { memory: "256Mi" },
    });
    expect(pod.tolerations).toEqual([
      { key: "ci.example.com/dedicated", operator: "Equal", value: "ci", effect: "NoSchedule" },
    ]);
    expect(pod.volumes).toEqual([{ name: "ci-settings", source: "configMap" }]);
  });

  it.each(JOB_POD_SCENARIOS.map((s) => [s.scenario, s] as const))(
    "takes %s from values the chart accepts",
    (_, scenario) => {
      const result = validateValues(scenario.values());
      expect(result.errors).toEqual([]);
    },
  );

  it("refuses a runner entry that is not in the values", () => {
    expect(() => expectedJobPod(scenario("default"), "nope", opts)).toThrow("no runner entry named nope");
  });
});

describe("jobPodMismatches", () => {
  const expected = expectedJobPod(scenario("kaniko"), "kaniko", opts);

  it("accepts the pod the runner builds, with its own labels, volumes and the API server's default tolerations", () => {
    expect(jobPodMismatches(expected, podFor(expected))).toEqual([]);
  });

  it.each<[string, (pod: V1Pod) => void, RegExp]>([
    [
      "a privileged build container",
      (p) => void (p.spec!.containers[0]!.securityContext!.privileged = true),
      /container build privileged/,
    ],
    ["another namespace", (p) => void (p.metadata!.namespace = "default"), /^namespace/],
    ["a missing label", (p) => void delete p.metadata!.labels!["ci.example.com/builder"], /^labels/],
    [
      "a changed memory limit",
      (p) => void (p.spec!.containers[0]!.resources!.limits = { memory: "4G", "ephemeral-storage": "20Gi" }),
      /container build limits/,
    ],
    [
      "an extra request on the helper",
      (p) => void (p.spec!.containers[1]!.resources!.requests = { cpu: "100m" }),
      /container helper requests/,
    ],
    ["a lost pull secret", (p) => void (p.spec!.imagePullSecrets = []), /^imagePullSecrets/],
    ["an extra toleration", (p) => void p.spec!.tolerations!.push({ key: "x", operator: "Exists" }), /^tolerations/],
    ["a missing volume", (p) => void (p.spec!.volumes = []), /^volume registry-credentials/],
    [
      "a writable secret mount",
      (p) => void (p.spec!.containers[0]!.volumeMounts![1]!.readOnly = false),
      /container build mount registry-credentials/,
    ],
    [
      "NET_RAW kept on the helper",
      (p) => void (p.spec!.containers[1]!.securityContext!.capabilities = { drop: [] }),
      /container helper capabilities.drop/,
    ],
    [
      "a pod security context without seccomp",
      (p) => void (p.spec!.securityContext = { runAsNonRoot: false }),
      /^securityContext/,
    ],
    ["a service container nobody asked for", (p) => void p.spec!.containers.push({ name: "svc-0" }), /^containers/],
  ])("reports %s", (_, mutate, message) => {
    const pod = podFor(expected);
    mutate(pod);
    const problems = jobPodMismatches(expected, pod);
    expect(
      problems.some((p) => message.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });

  it("compares quantities by value, as the API server canonicalises them", () => {
    expect(quantityValue("0.5")).toBe(quantityValue("500m"));
    expect(quantityValue("1Gi")).toBe(1024 ** 3);
    expect(quantityValue("1G")).not.toBe(quantityValue("1Gi"));
    expect(() => quantityValue("lots")).toThrow("not a Kubernetes quantity");
  });

  it("treats object fields as a subset and lists as exact", () => {
    expect(includesDeep({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBe(true);
    expect(includesDeep({ a: [1, 2] }, { a: [1] })).toBe(false);
  });
});
