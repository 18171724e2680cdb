// The manager side of job-cluster mode: from a job-cluster install's values, the Secret a manager
// installed elsewhere with this chart needs (CA and token) and its runners[].kubernetes.externalCluster
// values, so two installs of the chart pair up. Names come from the chart's own render (one source);
// templates/_job_cluster.tpl prints the same commands in NOTES.
import type { Values } from "./generated/values.js";
import type { KubeObject, RenderOptions } from "./testing/render.js";
import { mergeValues } from "./values/merge.js";
import { assertValidValues } from "./values/validate.js";

/** Keys of the manager-side Secret; the chart's externalCluster caKey and tokenKey defaults. */
export const PAIRING_SECRET_KEYS = { ca: "ca.crt", token: "token" } as const;

/** A runner entry's name is at most 40 characters (values.schema.json, runner.name). */
const RUNNER_NAME_MAX = 40;

export interface JobClusterPairingOptions {
  /** Release name and namespace of the job-cluster install (not the manager's). */
  releaseName: string;
  namespace: string;
  /** The API server URL as the manager reaches this cluster (https://…). */
  host: string;
}

export interface ExternalCluster {
  host: string;
  secretName: string;
  caKey: string;
  tokenKey: string;
}

export interface JobClusterPairing {
  /** The ServiceAccount the token belongs to, as namespace/name. */
  serviceAccount: { namespace: string; name: string };
  /** The Secret to create in the manager's namespace, and the commands that fill it (no secret value in them). */
  secret: {
    name: string;
    keys: typeof PAIRING_SECRET_KEYS;
    /** Whether the token is the long-lived Secret's (true) or a TokenRequest one to rotate (false). */
    longLived: boolean;
    /** Run against the job cluster (they write ca.crt and token), then against the manager's cluster. */
    commands: string[];
  };
  /** The block each manager-side runner entry whose jobs run there sets as kubernetes.externalCluster. */
  externalCluster: ExternalCluster;
  /** Manager-side values: one runner entry per job namespace, each still needing its own GitLab token. */
  values: { runners: { name: string; kubernetes: { namespace: string; externalCluster: ExternalCluster } }[] };
}

/**
 * The pairing from a job-cluster render (with jobCluster.createTokenSecret on, so the Secret's name
 * is in it). `longLived` says whether the install really keeps that Secret or uses TokenRequest.
 */
export function jobClusterPairingOf(
  objects: KubeObject[],
  options: JobClusterPairingOptions & { longLived: boolean },
): JobClusterPairing {
  if (!/^https:\/\/\S+$/.test(options.host))
    throw new Error(`host: ${JSON.stringify(options.host)} is not an https:// URL of the API server`);
  const tokenSecret = (objects as (KubeObject & { type?: string })[]).find(
    (o) => o.kind === "Secret" && o.type === "kubernetes.io/service-account-token",
  );
  const bindings = (
    objects as (KubeObject & { subjects?: { kind: string; name: string; namespace?: string }[] })[]
  ).filter((o) => o.kind === "RoleBinding");
  const subject = bindings[0]?.subjects?.find((s) => s.kind === "ServiceAccount");
  if (!tokenSecret || !subject)
    throw new Error("not a job-cluster render: no ServiceAccount token Secret or job RoleBinding in it");
  const namespaces = [...new Set(bindings.map((binding) => binding.metadata.namespace ?? ""))].sort();
  const ns = options.namespace;
  const name = tokenSecret.metadata.name;
  const externalCluster: ExternalCluster = {
    host: options.host,
    secretName: name,
    caKey: PAIRING_SECRET_KEYS.ca,
    tokenKey: PAIRING_SECRET_KEYS.token,
  };
  const token = options.longLived
    ? `kubectl -n ${ns} get secret ${name} -o jsonpath='{.data.token}' | base64 -d > ${PAIRING_SECRET_KEYS.token}`
    : `kubectl -n ${ns} create token ${subject.name} --duration 24h > ${PAIRING_SECRET_KEYS.token}`;
  return {
    serviceAccount: { namespace: subject.namespace ?? ns, name: subject.name },
    secret: {
      name,
      keys: PAIRING_SECRET_KEYS,
      longLived: options.longLived,
      commands: [
        `kubectl -n ${ns} get configmap kube-root-ca.crt -o jsonpath='{.data.ca\\.crt}' > ${PAIRING_SECRET_KEYS.ca}`,
        token,
        `kubectl -n <manager-namespace> create secret generic ${name} --from-file=${PAIRING_SECRET_KEYS.ca}=${PAIRING_SECRET_KEYS.ca} --from-file=${PAIRING_SECRET_KEYS.token}=${PAIRING_SECRET_KEYS.token}`,
      ],
    },
    externalCluster,
    values: {
      runners: namespaces.map((namespace) => ({
        name: namespace.slice(0, RUNNER_NAME_MAX).replace(/-+$/, ""),
        kubernetes: { namespace, externalCluster: { ...externalCluster } },
      })),
    },
  };
}

/**
 * Renders the job-cluster install's values (validated first: helm's and validateValues' problems
 * are thrown) and returns the manager side of the pairing.
 */
export async function jobClusterPairing(
  values: unknown,
  options: JobClusterPairingOptions & Pick<RenderOptions, "helm" | "chartDir">,
): Promise<JobClusterPairing> {
  const merged: Values = assertValidValues(values);
  if (!merged.jobCluster?.enabled)
    throw new Error("jobCluster.enabled: the pairing is made from the values of a job-cluster install");
  // Loaded on use: the values API itself starts no process (renderChart runs helm).
  const { renderChart } = await import("./testing/render.js");
  // The token Secret's name is the manager-side Secret's name too: render with it even when the
  // install uses TokenRequest instead, so the name still comes from the chart.
  const { objects } = await renderChart(mergeValues(values ?? {}, { jobCluster: { createTokenSecret: true } }), {
    releaseName: options.releaseName,
    namespace: options.namespace,
    ...(options.helm ? { helm: options.helm } : {}),
    ...(options.chartDir ? { chartDir: options.chartDir } : {}),
  });
  return jobClusterPairingOf(objects, { ...options, longLived: merged.jobCluster.createTokenSecret !== false });
}
