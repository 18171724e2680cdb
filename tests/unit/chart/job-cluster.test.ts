import { describe, expect, it } from "vitest";
import { checkRbac } from "../../../src/testing/kube/index.js";
import { jobClusterPairing } from "../../../src/job-cluster.js";
import { findObjects, RENDER_DEFAULTS, type KubeObject } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { validateValues } from "../../../src/values/validate.js";
import { helmError } from "./helm-error.js";
import { notesOf } from "./notes.js";
import { base } from "./values-cases.js";

// Job-cluster mode: an install with no managers that prepares this cluster for a manager running
// elsewhere. The render/unit half; tests/integration/job-cluster.test.ts uses the token for real.

const jobCluster = (extra: Record<string, unknown> = {}) => ({
  jobCluster: { enabled: true, namespaces: ["ci-remote-a", "ci-remote-b"], ...extra },
});

/** Every manager-side feature switched on: none of it may render in job-cluster mode. */
const everythingOn = {
  ...jobCluster(),
  metrics: { enabled: true, serviceMonitor: { enabled: true }, podMonitor: { enabled: true } },
  podDisruptionBudget: { enabled: true },
  networkPolicy: { enabled: true, restrictMetrics: true },
  uninstall: { enabled: true },
  tests: { enabled: true },
  persistence: { enabled: true },
};

type Role = KubeObject & { rules: unknown[] };
type Binding = KubeObject & {
  subjects: { kind: string; name: string; namespace: string }[];
  roleRef: { name: string };
};
const jobRoles = (objects: KubeObject[]) =>
  findObjects<Role>(objects, "Role").filter((role) => role.metadata.name.endsWith("-jobs"));

