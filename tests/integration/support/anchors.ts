import { CoreV1Api, type KubeConfig, type V1Pod } from "@kubernetes/client-node";
import { statusOf } from "../../../src/testing/cluster/index.js";

/**
 * The manager pod of the official GitLab Runner chart (0.86.0, runner 18.9) as its defaults
 * render it, reduced to what Pod Security looks at: pod securityContext runAsUser 100 and
 * fsGroup 65533; container securityContext allowPrivilegeEscalation false, readOnlyRootFilesystem
 * false, runAsNonRoot true, privileged false, capabilities drop ALL; no seccompProfile anywhere
 * (the official chart's values.yaml defaults `securityContext` and `podSecurityContext`).
 * Written here from those defaults, not vendored.
 */
export function officialChartManagerPod(namespace: string): V1Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "official-chart-manager", namespace, labels: { app: "gitlab-runner" } },
    spec: {
      securityContext: { runAsUser: 100, fsGroup: 65533 },
      containers: [
        {
          name: "gitlab-runner",
          image: "registry.gitlab.com/gitlab-org/gitlab-runner:alpine-v18.9.0",
          command: ["/usr/bin/dumb-init", "--", "/bin/bash", "/configmaps/entrypoint"],
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: false,
            runAsNonRoot: true,
            privileged: false,
            capabilities: { drop: ["ALL"] },
          },
        },
      ],
    },
  };
}

/** The same pod with the one setting the official chart lacks for "restricted". */
export function withRuntimeDefaultSeccomp(pod: V1Pod): V1Pod {
  const copy = structuredClone(pod);
  copy.metadata = { ...copy.metadata, name: `${copy.metadata?.name}-seccomp` };
  copy.spec = {
    ...copy.spec!,
    securityContext: { ...copy.spec?.securityContext, seccompProfile: { type: "RuntimeDefault" } },
  };
  return copy;
}

/** The API server's answer to a dry-run create of `pod`: "admitted", or the refusal's status and body. */
export function dryRunAdmission(kc: KubeConfig, namespace: string, pod: V1Pod): Promise<string> {
  return kc
    .makeApiClient(CoreV1Api)
    .createNamespacedPod({ namespace, body: pod, dryRun: "All" })
    .then(
      () => "admitted",
      (error: unknown) => `${statusOf(error)} ${String((error as { body?: unknown }).body)}`,
    );
}
