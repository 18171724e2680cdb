// Realistic objects of the kinds the chart renders, written the way `helm template` emits them
// (string quantities, int-or-string ports, maps with dotted/slashed keys). Each test clones one
// and breaks exactly one thing.

export type Manifest = Record<string, any>;

export const clone = <T>(value: T): T => structuredClone(value);

const labels = {
  "app.kubernetes.io/name": "gitlab-runner-fleet",
  "app.kubernetes.io/instance": "fleet",
  "helm.sh/chart": "gitlab-runner-fleet-0.1.0",
};
const selectorLabels = { "app.kubernetes.io/name": "gitlab-runner-fleet", "app.kubernetes.io/instance": "fleet" };
const meta = (name: string) => ({ name, namespace: "ci", labels: { ...labels } });

// A function, not a constant: containers must not share one object, or breaking one breaks all.
export const restrictedContainerSecurityContext = () => ({
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: 999,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
});

export const statefulSet: Manifest = {
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { ...meta("fleet-manager"), annotations: { "checksum/config": "abc123" } },
  spec: {
    serviceName: "fleet-manager",
    replicas: 2,
    podManagementPolicy: "Parallel",
    updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, partition: 0 } },
    persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
    selector: { matchLabels: { ...selectorLabels } },
    template: {
      metadata: {
        labels: { ...labels },
        annotations: { "checksum/secret": "def456", "kubectl.kubernetes.io/default-container": "manager" },
      },
      spec: {
        serviceAccountName: "fleet-manager",
        automountServiceAccountToken: true,
        terminationGracePeriodSeconds: 3600,
        priorityClassName: "",
        nodeSelector: { "kubernetes.io/os": "linux", "node.kubernetes.io/instance-type": "m5.large" },
        securityContext: {
          runAsNonRoot: true,
          runAsUser: 999,
          runAsGroup: 999,
          fsGroup: 999,
          fsGroupChangePolicy: "OnRootMismatch",
          seccompProfile: { type: "RuntimeDefault" },
          supplementalGroups: [1000],
        },
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: {
                  topologyKey: "kubernetes.io/hostname",
                  labelSelector: { matchLabels: { ...selectorLabels } },
                },
              },
            ],
          },
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: "kubernetes.io/arch", operator: "In", values: ["amd64", "arm64"] }] },
              ],
            },
          },
        },
        tolerations: [
          { key: "dedicated", operator: "Equal", value: "ci", effect: "NoSchedule" },
          { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        ],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: { matchLabels: { ...selectorLabels } },
            matchLabelKeys: ["controller-revision-hash"],
          },
        ],
        initContainers: [
          {
            name: "configure",
            image: "registry.gitlab.com/gitlab-org/gitlab-runner:v18.0.0",
            command: ["/bin/sh", "/configmaps/configure.sh"],
            securityContext: restrictedContainerSecurityContext(),
            resources: { limits: { cpu: "100m", memory: "64Mi" }, requests: { cpu: 0.05, memory: "32Mi" } },
            volumeMounts: [
              { name: "config", mountPath: "/configmaps", readOnly: true },
              { name: "runtime", mountPath: "/home/gitlab-runner/.gitlab-runner" },
            ],
          },
        ],
        containers: [
          {
            name: "manager",
            image: "registry.gitlab.com/gitlab-org/gitlab-runner:v18.0.0",
            imagePullPolicy: "IfNotPresent",
            command: ["/usr/bin/dumb-init", "--", "/bin/bash", "/configmaps/entrypoint"],
            args: ["run"],
            ports: [{ name: "metrics", containerPort: 9252, protocol: "TCP" }],
            env: [
              { name: "CI_SERVER_URL", value: "https://gitlab.example.com" },
              { name: "RUNNER_TOKEN", valueFrom: { secretKeyRef: { name: "fleet-token", key: "runner-token" } } },
              { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
              { name: "MEM_LIMIT", valueFrom: { resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } } },
            ],
            envFrom: [{ configMapRef: { name: "fleet-env", optional: true } }],
            resources: {
              limits: { cpu: "1", memory: "512Mi", "ephemeral-storage": "1Gi" },
              requests: { cpu: "250m", memory: "256Mi" },
            },
            securityContext: restrictedContainerSecurityContext(),
            livenessProbe: {
              exec: { command: ["/bin/bash", "/configmaps/check-live"] },
              initialDelaySeconds: 60,
              periodSeconds: 10,
              timeoutSeconds: 3,
              failureThreshold: 3,
            },
            readinessProbe: { httpGet: { path: "/metrics", port: "metrics", scheme: "HTTP" }, periodSeconds: 10 },
            startupProbe: { tcpSocket: { port: 9252 }, failureThreshold: 30, periodSeconds: 2 },
            lifecycle: { preStop: { exec: { command: ["/bin/sh", "-c", "gitlab-runner stop"] } } },
            volumeMounts: [
              { name: "runtime", mountPath: "/home/gitlab-runner/.gitlab-runner" },
              { name: "tmp", mountPath: "/tmp" },
              { name: "token", mountPath: "/secrets", readOnly: true },
              { name: "data", mountPath: "/data", subPath: "runner" },
            ],
          },
        ],
        volumes: [
          { name: "config", configMap: { name: "fleet-config", defaultMode: 0o555 } },
          { name: "runtime", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } },
          { name: "tmp", emptyDir: { sizeLimit: "1Gi" } },
          {
            name: "token",
            projected: {
              defaultMode: 0o400,
              sources: [
                { secret: { name: "fleet-token", items: [{ key: "runner-token", path: "runner-token" }] } },
                { serviceAccountToken: { path: "sa-token", expirationSeconds: 3600, audience: "gitlab" } },
                { downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } },
                { configMap: { name: "fleet-ca", optional: true } },
              ],
            },
          },
        ],
      },
    },
    volumeClaimTemplates: [
      {
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        metadata: { name: "data", labels: { ...selectorLabels } },
        spec: {
          accessModes: ["ReadWriteOnce"],
          storageClassName: "standard",
          resources: { requests: { storage: "10Gi" } },
        },
      },
    ],
  },
};

