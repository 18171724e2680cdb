import { describe, expect, it } from "vitest";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { configMapOf, configTomlOf, statefulSetOf, type KubeObject } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { parseRunnerToml, runnerConfigProblems } from "../../../src/values/runner-config-check.js";
import { base, jobDnsNone, withRunner } from "./values-cases.js";

// What the pinned runner (common/config.go, cache/cacheconfig/cacheconfig.go at the appVersion's
// commit) decodes from what the chart writes: key names, types, and keys left out on purpose so the
// runner's own defaults apply.

type Entry = Record<string, any>;
/** The first [[runners]] entry, after checking the whole file against the pinned runner's model. */
const entryOf = async (values: unknown): Promise<Entry> => {
  const { objects } = await renderOnce(values);
  const text = configMapOf(objects).data!["config.template.toml"]!;
  expect(runnerConfigProblems(parseRunnerToml(text))).toEqual([]);
  return (configTomlOf(objects).runners as Entry[])[0]!;
};
const managerOf = (objects: KubeObject[]) =>
  (statefulSetOf(objects) as IStatefulSet).spec!.template.spec!.containers[0]!;
const envOf = (objects: KubeObject[]) =>
  Object.fromEntries((managerOf(objects).env ?? []).map((variable) => [variable.name, variable.value]));

describe("job-pod security contexts", () => {
  it("writes the runner's own keys (selinux_type, proc_mount, app_armor_profile) and nothing it lacks", async () => {
    const entry = await entryOf(
      withRunner({
        kubernetes: {
          podSecurityContext: {
            fsGroup: 1000,
            supplementalGroups: [2000],
            selinuxType: "container_t",
            appArmorProfile: { type: "Localhost", localhostProfile: "ci-jobs" },
          },
          buildContainerSecurityContext: {
            procMount: "Unmasked",
            selinuxType: "container_t",
            seccompProfile: { type: "Localhost", localhostProfile: "profiles/ci.json" },
          },
        },
      }),
    );
    expect(entry.kubernetes.pod_security_context).toEqual({
      fs_group: 1000,
      supplemental_groups: [2000],
      selinux_type: "container_t",
      app_armor_profile: { type: "Localhost", localhost_profile: "ci-jobs" },
    });
    expect(entry.kubernetes.build_container_security_context).toEqual({
      proc_mount: "Unmasked",
      selinux_type: "container_t",
      seccomp_profile: { type: "Localhost", localhost_profile: "profiles/ci.json" },
    });
  });
});

describe("job-pod affinity", () => {
  it("writes every term kind in the runner's snake_case form, values as strings and weights as integers", async () => {
    const entry = await entryOf(
      withRunner({
        kubernetes: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: "cpus", operator: "Gt", values: ["4"] }] }],
              },
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 50,
                  preference: { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node-a"] }] },
                },
              ],
            },
            podAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                {
                  topologyKey: "zone",
                  labelSelector: { matchLabels: { "app.kubernetes.io/name": "db" } },
                  namespaceSelector: { matchExpressions: [{ key: "team", operator: "Exists" }] },
                  matchLabelKeys: ["pod-template-hash"],
                },
              ],
            },
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: { topologyKey: "kubernetes.io/hostname", mismatchLabelKeys: ["tenant"] },
                },
              ],
            },
          },
        },
      }),
    );
    expect(entry.kubernetes.affinity).toEqual({
      node_affinity: {
        required_during_scheduling_ignored_during_execution: {
          node_selector_terms: [{ match_expressions: [{ key: "cpus", operator: "Gt", values: ["4"] }] }],
        },
        preferred_during_scheduling_ignored_during_execution: [
          {
            weight: 50,
            preference: { match_fields: [{ key: "metadata.name", operator: "NotIn", values: ["node-a"] }] },
          },
        ],
      },
      pod_affinity: {
        required_during_scheduling_ignored_during_execution: [
          {
            topology_key: "zone",
            label_selector: { match_labels: { "app.kubernetes.io/name": "db" } },
            namespace_selector: { match_expressions: [{ key: "team", operator: "Exists" }] },
            match_label_keys: ["pod-template-hash"],
          },
        ],
      },
      pod_anti_affinity: {
        preferred_during_scheduling_ignored_during_execution: [
          {
            weight: 100,
            pod_affinity_term: { topology_key: "kubernetes.io/hostname", mismatch_label_keys: ["tenant"] },
          },
        ],
      },
    });
  });
});

