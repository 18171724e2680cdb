// The binary the runner tier tests is the release the chart ships (Chart.yaml appVersion), so a green run says
// something about that release and not about whatever gitlab-runner happened to be on PATH.
import { execa } from "execa";
import { describe, expect, inject, it } from "vitest";
import { runnerAppVersion as appVersion } from "../../src/testing/kind/index.js";

const bin = inject("gitlabRunnerBin");

describe.skipIf(bin === null)("gitlab-runner binary", () => {
  it(`is version ${appVersion}, the chart's appVersion`, async () => {
    const { stdout } = await execa(bin ?? "gitlab-runner", ["--version"]);
    expect(/^Version:\s+(\S+)$/m.exec(stdout)?.[1]).toBe(appVersion);
  });
});
