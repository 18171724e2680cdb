import { describe, expect, it } from "vitest";
import { validateValues } from "../../../src/values/validate.js";
import { helmError as helmStderr } from "./helm-error.js";
import { loadRunnerConfigModel } from "../../../src/values/runner-config-model.js";
import { generatedCases, packedDocuments } from "./runner-config-cases.js";

/** The "- <problem>" lines of the chart's one values failure. */
const problemLines = (stderr: string) =>
  stderr
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => line.slice(2));

// One of every kind of problem the config model check reports.
const brokenTemplate = `
unhealthy_interval = "1 hour"
prepare_timeout = true
token_expires_at = "tomorrow"
limitt = 3
Output_Limit = 5
output_limit = 6
[kubernetes]
imagee = "x"
poll_timeout = "180"
pull_policy = ["always", 3]
privileged = 1
[kubernetes.node_selector]
"kubernetes.io/arch" = 4
[[kubernetes.volumes.empty_dir]]
name = "x"
mount_path = "/x"
sizee = "1Gi"
[[kubernetes.volumes.nfs]]
name = "n"
[[kubernetes.affinity.node_affinity.preferred_during_scheduling_ignored_during_execution]]
weight = 3000000000
[autoscaler]
instance_creation_time_buckets = [1, 2.5, "x"]
[autoscaler.plugin_config]
anything = { goes = [1, "two"] }
[cache]
MaxUploadedArchiveSize = 4.0
`;

const values = (runner: Record<string, unknown>) => ({
  gitlabUrl: "https://gitlab.example.com",
  runners: [{ name: "a", token: { value: "glrt-FAKE0000000000000000000" }, ...runner }],
});

describe("configTemplate checked against the runner's config model at render time", () => {
  it("gives the same problems, in the same words, on helm 3, helm 4 and in validateValues", async () => {
    const input = values({ configTemplate: brokenTemplate });
    const fromTs = validateValues(input).errors;
    // 17 model problems, plus token_expires_at being a key the chart manages (the entrypoint writes it).
    expect(fromTs).toHaveLength(18);
    expect(fromTs).toContain(
      'runners[0].configTemplate: "token_expires_at" is managed by the chart and cannot be set here (keys are relative to the [[runners]] entry)',
    );
    expect(fromTs).toContain(
      "runners[0].configTemplate: kubernetes.volumes.empty_dir[0].sizee: unknown key (gitlab-runner 19.4.0 has no such setting and would ignore it)",
    );
    expect(fromTs).toContain(
      "runners[0].configTemplate: cache.MaxUploadedArchiveSize: expected an integer, got a float",
    );
    for (const helm of [3, 4] as const) {
      expect(problemLines(await helmStderr(input, helm)), `helm ${helm}`).toEqual(fromTs);
    }
  });

  it("reports them together with the chart's other value problems, in one order", async () => {
    const input = {
      gitlabUrl: "https://gitlab.example.com",
      runners: [
        {
          name: "a",
          token: { value: "glrt-FAKE0" },
          kubernetes: { privileged: true },
          configTemplate: "[kubernetes]\nimagee = 'x'",
        },
        { name: "b", token: { value: "glrt-FAKE1" } },
        { name: "a", token: { value: "glrt-FAKE2" }, configTemplate: "limit = '3'" },
      ],
      metrics: { enabled: false, serviceMonitor: { enabled: true } },
    };
    const fromTs = validateValues(input).errors;
    expect(fromTs.map((error) => error.split(":")[0])).toEqual([
      "runners[0].kubernetes.allowPrivilegeEscalation",
      "runners[2].name",
      "runners[0].configTemplate",
      "runners[2].configTemplate",
      "metrics.serviceMonitor.enabled",
    ]);
    for (const helm of [3, 4] as const) {
      const stderr = await helmStderr(input, helm);
      expect(stderr).toContain("5 problem(s)");
      expect(problemLines(stderr), `helm ${helm}`).toEqual(fromTs);
    }
  });

  it("does not repeat a key the chart manages as an unknown key", async () => {
    const input = values({ configTemplate: "[[runners]]\nname = 'x'" });
    const errors = validateValues(input).errors;
    expect(errors).toEqual([
      'runners[0].configTemplate: "runners" is managed by the chart and cannot be set here (keys are relative to the [[runners]] entry)',
    ]);
    expect(problemLines(await helmStderr(input, 3))).toEqual(errors);
  });

  it("gives the same problems as validateValues for good and bad values of every key of the model", async () => {
    const documents = packedDocuments(generatedCases(loadRunnerConfigModel().entry));
    expect(documents.length).toBeLessThanOrEqual(50); // one render: the schema allows 50 runner entries
    const input = {
      gitlabUrl: "https://gitlab.example.com",
      runners: documents.map((toml, i) => ({ name: `r${i}`, token: { value: `glrt-FAKE${i}` }, configTemplate: toml })),
    };
    const fromTs = validateValues(input).errors;
    expect(fromTs.length).toBeGreaterThan(1000);
    for (const helm of [3, 4] as const) {
      expect(problemLines(await helmStderr(input, helm)), `helm ${helm}`).toEqual(fromTs);
    }
  }, 120_000);
});
