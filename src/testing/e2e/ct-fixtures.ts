// What `ct install` needs in the cluster before it installs every ci/*-values.yaml scenario into one namespace
// (ct.yaml `namespace`): the objects each scenario references but does not create (the control-plane tier's
// scenario plan finds them from the render), the job namespaces, and the registration tokens the in-cluster mock
// must accept. Pure: the script that applies it is scripts/ct-fixtures.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { planScenario, type Fixture, type ScenarioPlan } from "../cluster/scenario-plan.js";
import { chartRoot } from "../../paths.js";
import type { PodSecurityLevel } from "../cluster/namespaces.js";

/** ct.yaml's namespace; the helm-extra-set-args gitlabUrl names the mock's Service in it. */
export const CT_NAMESPACE = "ct";

export interface CtFixtures {
  /** Objects to create once, deduplicated by kind/namespace/name. */
  objects: Fixture[];
  /** Job namespaces other than CT_NAMESPACE, with the strictest level any scenario allows there. */
  jobNamespaces: Map<string, PodSecurityLevel>;
  /** Registration tokens of every legacy entry, as values or as the fixture Secret's content. */
  registrationTokens: string[];
  /** Prometheus Operator kinds some scenario renders (their CRDs must exist). */
  monitoringKinds: string[];
}

type RunnerEntry = {
  name: string;
  token?: { kind?: string; value?: string; existingSecret?: { name: string; key?: string } };
};

/** A ci/ scenario: a manager install has a plan; a job-cluster install has no managers to plan, only namespaces. */
export type CtScenario =
  | { values: { runners?: RunnerEntry[] }; plan: ScenarioPlan }
  | { values: { jobCluster: { enabled: true; namespaces: string[] } }; plan?: undefined };

/** Every ci/*-values.yaml scenario as ct installs it (release "ct" in CT_NAMESPACE), planned from its render. */
export async function ctScenarios(kubeVersion: string): Promise<CtScenario[]> {
  const files = readdirSync(join(chartRoot, "ci"))
    .filter((f) => f.endsWith("-values.yaml"))
    .sort();
  return Promise.all(
    files.map(async (file): Promise<CtScenario> => {
      const values = parse(readFileSync(join(chartRoot, "ci", file), "utf8"));
      if (values.jobCluster?.enabled) return { values };
      return { values, plan: await planScenario(values, "ct", CT_NAMESPACE, kubeVersion) };
    }),
  );
}

/**
 * Fixtures of all scenarios. kind provisions volumes itself (its "standard" StorageClass), so the plan's
 * StorageClass and PersistentVolume stand-ins are left out; Secret keys that hold a certificate get `pem`, a real
 * PEM bundle (the runner parses tls-ca-file and the external cluster CA).
 */
export function ctFixtures(scenarios: CtScenario[], pem: string): CtFixtures {
  const objects = new Map<string, Fixture>();
  const jobNamespaces = new Map<string, PodSecurityLevel>();
  const registrationTokens = new Set<string>();
  const monitoringKinds = new Set<string>();
  for (const scenario of scenarios) {
    if (!scenario.plan) {
      // The job-cluster install's Roles need their namespaces; its jobs come from elsewhere, restricted is enough.
      for (const name of scenario.values.jobCluster.namespaces)
        if (!jobNamespaces.has(name)) jobNamespaces.set(name, "restricted");
      continue;
    }
    const { values, plan } = scenario;
    for (const fixture of plan.fixtures) {
      if (fixture.kind === "StorageClass" || fixture.kind === "PersistentVolume") continue;
      const copy = structuredClone(fixture);
      if (copy.kind === "Secret") {
        const data = copy.stringData as Record<string, string>;
        for (const key of Object.keys(data)) if (/\.(pem|crt)$/.test(key)) data[key] = pem;
      }
      objects.set(`${copy.kind}/${copy.metadata.namespace ?? ""}/${copy.metadata.name}`, copy);
    }
    for (const ns of plan.jobNamespaces) {
      const current = jobNamespaces.get(ns.name);
      jobNamespaces.set(ns.name, current === "privileged" || ns.level === "privileged" ? "privileged" : ns.level);
    }
    for (const kind of plan.monitoringKinds) monitoringKinds.add(kind);
    for (const runner of values.runners ?? []) {
      if (runner.token?.kind !== "registration") continue;
      if (runner.token.value) registrationTokens.add(runner.token.value);
      const ref = runner.token.existingSecret;
      if (ref) {
        const secret = objects.get(`Secret/${plan.namespace}/${ref.name}`);
        const value = (secret?.stringData as Record<string, string> | undefined)?.[ref.key ?? "token"];
        if (value === undefined) throw new Error(`no fixture content for registration Secret ${ref.name}`);
        registrationTokens.add(value);
      }
    }
  }
  return {
    objects: [...objects.values()],
    jobNamespaces,
    registrationTokens: [...registrationTokens],
    monitoringKinds: [...monitoringKinds],
  };
}