export const service: Manifest = {
  apiVersion: "v1",
  kind: "Service",
  metadata: meta("fleet-manager"),
  spec: {
    type: "ClusterIP",
    clusterIP: "None",
    selector: { ...selectorLabels },
    ports: [{ name: "metrics", port: 9252, targetPort: "metrics", protocol: "TCP" }],
  },
};

export const configMap: Manifest = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: meta("fleet-config"),
  data: { "config.toml": "concurrent = 4\n", entrypoint: "#!/bin/bash\nexec gitlab-runner run\n", "check-live": "" },
};

export const pod: Manifest = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: meta("fleet-test-connection"),
  spec: {
    restartPolicy: "Never",
    securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: "RuntimeDefault" } },
    containers: [
      {
        name: "check",
        image: "busybox:1.36",
        command: ["wget", "-qO-", "http://fleet-manager:9252/metrics"],
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        },
      },
    ],
  },
};

export const role: Manifest = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "Role",
  metadata: meta("fleet-manager"),
  rules: [
    {
      apiGroups: [""],
      resources: ["pods", "secrets", "configmaps"],
      verbs: ["get", "list", "watch", "create", "patch", "update", "delete"],
    },
    { apiGroups: [""], resources: ["pods/exec", "pods/attach"], verbs: ["create", "patch", "delete"] },
    { apiGroups: [""], resources: ["pods/log"], verbs: ["get", "list"] },
    { apiGroups: [""], resources: ["events"], verbs: ["list", "watch"] },
    { apiGroups: [""], resources: ["secrets"], resourceNames: ["fleet-token"], verbs: ["get", "update"] },
  ],
};

export const roleBinding: Manifest = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: meta("fleet-manager"),
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "fleet-manager" },
  subjects: [{ kind: "ServiceAccount", name: "fleet-manager", namespace: "ci" }],
};

export const clusterRole: Manifest = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: { name: "fleet-nodes", labels: { ...labels } },
  rules: [
    { apiGroups: [""], resources: ["nodes"], verbs: ["get", "list"] },
    { nonResourceURLs: ["/metrics"], verbs: ["get"] },
  ],
};

export const clusterRoleBinding: Manifest = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRoleBinding",
  metadata: { name: "fleet-nodes", labels: { ...labels } },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "fleet-nodes" },
  subjects: [{ kind: "ServiceAccount", name: "fleet-manager", namespace: "ci" }],
};