describe("job-pod DNS", () => {
  it("writes dns_config with nameservers, searches and options for dnsPolicy none", async () => {
    const entry = await entryOf(withRunner({ kubernetes: jobDnsNone }));
    expect(entry.kubernetes.dns_policy).toBe("none");
    expect(entry.kubernetes.dns_config).toEqual({
      nameservers: ["10.0.0.10"],
      searches: ["ci.svc.cluster.local"],
      options: [{ name: "ndots", value: "2" }, { name: "edns0" }],
    });
  });

  it("writes no dns_config when none is given", async () => {
    const entry = await entryOf(base());
    expect(entry.kubernetes).not.toHaveProperty("dns_config");
  });
});

describe("S3 cache", () => {
  const s3 = (extra: Record<string, unknown>) =>
    withRunner({
      cache: {
        type: "s3",
        s3: { serverAddress: "minio.storage.svc:9000", bucketName: "cache", authenticationType: "iam", ...extra },
      },
    });

  it("leaves PathStyle and DualStack out when unset, so the runner picks path style for non-AWS endpoints", async () => {
    const entry = await entryOf(s3({}));
    expect(entry.cache.s3).not.toHaveProperty("PathStyle");
    expect(entry.cache.s3).not.toHaveProperty("DualStack");
  });

  it("writes PathStyle = false and DualStack = false when the user sets them", async () => {
    const entry = await entryOf(s3({ pathStyle: false, dualStack: false }));
    expect(entry.cache.s3.PathStyle).toBe(false);
    expect(entry.cache.s3.DualStack).toBe(false);
  });

  it("treats pathStyle: null as unset (the runner decides)", async () => {
    const entry = await entryOf(s3({ pathStyle: null }));
    expect(entry.cache.s3).not.toHaveProperty("PathStyle");
  });
});

describe("proxies", () => {
  it("sets no proxy variables by default", async () => {
    const { objects } = await renderOnce(base());
    expect(Object.keys(envOf(objects)).filter((name) => /proxy/i.test(name))).toEqual([]);
  });

  it("sets HTTP(S)_PROXY and NO_PROXY, upper and lower case, with the API server and cluster domains always exempt", async () => {
    const { objects } = await renderOnce({
      ...base(),
      proxy: {
        httpProxy: "http://proxy.example.com:3128",
        httpsProxy: "http://proxy.example.com:3129",
        noProxy: ["gitlab.internal"],
        clusterCIDRs: ["10.96.0.0/12", "10.244.0.0/16"],
      },
    });
    const env = envOf(objects);
    expect(env.HTTP_PROXY).toBe("http://proxy.example.com:3128");
    expect(env.http_proxy).toBe("http://proxy.example.com:3128");
    expect(env.HTTPS_PROXY).toBe("http://proxy.example.com:3129");
    expect(env.https_proxy).toBe("http://proxy.example.com:3129");
    const noProxy = env.NO_PROXY!.split(",");
    // client-go talks to https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT; the kubelet
    // expands $(KUBERNETES_SERVICE_HOST) from the service variables it always injects.
    expect(noProxy).toEqual(
      expect.arrayContaining([
        "$(KUBERNETES_SERVICE_HOST)",
        "kubernetes.default.svc",
        ".svc",
        ".cluster.local",
        "10.96.0.0/12",
        "10.244.0.0/16",
        "gitlab.internal",
        "localhost",
        "127.0.0.1",
      ]),
    );
    expect(env.no_proxy).toBe(env.NO_PROXY);
  });

  it("exempts the API server even when only httpsProxy is set", async () => {
    const { objects } = await renderOnce({ ...base(), proxy: { httpsProxy: "http://proxy.example.com:3128" } });
    const env = envOf(objects);
    expect(env).not.toHaveProperty("HTTP_PROXY");
    expect(env.NO_PROXY!.split(",")).toContain("$(KUBERNETES_SERVICE_HOST)");
  });
});

describe("probes", () => {
  const budget = (attempts: number, runners = 1) => {
    let backoff = 0;
    for (let attempt = 1; attempt < attempts; attempt++) backoff += Math.min(5 * 2 ** (attempt - 1), 300);
    return runners * (backoff + attempts * 30);
  };

  it.each([1, 5, 12, 100])(
    "derives a startup budget that covers %i start attempts (entrypoint backoff 5 s doubling to 300 s)",
    async (attempts) => {
      const { objects } = await renderOnce({ ...base(), lifecycle: { startAttempts: attempts } });
      const probe = managerOf(objects).startupProbe!;
      expect(probe.failureThreshold! * probe.periodSeconds!).toBeGreaterThanOrEqual(budget(attempts));
    },
  );

  it("counts every runner entry, since the entrypoint verifies them one after another", async () => {
    const values = {
      ...base(),
      runners: [base().runners[0], { name: "second", token: { value: "glrt-FAKE1111111111111111111" } }],
    };
    const { objects } = await renderOnce(values);
    const probe = managerOf(objects).startupProbe!;
    expect(probe.failureThreshold! * probe.periodSeconds!).toBeGreaterThanOrEqual(budget(5, 2));
  });

  it("asks /health/ready for readiness (the runner's boot checks) and /metrics for startup and liveness (never GitLab)", async () => {
    const { objects } = await renderOnce(base());
    const manager = managerOf(objects);
    expect(manager.readinessProbe?.httpGet?.path).toBe("/health/ready");
    expect(manager.livenessProbe?.httpGet?.path).toBe("/metrics");
    expect(manager.startupProbe?.httpGet?.path).toBe("/metrics");
  });
});

