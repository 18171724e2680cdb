import type { Values } from "../generated/values.js";
import { defaultsOf } from "../schema/defaults.js";
import { loadSchema } from "../schema/load.js";
import { mergeValues } from "./merge.js";

/**
 * Mirrors templates/_validate_runner_fit.tpl and templates/_start_budget.tpl: combinations the
 * schema accepts but the pinned runner or Kubernetes would turn into failing jobs, a crash loop
 * or an open door. Same messages, same order.
 */
export function runnerFitProblems(values: Values): string[] {
  const problems: string[] = [];
  (values.runners ?? []).forEach((entry, index) => {
    const path = `runners[${index}]`;
    const runner = withRunnerDefaults(entry);
    const kubernetes = runner.kubernetes ?? {};
    const allowed = kubernetes.allowedPullPolicies ?? [];
    const pullPolicy = kubernetes.pullPolicy ?? [];
    if (
      runner.executor === "kubernetes" &&
      allowed.length > 0 &&
      !pullPolicy.some((policy) => allowed.includes(policy))
    ) {
      problems.push(
        `${path}.kubernetes.allowedPullPolicies: ${JSON.stringify(allowed)} contains none of kubernetes.pullPolicy ${JSON.stringify(pullPolicy)}, so the runner fails every job that sets no allowed pull_policy itself; add one of them`,
      );
    }
    if (runner.executor === "shell" && !values.allowShellExecutor) {
      problems.push(
        `${path}.executor: shell runs jobs inside the manager container, where they can read every runner token and the manager's Kubernetes credentials; set allowShellExecutor: true to accept that (tests and demos only)`,
      );
    }
  });
  (values.extraEnv ?? []).forEach((variable, index) => {
    if (PROXY_VARIABLES.includes(variable.name.toLowerCase())) {
      problems.push(
        `extraEnv[${index}].name: set ${variable.name} through proxy.httpProxy, proxy.httpsProxy and proxy.noProxy instead, which always keep the Kubernetes API server out of the proxy`,
      );
    }
  });
  const proxy = values.proxy?.httpProxy || values.proxy?.httpsProxy;
  if (proxy && values.networkPolicy?.enabled && !values.networkPolicy.proxyCIDRs?.length) {
    problems.push(
      "networkPolicy.proxyCIDRs: required when networkPolicy.enabled and a proxy is set (the egress policy would block the proxy)",
    );
  }
  const startup = values.probes?.startup;
  if (startup?.enabled && typeof startup.failureThreshold === "number") {
    const period = startup.periodSeconds ?? 10;
    const budget = startBudgetSeconds(values);
    const window = startup.failureThreshold * period;
    if (window < budget) {
      problems.push(
        `probes.startup.failureThreshold: ${startup.failureThreshold} × probes.startup.periodSeconds ${period} = ${window} s is shorter than the ${budget} s lifecycle.startAttempts ${values.lifecycle?.startAttempts} may take to verify or register every runner entry, so Kubernetes would restart pods that are still retrying; leave failureThreshold unset to derive it, or make it at least ${Math.ceil(budget / period)}`,
      );
    }
  }
  // a ServiceMonitor without metrics.enabled is reported on its own by semanticProblems
  const monitor =
    values.metrics?.podMonitor?.enabled ||
    (values.metrics?.serviceMonitor?.enabled && values.metrics.enabled !== false);
  if (monitor && values.networkPolicy?.restrictMetrics !== false && !values.networkPolicy?.metricsFrom?.length) {
    problems.push(
      "networkPolicy.metricsFrom: name the Prometheus that scrapes (for example a namespaceSelector) when a PodMonitor or ServiceMonitor is on; networkPolicy.restrictMetrics admits nobody else to the metrics port",
    );
  }
  if (values.uninstall?.enabled !== false && values.rbac?.create === false) {
    problems.push(
      "uninstall.enabled: needs rbac.create (the uninstall hook has its own Role); with RBAC managed outside the chart set uninstall.enabled: false and scale the StatefulSet to 0 before helm uninstall",
    );
  }
  if (values.orphanCleanup?.enabled) {
    if (values.rbac?.create === false) {
      problems.push(
        "orphanCleanup.enabled: needs rbac.create (the orphan cleanup has its own Roles); with RBAC managed outside the chart set orphanCleanup.enabled: false",
      );
    }
    const inCluster = (values.runners ?? []).some(
      (r) => (r.executor ?? "kubernetes") === "kubernetes" && !r.kubernetes?.externalCluster?.host,
    );
    if (!inCluster) {
      problems.push(
        "orphanCleanup.enabled: no runner entry runs job pods in this cluster (kubernetes executor without kubernetes.externalCluster), so there is nothing to clean up",
      );
    }
  }
  return problems;
}

const PROXY_VARIABLES = ["http_proxy", "https_proxy", "no_proxy", "all_proxy"];

/** The entrypoint's backoff (templates/_start_budget.tpl passes the same numbers to it). */
export const BACKOFF_BASE_SECONDS = 5;
export const BACKOFF_MAX_SECONDS = 300;
/** Allowance per verify/register attempt: the runner's connect timeout. */
const ATTEMPT_SECONDS = 30;
/** Time for the runner to open its HTTP server once the entrypoint is done. */
const RUNNER_START_SECONDS = 60;

/** Seconds the entrypoint may spend before the runner serves /metrics (see _start_budget.tpl). */
export function startBudgetSeconds(values: Values): number {
  const verify = values.lifecycle?.verifyToken !== false;
  const retried = (values.runners ?? []).filter((runner) => runner.token?.kind === "registration" || verify).length;
  const attempts = values.lifecycle?.startAttempts ?? 5;
  let backoff = 0;
  let delay = BACKOFF_BASE_SECONDS;
  for (let attempt = 1; attempt < attempts; attempt++) {
    backoff += delay;
    delay = Math.min(delay * 2, BACKOFF_MAX_SECONDS);
  }
  return retried * (backoff + attempts * ATTEMPT_SECONDS) + RUNNER_START_SECONDS;
}

type Runner = NonNullable<Values["runners"]>[number];
let runnerDefaults: unknown;

/** A runner entry with the schema's defaults filled in, as templates/_helpers.tpl does. */
function withRunnerDefaults(runner: Runner): Runner {
  if (runnerDefaults === undefined) {
    const schema = loadSchema();
    runnerDefaults = defaultsOf(schema, schema.definitions!.runner!);
  }
  return mergeValues(runnerDefaults, runner) as Runner;
}
