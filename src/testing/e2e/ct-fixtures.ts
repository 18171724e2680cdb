// What `ct install` needs in the cluster before it installs every ci/*-values.yaml scenario into one namespace
// (ct.yaml `namespace`): the objects each scenario references but does not create (the control-plane tier's
// scenario plan finds them from the render), the job namespaces, and the registration tokens the in-cluster mock
// must accept. Pure: the script that applies it is scripts/ct-fixtures.ts.
import type { Fixture, ScenarioPlan } from "../../../tests/integration/support/plan.js";
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

type RunnerEntry = { name: string; token?: { kind?: string; value?: string; existingSecret?: { name: string; key?: string } } };

/**
 * Fixtures of all scenarios. kind provisions volumes itself (its "standard" StorageClass), so the plan's
 * StorageClass and PersistentVolume stand-ins are left out; Secret keys that hold a certificate get `pem`, a real
 * PEM bundle (the runner parses tls-ca-file and the external cluster CA).
 */
export function ctFixtures(scenarios: { values: { runners?: RunnerEntry[] }; plan: ScenarioPlan }[], pem: string): CtFixtures {
  const objects = new Map<string, Fixture>();
  const jobNamespaces = new Map<string, PodSecurityLevel>();
  const registrationTokens = new Set<string>();
  const monitoringKinds = new Set<string>();
  for (const { values, plan } of scenarios) {
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
  return { objects: [...objects.values()], jobNamespaces, registrationTokens: [...registrationTokens], monitoringKinds: [...monitoringKinds] };
}
