import { describe, expect, it } from "vitest";
import { configTomlOf, findObjects, statefulSetOf } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { notesOf } from "./notes.js";
import { base } from "./values-cases.js";

// What turning orphan cleanup on and off changes in a render; the rule itself is tested in
// tests/unit/orphan-cleanup/ and on a real API server in tests/integration/orphan-cleanup.test.ts.

type Runner = { name: string; kubernetes: { pod_labels?: Record<string, string> } };

describe("orphanCleanup", () => {
  it("renders no cleanup object and no job pod label while off (the default)", async () => {
    const { objects } = await renderOnce(base());
    expect(findObjects(objects, "CronJob")).toEqual([]);
    expect(objects.filter((o) => o.metadata.name.includes("orphan-cleanup"))).toEqual([]);
    expect((configTomlOf(objects).runners as Runner[])[0]!.kubernetes.pod_labels).toBeUndefined();
    // nor the manager's name: the entrypoint then leaves config.toml as the chart wrote it
    const manager = statefulSetOf(objects).spec!.template.spec!.containers[0]!;
    expect(manager.env!.map((v) => v.name)).not.toContain("FLEET_POD_NAME_PLACEHOLDER");
  });

  it("labels only in-cluster entries' job pods, and the chart's labels win over podLabels", async () => {
    const values = {
      ...base(),
      runners: [
        {
          name: "local",
          token: { value: "glrt-FAKE0000000000000000000" },
          kubernetes: {
            podLabels: { "gitlab-runner-fleet/release": "spoof", "gitlab-runner-fleet/manager": "spoof", team: "a" },
          },
        },
        {
          name: "remote",
          token: { value: "glrt-FAKE1111111111111111111" },
          kubernetes: { externalCluster: { host: "https://10.0.0.1:6443", secretName: "remote" } },
        },
      ],
      orphanCleanup: { enabled: true },
    };
    const { objects } = await renderOnce(values, { releaseName: "fleet", namespace: "runners" });
    const [local, remote] = configTomlOf(objects).runners as Runner[];
    expect(local!.kubernetes.pod_labels).toEqual({
      "gitlab-runner-fleet/manager": "fleet-manager-pod-name",
      "gitlab-runner-fleet/release": "fleet",
      "gitlab-runner-fleet/release-namespace": "runners",
      team: "a",
    });
    expect(remote!.kubernetes.pod_labels).toBeUndefined();
  });

  it("keeps the CronJob's name within the 52 characters Kubernetes allows, whatever the release name", async () => {
    const { objects } = await renderOnce(
      { ...base(), orphanCleanup: { enabled: true } },
      { releaseName: "a-release-name-long-enough-to-need-truncation-53" },
    );
    const [cronJob] = findObjects(objects, "CronJob");
    expect(cronJob!.metadata.name.length).toBeLessThanOrEqual(52);
    expect(cronJob!.metadata.name).toMatch(/^a-release-name-.*-orphan-cleanup$/);
  });

  it("is one line in NOTES when on, saying whether it only lists (dry run) or deletes", async () => {
    const timeouts = { jobTimeoutSeconds: 3600, graceSeconds: 600 };
    expect(await notesOf(base())).not.toContain("Orphan cleanup");
    const dry = await notesOf({
      ...base(),
      orphanCleanup: { enabled: true, dryRun: true, schedule: "7 * * * *", ...timeouts },
    });
    expect(dry).toContain(
      "Orphan cleanup (7 * * * *): job pods older than 4200s whose manager pod is gone or restarted are only listed in the CronJob's log (orphanCleanup.dryRun).",
    );
    const real = await notesOf({ ...base(), orphanCleanup: { enabled: true, ...timeouts } });
    expect(real).toMatch(
      /Orphan cleanup \(.+\): job pods older than 4200s whose manager pod is gone or restarted are deleted\.$/m,
    );
  });
});