describe("job-cluster mode", () => {
  it.each([3, 4] as const)(
    "renders only a ServiceAccount, its token Secret and the job Role and RoleBinding per namespace, on helm %i",
    async (helm) => {
      expect(validateValues(everythingOn).errors).toEqual([]);
      const { objects } = await renderOnce(everythingOn, { helm });
      expect(objects.map((obj) => `${obj.kind}/${obj.metadata.namespace}`).sort()).toEqual([
        "Role/ci-remote-a",
        "Role/ci-remote-b",
        "RoleBinding/ci-remote-a",
        "RoleBinding/ci-remote-b",
        "Secret/ci",
        "ServiceAccount/ci",
      ]);
      for (const kind of [
        "StatefulSet",
        "ConfigMap",
        "PodDisruptionBudget",
        "Service",
        "ServiceMonitor",
        "PodMonitor",
        "NetworkPolicy",
        "Job",
        "Pod",
      ]) {
        expect(findObjects(objects, kind), kind).toEqual([]);
      }
      const [secret] = findObjects<KubeObject & { type: string; data?: unknown }>(objects, "Secret");
      expect(secret?.type).toBe("kubernetes.io/service-account-token");
      expect(secret?.data).toBeUndefined();
    },
  );

  it("grants the same job Role rules as the in-cluster install, and no wildcard (checkRbac)", async () => {
    const [remote, local] = await Promise.all([renderOnce(jobCluster()), renderOnce(base())]);
    const [localRole] = jobRoles(local.objects);
    expect(localRole?.rules.length).toBeGreaterThan(0);
    for (const role of jobRoles(remote.objects)) expect(role.rules).toEqual(localRole?.rules);
    for (const obj of remote.objects) expect(checkRbac(obj), `${obj.kind}/${obj.metadata.name}`).toEqual([]);
  });

  it("adds rbac.extraRules to the job Role in job-cluster mode too", async () => {
    const extra = { apiGroups: [""], resources: ["persistentvolumeclaims"], verbs: ["create", "delete"] };
    const { objects } = await renderOnce({ ...jobCluster(), rbac: { extraRules: [extra] } });
    for (const role of jobRoles(objects)) expect(role.rules.at(-1)).toEqual(extra);
  });

  it("binds the chart's ServiceAccount in each job namespace, the one the token Secret belongs to", async () => {
    const { objects } = await renderOnce(jobCluster());
    const [sa] = findObjects(objects, "ServiceAccount");
    const secret = findObjects(objects, "Secret")[0];
    expect(secret?.metadata.annotations?.["kubernetes.io/service-account.name"]).toBe(sa?.metadata.name);
    for (const binding of findObjects<Binding>(objects, "RoleBinding")) {
      expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: sa?.metadata.name, namespace: "ci" }]);
    }
  });

  it("with createTokenSecret false renders no Secret (TokenRequest instead)", async () => {
    const { objects } = await renderOnce(jobCluster({ createTokenSecret: false }));
    expect(findObjects(objects, "Secret")).toEqual([]);
    expect(findObjects(objects, "RoleBinding")).toHaveLength(2);
  });

  it("with an existing ServiceAccount binds it and makes the token for it", async () => {
    const { objects } = await renderOnce({ ...jobCluster(), serviceAccount: { create: false, name: "remote-ci" } });
    expect(findObjects(objects, "ServiceAccount")).toEqual([]);
    expect(findObjects(objects, "Secret")[0]?.metadata.annotations?.["kubernetes.io/service-account.name"]).toBe(
      "remote-ci",
    );
    for (const binding of findObjects<Binding>(objects, "RoleBinding"))
      expect(binding.subjects[0]?.name).toBe("remote-ci");
  });

  it("leaves a default install's objects without any job-cluster object", async () => {
    const { objects } = await renderOnce(base());
    expect(objects.some((obj) => obj.kind === "StatefulSet")).toBe(true);
    expect(findObjects<KubeObject & { type?: string }>(objects, "Secret").map((s) => s.type)).toEqual(["Opaque"]);
  });

  it.each([
    [
      "runner entries, no namespaces, no RBAC",
      { ...base(), jobCluster: { enabled: true }, rbac: { create: false } },
      3,
    ],
    ["namespaces without the mode", { ...base(), jobCluster: { namespaces: ["ci-remote"] } }, 1],
  ])(
    "reports contradictory values (%s) with one message per problem, the same from helm 3, helm 4 and validateValues",
    async (_title, values, count) => {
      const ts = validateValues(values).errors;
      expect(ts).toHaveLength(count);
      for (const helm of [3, 4] as const) {
        const stderr = await helmError(values, helm);
        const listed = stderr
          .split("\n")
          .filter((line) => line.startsWith("- "))
          .map((line) => line.slice(2));
        expect(listed, `helm ${helm} said:\n${stderr}`).toEqual(ts);
      }
    },
  );

  it("needs neither gitlabUrl nor runners, and ignores the manager checks that no longer apply", () => {
    // a proxy with an egress policy and no proxyCIDRs is a manager problem; there is no manager
    const values = {
      ...jobCluster(),
      proxy: { httpProxy: "http://proxy.example.com:3128" },
      networkPolicy: { enabled: true },
    };
    expect(validateValues(values).errors).toEqual([]);
    expect(validateValues({ ...values, jobCluster: { enabled: false } }).errors).toEqual(
      expect.arrayContaining(["gitlabUrl: required"]),
    );
  });

  it("prints in NOTES the commands that read host, CA and token, and the manager-side values, never a token", async () => {
    const values = jobCluster();
    const [notes, pairing] = await Promise.all([
      notesOf(values, "remote"),
      jobClusterPairing(values, {
        releaseName: RENDER_DEFAULTS.releaseName,
        namespace: "remote",
        host: "https://203.0.113.1:6443",
      }),
    ]);
    expect(notes).toContain("kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'");
    // the same commands the TS pairing gives, so the two never drift apart
    for (const command of pairing.secret.commands) expect(notes).toContain(command);
    expect(notes).toContain(`secretName: ${pairing.externalCluster.secretName}`);
    expect(notes).toContain("namespace: ci-remote-a   # or ci-remote-b");
    expect(notes).toMatch(
      /host = "<URL from step 1>"\n\s+ca_file = .*\n\s+bearer_token = "<contents of the token file>"/,
    );
    expect(notes).not.toMatch(/eyJ[\w-]+\./); // no JWT
    // re-creating only the Secret signs the same token again (tests/integration/job-cluster.test.ts)
    expect(notes).toContain(
      "To rotate it, delete ServiceAccount fleet-gitlab-runner-fleet (its token Secret goes with it)",
    );
  });

  it("prints the TokenRequest command and its expiry in NOTES when createTokenSecret is false", async () => {
    const notes = await notesOf(jobCluster({ createTokenSecret: false }));
    expect(notes).toContain("kubectl -n ci create token fleet-gitlab-runner-fleet --duration 24h > token");
    expect(notes).toContain("this token expires");
    expect(notes).not.toContain("get secret");
  });
});
