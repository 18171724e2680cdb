// The chart's own checks (templates/_validate*.tpl) report every problem in one failure, in a fixed
// order: the runner-fit checks, then each entry's checks in entry order, then the configTemplate
// model checks, then the release-wide ones.
import { describe, expect, it } from "vitest";
import { renderChart, RenderError } from "../../../src/testing/render.js";

const values = {
  gitlabUrl: "https://gitlab.example.com",
  runners: [
    {
      name: "a",
      token: { value: "glrt-FAKE0000000000000001" },
      kubernetes: {
        privileged: true,
        allowPrivilegeEscalation: false,
        allowedPullPolicies: ["always"],
        externalCluster: { host: "https://k8s.example.com" },
      },
      cache: { type: "s3", s3: { bucketName: "b", authenticationType: "access-key" } },
      configTemplate: 'name = "x"\nlimit = "many"\n',
    },
    {
      name: "a",
      token: { value: "glrt-FAKE0000000000000002" },
      kubernetes: { externalCluster: { secretName: "s" } },
      cache: { type: "s3", s3: { bucketName: "b", authenticationType: "iam", credentialsSecret: { name: "c" } } },
      configTemplate: "not toml =",
    },
  ],
  metrics: { enabled: false, serviceMonitor: { enabled: true } },
  serviceAccount: { create: false, name: "" },
  rbac: { create: true },
};

describe("chart value checks", () => {
  it("report every problem in one failure, in topic order per entry", async () => {
    const error = await renderChart(values).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RenderError);
    const stderr = (error as RenderError).stderr;
    expect(stderr).toContain("gitlab-runner-fleet: 12 problem(s) in values:");
    const problems = stderr
      .split("\n")
      .filter((line) => line.startsWith("- "))
      .map((line) => line.slice(2).split(":")[0]);
    expect(problems).toEqual([
      "runners[0].kubernetes.allowedPullPolicies",
      "runners[0].kubernetes.allowPrivilegeEscalation",
      "runners[0].kubernetes.externalCluster.secretName",
      "runners[0].cache.s3.credentialsSecret",
      "runners[0].configTemplate",
      "runners[1].name",
      "runners[1].kubernetes.externalCluster.host",
      "runners[1].cache.s3.credentialsSecret",
      "runners[1].configTemplate",
      "runners[0].configTemplate",
      "metrics.serviceMonitor.enabled",
      "serviceAccount.name",
    ]);
  });
});