describe("camelCase values become the runner's snake_case keys", () => {
  it("names every copied [runners.kubernetes] key as the runner does, and the pinned runner model accepts them", async () => {
    const resources = {
      cpuRequest: "100m",
      cpuLimit: "1",
      memoryRequest: "1Gi",
      memoryLimit: "2Gi",
      ephemeralStorageRequest: "1Gi",
      ephemeralStorageLimit: "2Gi",
    };
    const entry = await entryOf(
      withRunner({
        kubernetes: {
          allowedPullPolicies: ["always", "if-not-present"],
          allowedImages: ["alpine:*"],
          allowedServices: ["postgres:*"],
          imagePullSecrets: ["regcred"],
          nodeSelector: { a: "b" },
          podLabels: { l: "v" },
          podAnnotations: { an: "v" },
          serviceAccount: "builder",
          helperImage: "registry.example.com/helper:x",
          dnsPolicy: "cluster-first",
          build: resources,
          helper: resources,
          service: resources,
          overwriteAllowed: {
            namespace: "ci-.*",
            serviceAccount: ".*",
            podLabels: ".*",
            podAnnotations: ".*",
            nodeSelector: ".*",
            nodeTolerations: ".*",
            cpuLimitMax: "2",
            cpuRequestMax: "1",
            memoryLimitMax: "4Gi",
            memoryRequestMax: "2Gi",
            ephemeralStorageLimitMax: "4Gi",
            ephemeralStorageRequestMax: "2Gi",
          },
          podSecurityContext: { runAsNonRoot: true },
          buildContainerSecurityContext: { readOnlyRootFilesystem: false },
          helperContainerSecurityContext: { readOnlyRootFilesystem: true },
          serviceContainerSecurityContext: { readOnlyRootFilesystem: true },
          volumes: {
            hostPath: [{ name: "h", mountPath: "/h", hostPath: "/var/h" }],
            pvc: [{ name: "p", mountPath: "/p" }],
            configMap: [{ name: "c", mountPath: "/c" }],
            secret: [{ name: "s", mountPath: "/s" }],
            emptyDir: [{ name: "e", mountPath: "/e" }],
            csi: [{ name: "x", mountPath: "/x", driver: "d.example.com" }],
          },
        },
      }),
    );
    const resourceKeys = (prefix: string) =>
      [
        "cpu_request",
        "cpu_limit",
        "memory_request",
        "memory_limit",
        "ephemeral_storage_request",
        "ephemeral_storage_limit",
      ].map((key) => prefix + key);
    expect(Object.keys(entry.kubernetes)).toEqual(
      expect.arrayContaining([
        "allowed_pull_policies",
        "allowed_images",
        "allowed_services",
        "image_pull_secrets",
        "node_selector",
        "pod_labels",
        "pod_annotations",
        "service_account",
        "helper_image",
        "dns_policy",
        ...resourceKeys(""),
        ...resourceKeys("helper_"),
        ...resourceKeys("service_"),
        "namespace_overwrite_allowed",
        "service_account_overwrite_allowed",
        "pod_labels_overwrite_allowed",
        "pod_annotations_overwrite_allowed",
        "node_selector_overwrite_allowed",
        "node_tolerations_overwrite_allowed",
        "cpu_limit_overwrite_max_allowed",
        "cpu_request_overwrite_max_allowed",
        "memory_limit_overwrite_max_allowed",
        "memory_request_overwrite_max_allowed",
        "ephemeral_storage_limit_overwrite_max_allowed",
        "ephemeral_storage_request_overwrite_max_allowed",
        "pod_security_context",
        "build_container_security_context",
        "helper_container_security_context",
        "service_container_security_context",
        "volumes",
      ]),
    );
    expect(Object.keys(entry.kubernetes.volumes).sort()).toEqual([
      "config_map",
      "csi",
      "empty_dir",
      "host_path",
      "pvc",
      "secret",
    ]);
  });
});
