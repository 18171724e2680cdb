import { describe, expect, it } from "vitest";
import { findObjects, type KubeObject } from "../../../src/testing/render.js";
import { checkRbac } from "../../../src/testing/kube/index.js";
import { renderOnce } from "../render-once.js";
import { notesOf } from "./notes.js";
import { base } from "./values-cases.js";

// helm uninstall deletes the Role, RoleBinding and ServiceAccount right after the StatefulSet,
// while the managers still drain (up to terminationGracePeriodSeconds) and need them to finish
// jobs and delete job pods. A pre-delete hook Job scales the StatefulSet to 0 and waits until
// the manager pods are gone, so helm deletes the rest only after the drain.

const FULLNAME = "fleet-gitlab-runner-fleet";
type Job = KubeObject & { spec: any };
const hookJobOf = (objects: KubeObject[]) =>
  (findObjects(objects, "Job") as Job[]).find((job) => job.metadata.annotations?.["helm.sh/hook"] === "pre-delete");

describe("uninstall hook", () => {
  it("is a pre-delete Job that scales the StatefulSet to 0, then waits for its pods to be deleted, bounded by the grace period", async () => {
    const { objects } = await renderOnce({ ...base(), terminationGracePeriodSeconds: 600 });
    const job = hookJobOf(objects);
    expect(job, "no pre-delete hook Job").toBeDefined();
    expect(job!.metadata.annotations?.["helm.sh/hook-delete-policy"]).toBe("before-hook-creation,hook-succeeded");
    const pod = job!.spec.template.spec;
    expect(pod.restartPolicy).toBe("Never");
    expect(pod.serviceAccountName).toBe(`${FULLNAME}-uninstall`);
    const [scale] = pod.initContainers;
    expect(scale.args).toEqual(["scale", `statefulset/${FULLNAME}`, "--replicas=0", "--namespace=ci"]);
    const [wait] = pod.containers;
    expect(wait.args).toEqual([
      "wait",
      "--for=delete",
      "pods",
      "--selector=app.kubernetes.io/instance=fleet,app.kubernetes.io/name=gitlab-runner-fleet",
      "--namespace=ci",
      "--timeout=630s",
    ]);
    // the Job never outlives the wait by much, so helm's --timeout can be sized from it
    expect(job!.spec.activeDeadlineSeconds).toBe(720);
    expect(job!.spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
  });

  it("runs with its own ServiceAccount and a Role limited to this StatefulSet and reading pods", async () => {
    const { objects } = await renderOnce(base());
    const role = findObjects(objects, "Role").find((obj) => obj.metadata.name === `${FULLNAME}-uninstall`) as any;
    expect(role.rules).toEqual([
      { apiGroups: ["apps"], resources: ["statefulsets"], resourceNames: [FULLNAME], verbs: ["get"] },
      { apiGroups: ["apps"], resources: ["statefulsets/scale"], resourceNames: [FULLNAME], verbs: ["patch"] },
      { apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] },
    ]);
    expect(checkRbac(role)).toEqual([]);
    const binding = findObjects(objects, "RoleBinding").find(
      (obj) => obj.metadata.name === `${FULLNAME}-uninstall`,
    ) as any;
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: `${FULLNAME}-uninstall`, namespace: "ci" }]);
    expect(binding.roleRef.name).toBe(`${FULLNAME}-uninstall`);
    // release objects, not hooks: helm removes them with the release, even after a failed hook
    for (const obj of [
      role,
      binding,
      findObjects(objects, "ServiceAccount").find((sa) => sa.metadata.name === `${FULLNAME}-uninstall`),
    ]) {
      expect(obj?.metadata.annotations?.["helm.sh/hook"]).toBeUndefined();
    }
  });

  it("is not rendered when uninstall.enabled is false", async () => {
    const { objects } = await renderOnce({ ...base(), uninstall: { enabled: false } });
    expect(hookJobOf(objects)).toBeUndefined();
    expect(objects.filter((obj) => obj.metadata.name.endsWith("-uninstall"))).toEqual([]);
  });

  it("uses the image from uninstall.image", async () => {
    const { objects } = await renderOnce({ ...base(), uninstall: { image: "registry.example.com/kubectl:v1.34.0" } });
    const pod = hookJobOf(objects)!.spec.template.spec;
    expect(pod.initContainers[0].image).toBe("registry.example.com/kubectl:v1.34.0");
    expect(pod.containers[0].image).toBe("registry.example.com/kubectl:v1.34.0");
  });

  it("is explained in NOTES with the helm --timeout it needs", async () => {
    const notes = await notesOf({ ...base(), terminationGracePeriodSeconds: 600 });
    expect(notes).toContain("helm uninstall fleet -n ci --timeout 780s");
  });
});

describe("NOTES", () => {
  it("warns when the shell executor is on", async () => {
    const notes = await notesOf({
      ...base(),
      allowShellExecutor: true,
      runners: [{ ...base().runners[0], executor: "shell" }],
    });
    expect(notes).toMatch(/WARNING: .*shell executor/);
    expect(await notesOf(base())).not.toContain("WARNING");
  });
});
