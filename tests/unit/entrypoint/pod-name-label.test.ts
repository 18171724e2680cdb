// files/entrypoint.sh with orphan cleanup on: the chart's config template labels job pods with a
// placeholder token the entrypoint replaces with the manager pod's name (FLEET_POD_NAME_PLACEHOLDER).
import { readFile } from "node:fs/promises";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { configMapOf, findObjects } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { base } from "../chart/values-cases.js";
import type { Sandbox } from "./harness.js";
import { useSandbox } from "./harness.js";

const sandbox = useSandbox();

type Config = { runners: { name: string; kubernetes: { pod_labels?: Record<string, string> } }[] };
type Container = { name: string; env?: { name: string; value?: string }[] };

/** Puts the chart's config template in the sandbox (cleanup on, extra pod labels); returns the manager's FLEET_POD_NAME_PLACEHOLDER. */
async function chartStart(
  sb: Sandbox,
  podLabels: (placeholder: string) => Record<string, string> = () => ({}),
): Promise<{ placeholder: string }> {
  const first = await renderTemplate({});
  const { template, placeholder } = await renderTemplate(podLabels(first.placeholder));
  expect(placeholder).toBe(first.placeholder);
  await sb.writeSecret("default/token", "glrt-FAKE0000000000000000000\n");
  await sb.writeTemplate(template.replace(/fleet-secret-file:[^"]+/g, `fleet-secret-file:${sb.tokenPath("default")}`));
  return { placeholder };
}

async function renderTemplate(podLabels: Record<string, string>): Promise<{ template: string; placeholder: string }> {
  const values = { ...base(), orphanCleanup: { enabled: true } };
  values.runners = [{ ...values.runners[0], kubernetes: { podLabels } }];
  const { objects } = await renderOnce(values, { releaseName: "fleet", namespace: "runners" });
  const template = configMapOf(objects).data!["config.template.toml"]!;
  const [statefulSet] = findObjects<{ spec: { template: { spec: { containers: Container[] } } } }>(
    objects,
    "StatefulSet",
  );
  const env = statefulSet!.spec.template.spec.containers.find((c) => c.name === "gitlab-runner")!.env!;
  return { template, placeholder: env.find((v) => v.name === "FLEET_POD_NAME_PLACEHOLDER")!.value! };
}

const start = { FLEET_VERIFY_TOKENS: "false", FAKE_RUN_EXIT: "0", FLEET_RUNNERS: "default:authentication" };

describe("job pod manager label", () => {
  it("is the pod's name in config.toml, while a value that merely contains the token is left alone", async () => {
    const sb = sandbox();
    const { placeholder } = await chartStart(sb, (token) => ({ team: "a", note: `${token}-not-this` }));
    const result = await sb.run({
      ...start,
      POD_NAME: "fleet-gitlab-runner-fleet-2",
      FLEET_POD_NAME_PLACEHOLDER: placeholder,
    });
    expect(result.code, result.stderr).toBe(0);
    const rendered = await readFile(sb.configFile, "utf8");
    const labels = (parse(rendered) as Config).runners[0]!.kubernetes.pod_labels;
    expect(labels).toEqual({
      "gitlab-runner-fleet/manager": "fleet-gitlab-runner-fleet-2",
      "gitlab-runner-fleet/release": "fleet",
      "gitlab-runner-fleet/release-namespace": "runners",
      note: `${placeholder}-not-this`,
      team: "a",
    });
    expect((parse(rendered) as { runners: { token: string }[] }).runners[0]!.token).toBe(
      "glrt-FAKE0000000000000000000",
    );
  });

  it("stays the token when cleanup is off (no FLEET_POD_NAME_PLACEHOLDER)", async () => {
    const sb = sandbox();
    const { placeholder } = await chartStart(sb);
    const result = await sb.run(start);
    expect(result.code, result.stderr).toBe(0);
    const labels = (parse(await readFile(sb.configFile, "utf8")) as Config).runners[0]!.kubernetes.pod_labels;
    expect(labels!["gitlab-runner-fleet/manager"]).toBe(placeholder);
  });

  it.each([
    ["too long for a label value", `m${"a".repeat(63)}`],
    ["not lowercase", "Fleet-0"],
  ])("exits 78 and writes no config.toml when the pod name is %s", async (_why, podName) => {
    const sb = sandbox();
    const { placeholder } = await chartStart(sb);
    const result = await sb.run({ ...start, POD_NAME: podName, FLEET_POD_NAME_PLACEHOLDER: placeholder });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(`pod name ${podName} cannot be a label value`);
    await expect(readFile(sb.configFile, "utf8")).rejects.toThrow();
    expect(await sb.invocations()).toEqual([]);
  });
});
