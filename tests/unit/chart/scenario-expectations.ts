import { expect } from "vitest";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { findObject, findObjects, statefulSetOf, configMapOf, type KubeObject } from "../../../src/testing/render.js";

type Config = Record<string, unknown>;
type Entry = Record<string, any>;

const SECRETS = "/var/run/secrets/gitlab-runner-fleet";
const runners = (config: Config) => config.runners as Entry[];
const runner = (config: Config, name: string): Entry => {
  const found = runners(config).find((entry) => entry.name === name);
  if (!found) throw new Error(`no [[runners]] entry ${name}`);
  return found;
};
const podSpec = (objects: KubeObject[]) => (statefulSetOf(objects) as IStatefulSet).spec!.template.spec!;
const projectedPaths = (objects: KubeObject[]) =>
  podSpec(objects)
    .volumes!.find((volume) => volume.name === "secrets")!
    .projected!.sources!.flatMap((source) =>
      (source.secret?.items ?? []).map((item) => `${source.secret!.name}:${item.key}->${item.path}`),
    );
const env = (objects: KubeObject[], name: string) =>
  podSpec(objects).containers[0]!.env!.find((variable) => variable.name === name)?.value;
/** The job-pod Roles (the uninstall hook has a Role of its own in the release namespace). */
const jobRoles = (objects: KubeObject[]) =>
  findObjects(objects, "Role").filter((role) => role.metadata.name.endsWith("-jobs"));
const roleNamespaces = (objects: KubeObject[]) =>
  jobRoles(objects)
    .map((role) => role.metadata.namespace)
    .sort();

