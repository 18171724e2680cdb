import type { Values } from "../generated/values.js";
import { parseRunnerToml, runnerConfigProblems } from "./runner-config-check.js";
import { loadRunnerConfigModel } from "./runner-config-model.js";
import { runnerFitProblems } from "./runner-fit-checks.js";

/**
 * The checks a JSON schema cannot express, mirroring templates/_validate.tpl so TS users get
 * the same answer without helm. Takes values that already passed the schema.
 */
export function semanticProblems(values: Values): string[] {
  // job-cluster mode runs no managers: only its own checks and the ServiceAccount's apply
  if (values.jobCluster?.enabled) return [...serviceAccountProblems(values), ...jobClusterProblems(values)];
  const problems: string[] = [...runnerFitProblems(values)];
  const seen = new Map<string, number>();
  (values.runners ?? []).forEach((runner, index) => {
    const path = `runners[${index}]`;
    const earlier = seen.get(runner.name);
    if (earlier !== undefined) {
      problems.push(
        `${path}.name: "${runner.name}" is already used by runners[${earlier}]; runner names must be unique`,
      );
    } else {
      seen.set(runner.name, index);
    }
    const kubernetes = runner.kubernetes ?? {};
    if (kubernetes.privileged && !kubernetes.allowPrivilegeEscalation) {
      problems.push(
        `${path}.kubernetes.allowPrivilegeEscalation: must be true when kubernetes.privileged is true (Kubernetes rejects privileged containers without it)`,
      );
    }
    const external = kubernetes.externalCluster ?? {};
    if (external.host && !external.secretName) {
      problems.push(
        `${path}.kubernetes.externalCluster.secretName: required when externalCluster.host is set (CA and bearer token)`,
      );
    }
    if (external.secretName && !external.host) {
      problems.push(`${path}.kubernetes.externalCluster.host: required when externalCluster.secretName is set`);
    }
    const cache = runner.cache ?? {};
    if (cache.type === "s3") {
      const iam = cache.s3?.authenticationType === "iam";
      if (!iam && !cache.s3?.credentialsSecret) {
        problems.push(`${path}.cache.s3.credentialsSecret: required with authenticationType access-key (or use iam)`);
      }
      if (iam && cache.s3?.credentialsSecret) {
        problems.push(`${path}.cache.s3.credentialsSecret: not used with authenticationType iam; remove it`);
      }
    }
    if (runner.configTemplate) problems.push(...configTemplateProblems(path, runner.configTemplate));
  });
  problems.push(...configModelProblems(values));
  if (values.metrics?.serviceMonitor?.enabled && values.metrics.enabled === false) {
    problems.push(
      "metrics.serviceMonitor.enabled: needs metrics.enabled (the ServiceMonitor scrapes the metrics Service)",
    );
  }
  problems.push(...serviceAccountProblems(values), ...jobClusterProblems(values));
  return problems;
}

function serviceAccountProblems(values: Values): string[] {
  if (values.serviceAccount?.create === false && !values.serviceAccount.name && values.rbac?.create !== false) {
    return [
      "serviceAccount.name: required when serviceAccount.create is false and rbac.create is true (RBAC would be bound to the namespace's default ServiceAccount)",
    ];
  }
  return [];
}

/** Mirrors templates/_validate_job_cluster.tpl. */
function jobClusterProblems(values: Values): string[] {
  const jobCluster = values.jobCluster ?? {};
  if (!jobCluster.enabled) {
    return jobCluster.namespaces?.length || jobCluster.createTokenSecret === false
      ? [
          "jobCluster.enabled: jobCluster.namespaces and jobCluster.createTokenSecret are used only when jobCluster.enabled is true",
        ]
      : [];
  }
  const problems: string[] = [];
  if (!jobCluster.namespaces?.length) {
    problems.push(
      "jobCluster.namespaces: at least one namespace required when jobCluster.enabled is true (the Role and RoleBinding go there)",
    );
  }
  if (values.runners?.length) {
    problems.push(
      "runners: must be empty when jobCluster.enabled is true (job-cluster mode installs no managers; give the runner entries to the manager's own install)",
    );
  }
  if (values.rbac?.create === false) {
    problems.push(
      "rbac.create: must be true when jobCluster.enabled is true (the job Role and RoleBinding are what job-cluster mode installs)",
    );
  }
  return problems;
}

// id/token_obtained_at/token_expires_at: the entrypoint writes them with the token (rotation state).
const MANAGED_KEYS = ["name", "url", "token", "executor", "runners", "id", "token_obtained_at", "token_expires_at"];

function configTemplateProblems(path: string, template: string): string[] {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseRunnerToml(template);
  } catch (error) {
    return [`${path}.configTemplate: not valid TOML: ${(error as Error).message.split("\n")[0]}`];
  }
  return MANAGED_KEYS.filter((key) => key in parsed).map(
    (key) =>
      `${path}.configTemplate: "${key}" is managed by the chart and cannot be set here (keys are relative to the [[runners]] entry)`,
  );
}

/**
 * Every configTemplate decoded against the pinned runner's config model, after the other runner
 * checks as templates/_validate_config_template.tpl reports them. Invalid TOML and "runners" are
 * reported by configTemplateProblems.
 */
function configModelProblems(values: Values): string[] {
  return (values.runners ?? []).flatMap((runner, index) => {
    if (!runner.configTemplate) return [];
    let parsed: Record<string, unknown>;
    try {
      parsed = parseRunnerToml(runner.configTemplate);
    } catch {
      return [];
    }
    return runnerConfigProblems(parsed, { type: loadRunnerConfigModel().entry, skipKeys: ["runners"] }).map(
      (problem) => `runners[${index}].configTemplate: ${problem}`,
    );
  });
}
