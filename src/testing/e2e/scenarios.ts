// The scenarios whose job pods the kind tier compares with expectedJobPod, and what each needs in the cluster
// before a job can be created (the runner checks that the service account and pull secrets exist).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { Values } from "../../generated/values.js";
import { chartRoot } from "../../paths.js";
import type { PodSecurityLevel } from "../cluster/namespaces.js";

export interface JobPodScenario {
  /** ci/<scenario>-values.yaml, or tests/e2e/values/<scenario>-values.yaml. */
  scenario: string;
  file: string;
  /** The runner entry whose job pod is compared. */
  runner: string;
  /** Service containers the job asks for (svc-N). */
  services: number;
  /** Pod Security level of the job namespace: privileged only where the scenario asks for privileged jobs. */
  jobNamespaceLevel: PodSecurityLevel;
  values(): Partial<Values>;
}

const fromFile = (
  scenario: string,
  dir: string,
  runner: string,
  services: number,
  level: PodSecurityLevel = "baseline",
): JobPodScenario => {
  const file = join(chartRoot, dir, `${scenario}-values.yaml`);
  return {
    scenario,
    file,
    runner,
    services,
    jobNamespaceLevel: level,
    values: () => parse(readFileSync(file, "utf8")) as Partial<Values>,
  };
};

/**
 * Six scenarios, each adding fields the others do not: defaults; kaniko (labels, annotations, pull secret, build
 * resources, capabilities, secret volume); dind (privileged, node selector, tolerations, memory emptyDir);
 * multi-runner "large" (build/helper/service resources); job-namespace (namespace, service account); the e2e
 * security scenario (pod and container security contexts, helper limits, configMap volume).
 */
export const JOB_POD_SCENARIOS: readonly JobPodScenario[] = [
  fromFile("default", "ci", "default", 0),
  fromFile("kaniko", "ci", "kaniko", 0),
  fromFile("dind-privileged", "ci", "dind", 1, "privileged"),
  fromFile("multi-runner", "ci", "large", 1),
  fromFile("job-namespace", "ci", "default", 0),
  fromFile("job-pod-security", join("tests", "e2e", "values"), "secured", 1),
];
