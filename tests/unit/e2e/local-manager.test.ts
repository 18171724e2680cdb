// The runner tier runs a rendered manager pod locally; here its layout is checked, and the chart's own
// entrypoint is run on it with the entrypoint tests' recording stand-in, so a path the layout got wrong fails here
// and not only where the real binary exists.
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { renderOnce } from "../render-once.js";
import { materializeManager } from "../../../src/testing/runner/local-manager.js";
import { standInPath } from "../entrypoint/harness.js";

const scratch = mkdtempSync(join(tmpdir(), "local-manager-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// The stand-in is kept without the executable bit in git; the entrypoint tests copy it the same way.
const fakeRunner = join(scratch, "gitlab-runner");
copyFileSync(standInPath, fakeRunner);
chmodSync(fakeRunner, 0o755);

const values = {
  gitlabUrl: "http://127.0.0.1:9",
  lifecycle: { startAttempts: 1 },
  runners: [
    { name: "default", token: { value: "glrt-FAKELOCAL000" } },
    { name: "legacy", token: { kind: "registration", value: "GR1348941FAKELOCAL" }, registration: { tags: ["k8s"] } },
    {
      name: "remote",
      token: { existingSecret: { name: "remote-token", key: "token" } },
      kubernetes: { externalCluster: { host: "https://127.0.0.1:6443", secretName: "remote-cluster" } },
    },
  ],
};

describe("materializeManager", () => {
  it("lays out scripts, token files and env under one directory, with no path of the pod left", async () => {
    const { objects } = await renderOnce(values, { releaseName: "fleet", namespace: "runners" });
    const dir = join(scratch, "layout");
    const manager = materializeManager(objects, {
      dir,
      podName: "fleet-gitlab-runner-fleet-0",
      namespace: "runners",
      runnerBin: fakeRunner,
      listenAddress: "127.0.0.1:0",
      externalSecrets: {
        "remote-token": { token: "glrt-FAKEREMOTE" },
        "remote-cluster": { "ca.crt": "PEM", token: "kube-token" },
      },
    });
    expect(manager.entrypoint.startsWith(dir)).toBe(true);
    expect(existsSync(manager.entrypoint)).toBe(true);
    const template = readFileSync(join(manager.env.FLEET_CONFIG_TEMPLATE ?? "", ""), "utf8");
    expect(template).not.toMatch(/\/var\/run\/secrets|\/opt\/gitlab-runner-fleet/);
    expect(template).toContain('listen_address = "127.0.0.1:0"');
    const words = (manager.env.FLEET_RUNNERS ?? "").split(" ");
    expect(words.map((w) => w.split(":").slice(0, 2).join(":"))).toEqual([
      "default:authentication",
      "legacy:registration",
      "remote:authentication",
    ]);
    const files = words.map((w) => w.split(":")[2] ?? "");
    expect(files.map((f) => readFileSync(f, "utf8"))).toEqual([
      "glrt-FAKELOCAL000",
      "GR1348941FAKELOCAL",
      "glrt-FAKEREMOTE",
    ]);
    const caFile = /ca_file = "([^"]+)"/.exec(template)?.[1] ?? "";
    expect(readFileSync(caFile, "utf8")).toBe("PEM");
    expect(manager.env).toMatchObject({
      POD_NAME: "fleet-gitlab-runner-fleet-0",
      POD_NAMESPACE: "runners",
      FLEET_RELEASE: "fleet",
      FLEET_RUNNER_BIN: fakeRunner,
    });
  });

  it("names a Secret it has no content for", async () => {
    const { objects } = await renderOnce(values, { releaseName: "fleet", namespace: "runners" });
    expect(() =>
      materializeManager(objects, {
        dir: join(scratch, "missing"),
        podName: "p-0",
        namespace: "runners",
        runnerBin: fakeRunner,
      }),
    ).toThrow(/Secret remote-token/);
  });

  it("is a layout the chart's entrypoint runs: it registers, writes config.toml with the tokens and starts the runner", async () => {
    const { objects } = await renderOnce(values, { releaseName: "fleet", namespace: "runners" });
    const ctl = join(scratch, "ctl");
    const manager = materializeManager(objects, {
      dir: join(scratch, "run"),
      podName: "fleet-gitlab-runner-fleet-0",
      namespace: "runners",
      runnerBin: fakeRunner,
      externalSecrets: {
        "remote-token": { token: "glrt-FAKEREMOTE" },
        "remote-cluster": { "ca.crt": "PEM", token: "kube-token" },
      },
    });
    await execa("mkdir", ["-p", ctl]);
    const result = await execa("bash", [manager.entrypoint], {
      env: { ...manager.env, PATH: process.env.PATH ?? "/usr/bin:/bin", FAKE_CTL_DIR: ctl, FAKE_RUN_EXIT: "0" },
      extendEnv: false,
      reject: false,
      timeout: 30_000,
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const config = readFileSync(manager.configFile, "utf8");
    expect(config).toContain('token = "glrt-FAKELOCAL000"');
    expect(config).toContain('token = "glrt-FAKEREMOTE"');
    expect(config).not.toContain("fleet-secret-file:");
    expect(readFileSync(join(manager.configDir, ".runner_system_id"), "utf8")).toMatch(/^s_[0-9a-f]{12}$/);
    expect(readFileSync(join(ctl, "calls.log"), "utf8")).toMatch(/^call\tregister\t/m);
  });
});