/** What each ci/ scenario must produce beyond the checks every scenario gets. */
export const scenarioExpectations: Record<string, (config: Config, objects: KubeObject[]) => void> = {
  default(config, objects) {
    expect(config).toMatchObject({ concurrent: 10, check_interval: 3, log_format: "json", shutdown_timeout: 30 });
    expect(runner(config, "default")).toMatchObject({
      executor: "kubernetes",
      url: "https://gitlab.example.com",
      token: `fleet-secret-file:${SECRETS}/default/token`,
      kubernetes: { namespace: "ci", privileged: false, allow_privilege_escalation: false, image: "alpine:3.22" },
    });
    expect(projectedPaths(objects)).toEqual(["fleet-gitlab-runner-fleet-tokens:default->default/token"]);
    expect(env(objects, "FLEET_RUNNERS")).toBe(
      "default:authentication:/var/run/secrets/gitlab-runner-fleet/default/token",
    );
    expect(podSpec(objects).terminationGracePeriodSeconds).toBe(3600);
    expect(findObject(objects, "PodDisruptionBudget")).toBeDefined();
    // the `helm test` hook NOTES and README point users to
    const testPod = findObjects(objects, "Pod").find((pod) => pod.metadata.annotations?.["helm.sh/hook"] === "test");
    expect(testPod?.metadata.name).toBe("fleet-gitlab-runner-fleet-test-metrics");
  },
  "legacy-registration"(config, objects) {
    expect(runner(config, "legacy").token).toBe("fleet-registered:legacy");
    expect(env(objects, "FLEET_RUNNERS")).toBe("legacy:registration:/var/run/secrets/gitlab-runner-fleet/legacy/token");
    const registerEnv = configMapOf(objects).data?.["register-legacy.env"] ?? "";
    expect(registerEnv).toContain("RUNNER_TAG_LIST=k8s,linux\n");
    expect(registerEnv).toContain("REGISTER_LOCKED=false\n");
    expect(registerEnv).toContain("REGISTER_RUN_UNTAGGED=false\n");
    expect(registerEnv).toContain("REGISTER_ACCESS_LEVEL=ref_protected\n");
    expect(registerEnv).toContain("REGISTER_MAXIMUM_TIMEOUT=3600\n");
    expect(registerEnv).not.toContain("GR1348941");
  },
  "existing-secret"(config, objects) {
    expect(findObjects(objects, "Secret")).toEqual([]);
    expect(projectedPaths(objects)).toEqual(["my-runner-token:runner-token->default/token"]);
    expect(runner(config, "default").token).toBe(`fleet-secret-file:${SECRETS}/default/token`);
  },
  "multi-runner"(config, objects) {
    expect(config.concurrent).toBe(12);
    expect(runners(config).map((entry) => entry.name)).toEqual(["small", "large", "arm"]);
    expect(runner(config, "large")).toMatchObject({
      limit: 3,
      request_concurrency: 2,
      kubernetes: {
        cpu_request: "2",
        cpu_limit: "4",
        memory_limit: "8Gi",
        ephemeral_storage_request: "10Gi",
        helper_cpu_request: "100m",
        service_memory_request: "1Gi",
      },
    });
    expect(runner(config, "arm")).toMatchObject({
      environment: ["GOARCH=arm64"],
      feature_flags: { FF_USE_FASTZIP: true },
      kubernetes: { node_selector: { "kubernetes.io/arch": "arm64" } },
    });
    expect(Object.keys(findObject<{ data: Record<string, string> }>(objects, "Secret").data).sort()).toEqual([
      "large",
      "small",
    ]);
    expect(env(objects, "FLEET_RUNNERS")).toBe(
      ["small", "large", "arm"]
        .map((name) => `${name}:authentication:/var/run/secrets/gitlab-runner-fleet/${name}/token`)
        .join(" "),
    );
  },
  "dind-privileged"(config) {
    expect(runner(config, "dind").kubernetes).toMatchObject({
      privileged: true,
      allow_privilege_escalation: true,
      node_selector: { "ci.example.com/pool": "privileged" },
      node_tolerations: { "ci.example.com/privileged=true": "NoSchedule", "node.kubernetes.io/disk-pressure": "" },
      volumes: { empty_dir: [{ name: "docker-certs", mount_path: "/certs/client", medium: "Memory" }] },
    });
    expect(runner(config, "dind").environment).toEqual(["DOCKER_HOST=tcp://docker:2376", "DOCKER_TLS_CERTDIR=/certs"]);
  },
  kaniko(config) {
    expect(runner(config, "kaniko").kubernetes).toMatchObject({
      privileged: false,
      image_pull_secrets: ["registry-credentials"],
      pod_labels: { "ci.example.com/builder": "kaniko" },
      build_container_security_context: {
        capabilities: { drop: ["ALL"], add: ["CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID"] },
      },
      pod_security_context: { run_as_non_root: false, seccomp_profile: { type: "RuntimeDefault" } },
      volumes: {
        secret: [
          {
            name: "registry-credentials",
            mount_path: "/kaniko/.docker",
            read_only: true,
            items: { ".dockerconfigjson": "config.json" },
          },
        ],
      },
    });
  },
  "job-namespace"(config, objects) {
    expect(runner(config, "default").kubernetes).toMatchObject({
      namespace: "ci-jobs",
      service_account: "ci-job",
      poll_timeout: 900,
      namespace_overwrite_allowed: "^ci-jobs(-.*)?$",
      cpu_limit_overwrite_max_allowed: "4",
      affinity: {
        node_affinity: {
          required_during_scheduling_ignored_during_execution: {
            node_selector_terms: [
              { match_expressions: [{ key: "kubernetes.io/os", operator: "In", values: ["linux"] }] },
            ],
          },
        },
        pod_anti_affinity: {
          preferred_during_scheduling_ignored_during_execution: [
            {
              weight: 50,
              pod_affinity_term: {
                topology_key: "kubernetes.io/hostname",
                label_selector: { match_labels: { "app.kubernetes.io/name": "gitlab-runner-fleet" } },
              },
            },
          ],
        },
      },
    });
    expect(runner(config, "other-namespace").kubernetes.namespace).toBe("ci-other");
    expect(roleNamespaces(objects)).toEqual(["ci-jobs", "ci-other"]);
    for (const binding of findObjects<{ subjects: { namespace: string }[] }>(objects, "RoleBinding")) {
      expect(binding.subjects[0]?.namespace).toBe("ci");
    }
  },
  "external-cluster"(config, objects) {
    expect(runner(config, "remote").kubernetes).toMatchObject({
      host: "https://10.20.0.1:6443",
      namespace: "ci-remote",
      ca_file: `${SECRETS}/remote/cluster-ca.crt`,
      bearer_token: `fleet-secret-file:${SECRETS}/remote/cluster-token`,
    });
    expect(projectedPaths(objects)).toContain("remote-cluster:ca.crt->remote/cluster-ca.crt");
    expect(projectedPaths(objects)).toContain("remote-cluster:token->remote/cluster-token");
    expect(jobRoles(objects)).toEqual([]);
  },
  "cache-s3"(config, objects) {
    expect(runner(config, "s3-keys").cache).toMatchObject({
      Type: "s3",
      Shared: true,
      Path: "runners",
      s3: {
        ServerAddress: "minio.storage.svc:9000",
        BucketName: "runner-cache",
        Insecure: true,
        PathStyle: true,
        AccessKey: `fleet-secret-file:${SECRETS}/s3-keys/cache-s3-access-key`,
        SecretKey: `fleet-secret-file:${SECRETS}/s3-keys/cache-s3-secret-key`,
      },
    });
    const iam = runner(config, "s3-iam").cache;
    expect(iam.s3).toMatchObject({
      AuthenticationType: "iam",
      BucketLocation: "eu-west-1",
      ServerSideEncryption: "KMS",
      ServerSideEncryptionKeyID: "alias/runner-cache",
    });
    expect(iam.s3.AccessKey).toBeUndefined();
    expect(projectedPaths(objects)).toContain("minio-credentials:accesskey->s3-keys/cache-s3-access-key");
    expect(findObject(objects, "ServiceAccount").metadata.annotations).toEqual({
      "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/gitlab-runner-cache",
    });
  },
  "cache-gcs"(config, objects) {
    expect(runner(config, "gcs").cache).toMatchObject({
      Type: "gcs",
      gcs: { BucketName: "runner-cache", CredentialsFile: `${SECRETS}/gcs/cache-gcs-credentials.json` },
    });
    expect(projectedPaths(objects)).toContain("gcs-cache-key:key.json->gcs/cache-gcs-credentials.json");
  },
  "cache-azure"(config, objects) {
    expect(runner(config, "azure").cache).toMatchObject({
      Type: "azure",
      MaxUploadedArchiveSize: 1073741824,
      azure: {
        AccountName: "runnercache",
        ContainerName: "cache",
        StorageDomain: "blob.core.windows.net",
        AccountKey: `fleet-secret-file:${SECRETS}/azure/cache-azure-account-key`,
      },
    });
    expect(projectedPaths(objects)).toContain("azure-cache:account-key->azure/cache-azure-account-key");
  },
  "custom-ca"(config, objects) {
    for (const entry of runners(config)) expect(entry["tls-ca-file"]).toBe(`${SECRETS}/gitlab-ca.crt`);
    expect(runner(config, "default").url).toBe("https://gitlab.internal.example:8443/gitlab");
    expect(projectedPaths(objects)[0]).toBe("gitlab-ca:ca-bundle.pem->gitlab-ca.crt");
    expect(configMapOf(objects).data?.["register-legacy.env"]).toContain(
      `CI_SERVER_TLS_CA_FILE=${SECRETS}/gitlab-ca.crt`,
    );
  },
  metrics(_config, objects) {
    const podMonitor = findObject<{ spec: { podMetricsEndpoints: unknown[]; selector: unknown } }>(
      objects,
      "PodMonitor",
    );
    expect(podMonitor.spec.podMetricsEndpoints).toEqual([
      { port: "metrics", path: "/metrics", interval: "15s", scrapeTimeout: "10s" },
    ]);
    expect(findObject(objects, "PodMonitor").metadata.labels?.release).toBe("prometheus");
    const service = findObject<{ metadata: { labels: Record<string, string> } }>(
      objects,
      "Service",
      "fleet-gitlab-runner-fleet-metrics",
    );
    const serviceMonitor = findObject<{ spec: { selector: { matchLabels: Record<string, string> } } }>(
      objects,
      "ServiceMonitor",
    );
    for (const [key, value] of Object.entries(serviceMonitor.spec.selector.matchLabels))
      expect(service.metadata.labels[key]).toBe(value);
    expect((statefulSetOf(objects) as IStatefulSet).spec!.replicas).toBe(3);
  },
  persistence(config, objects) {
    const statefulSet = statefulSetOf(objects) as IStatefulSet;
    expect(statefulSet.spec!.volumeClaimTemplates?.[0]?.spec).toMatchObject({
      accessModes: ["ReadWriteOnce"],
      storageClassName: "standard",
      resources: { requests: { storage: "128Mi" } },
    });
    expect(podSpec(objects).volumes!.map((volume) => volume.name)).not.toContain("data");
    expect(env(objects, "FLEET_PERSISTENT")).toBe("true");
    expect(runner(config, "legacy").token).toBe("fleet-registered:legacy");
  },
  openshift(_config, objects) {
    const securityContext = podSpec(objects).securityContext!;
    expect(securityContext.runAsUser).toBeUndefined();
    expect(securityContext.fsGroup).toBeUndefined();
    expect(securityContext.runAsNonRoot).toBe(true);
    expect(podSpec(objects).containers[0]!.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(env(objects, "HOME")).toBe("/tmp");
    // the restricted-v2 SCC rejects fixed UIDs outside the namespace's range: the helm test pod
    // and the uninstall hook leave the UID to it as well
    const auxiliary = [...findObjects(objects, "Pod"), ...findObjects(objects, "Job")] as any[];
    expect(auxiliary.length).toBe(2);
    for (const obj of auxiliary) {
      const spec = obj.kind === "Job" ? obj.spec.template.spec : obj.spec;
      expect(spec.securityContext, `${obj.kind}/${obj.metadata.name}`).toEqual({
        runAsNonRoot: true,
        seccompProfile: { type: "RuntimeDefault" },
      });
    }
  },
  hardened(config, objects) {
    expect(runner(config, "default").kubernetes).toMatchObject({
      helper_image_flavor: "ubuntu",
      cleanup_grace_period_seconds: 15,
    });
    const egress = findObject<{ spec: { egress: { to?: unknown[] }[] } }>(
      objects,
      "NetworkPolicy",
      "fleet-gitlab-runner-fleet",
    );
    expect(egress.spec.egress[1]?.to).toEqual([{ ipBlock: { cidr: "203.0.113.10/32" } }]);
    expect(egress.spec.egress[2]?.to).toEqual([{ ipBlock: { cidr: "203.0.113.20/32" } }]);
    const ingress = findObject<{ spec: { ingress: { from?: unknown[] }[] } }>(
      objects,
      "NetworkPolicy",
      "fleet-gitlab-runner-fleet-metrics",
    );
    expect(ingress.spec.ingress[0]?.from).toEqual([
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } },
      {
        podSelector: {
          matchLabels: {
            "app.kubernetes.io/part-of": "gitlab-runner-fleet",
            "app.kubernetes.io/instance": "fleet",
            "app.kubernetes.io/component": "test",
          },
        },
      },
    ]);
    expect(env(objects, "HTTPS_PROXY")).toBe("http://proxy.example.com:3128");
    expect(podSpec(objects).topologySpreadConstraints?.[0]?.labelSelector).toEqual({
      matchLabels: { "app.kubernetes.io/name": "gitlab-runner-fleet", "app.kubernetes.io/instance": "fleet" },
    });
    expect(env(objects, "FLEET_UNREGISTER_MANAGER_ON_STOP")).toBe("true");
    expect(podSpec(objects).priorityClassName).toBe("ci-critical");
  },
  "job-cluster"(_config, objects) {
    // exactly the remote manager's identity, its token and the job RBAC: nothing of a manager
    expect(objects.map((obj) => `${obj.kind}/${obj.metadata.namespace}/${obj.metadata.name}`)).toEqual([
      "ServiceAccount/ci/fleet-gitlab-runner-fleet",
      "Secret/ci/fleet-gitlab-runner-fleet-job-cluster-token",
      "Role/ci-remote-jobs/fleet-gitlab-runner-fleet-jobs",
      "RoleBinding/ci-remote-jobs/fleet-gitlab-runner-fleet-jobs",
    ]);
    const secret = findObject<KubeObject & { type: string }>(objects, "Secret");
    expect(secret.type).toBe("kubernetes.io/service-account-token");
    expect(secret.metadata.annotations?.["kubernetes.io/service-account.name"]).toBe("fleet-gitlab-runner-fleet");
    expect(roleNamespaces(objects)).toEqual(["ci-remote-jobs"]);
  },
  "orphan-cleanup"(config, objects) {
    // the chart's release labels and the manager's name (a token the entrypoint fills in, from the
    // manager's own environment) reach every in-cluster entry's job pods, next to the user's own
    const chartLabels = {
      "gitlab-runner-fleet/manager": env(objects, "FLEET_POD_NAME_PLACEHOLDER"),
      "gitlab-runner-fleet/release": "fleet",
      "gitlab-runner-fleet/release-namespace": "ci",
    };
    expect(chartLabels["gitlab-runner-fleet/manager"]).toMatch(/^[a-z0-9-]+$/);
    expect(runner(config, "default").kubernetes.pod_labels).toEqual({ ...chartLabels, team: "ci" });
    expect(runner(config, "long-jobs").kubernetes.pod_labels).toEqual(chartLabels);
    const cronJob = findObject<any>(objects, "CronJob", "fleet-gitlab-runner-fleet-orphan-cleanup");
    expect(cronJob.spec).toMatchObject({ schedule: "7 * * * *", concurrencyPolicy: "Forbid" });
    const cronEnv = Object.fromEntries(
      cronJob.spec.jobTemplate.spec.template.spec.containers[0].env.map((v: any) => [v.name, v.value]),
    );
    // the longest timeout is long-jobs' registration.maximumTimeout (10800 > 3600), plus 900 s grace
    expect(cronEnv).toMatchObject({
      JOB_NAMESPACES: "ci ci-long",
      MIN_AGE_SECONDS: "11700",
      DRY_RUN: "true",
      MANAGER_LABEL: "gitlab-runner-fleet/manager",
    });
    expect(configMapOf(objects).data?.["orphan-cleanup.sh"]).toMatch(/^#!\/bin\/sh\n/);
    const roles = findObjects(objects, "Role").filter((role) =>
      role.metadata.name.startsWith("fleet-gitlab-runner-fleet-orphan-cleanup"),
    );
    expect(roles.map((role: any) => [role.metadata.namespace, role.rules])).toEqual([
      ["ci", [{ apiGroups: [""], resources: ["pods"], verbs: ["list"] }]],
      [
        "ci",
        [
          { apiGroups: [""], resources: ["pods"], verbs: ["list", "delete"] },
          { apiGroups: [""], resources: ["configmaps"], verbs: ["delete"] },
        ],
      ],
      [
        "ci-long",
        [
          { apiGroups: [""], resources: ["pods"], verbs: ["list", "delete"] },
          { apiGroups: [""], resources: ["configmaps"], verbs: ["delete"] },
        ],
      ],
    ]);
  },
};
