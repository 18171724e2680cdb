import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";
import {
  createKindCluster,
  ctInstallArgs,
  ctLintArgs,
  helmUninstallArgs,
  helmUpgradeInstallArgs,
  kindCreateArgs,
  kindDeleteArgs,
  kindLoadArgs,
  kindPreflight,
  MissingToolError,
  requireTool,
  runStep,
  TOOLS,
  KIND_VERSION,
  dockerBuildArgs,
  mockGitLabImageBuild,
} from "../../../src/testing/kind/index.js";
import { helmBinary } from "../../../src/testing/helm-binary.js";

const scratch = mkdtempSync(join(tmpdir(), "kind-wrappers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A directory holding fake executables, for PATH-based lookups. */
function fakeBin(scripts: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, "bin-"));
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

const cluster = { name: "fleet-e2e", configPath: "/cfg/kind.yaml", kubeconfigPath: "/tmp/kc" };
const release = { name: "fleet", namespace: "runners", kubeconfigPath: "/nonexistent/kubeconfig" };

describe("kind arguments", () => {
  it("creates a cluster from the config file into its own kubeconfig and waits for the control plane", () => {
    expect(kindCreateArgs(cluster)).toEqual([
      "create",
      "cluster",
      "--name",
      "fleet-e2e",
      "--config",
      "/cfg/kind.yaml",
      "--kubeconfig",
      "/tmp/kc",
      "--wait",
      "180s",
    ]);
  });

  it("loads every image into the named cluster and refuses an empty list", () => {
    expect(kindLoadArgs(cluster, ["a:1", "b:2"])).toEqual([
      "load",
      "docker-image",
      "a:1",
      "b:2",
      "--name",
      "fleet-e2e",
    ]);
    expect(() => kindLoadArgs(cluster, [])).toThrow(/no images/);
  });

  it("deletes the named cluster with its kubeconfig", () => {
    expect(kindDeleteArgs(cluster)).toEqual(["delete", "cluster", "--name", "fleet-e2e", "--kubeconfig", "/tmp/kc"]);
  });
});

describe("docker arguments", () => {
  it("builds the mock GitLab from its Dockerfile with the repo root as context", () => {
    expect(dockerBuildArgs(mockGitLabImageBuild)).toEqual([
      "build",
      "--file",
      join(chartRoot, "deploy", "mock-gitlab", "Dockerfile"),
      "--tag",
      "gitlab-runner-fleet/mock-gitlab:dev",
      chartRoot,
    ]);
  });
});

describe("helm arguments", () => {
  it("upgrade --install passes values files in order, --wait and a timeout", () => {
    expect(
      helmUpgradeInstallArgs(release, { chart: ".", valuesFiles: ["a.yaml", "b.yaml"], timeoutSeconds: 90 }),
    ).toEqual([
      "upgrade",
      "--install",
      "fleet",
      ".",
      "--namespace",
      "runners",
      "--kubeconfig",
      "/nonexistent/kubeconfig",
      "--create-namespace",
      "--values",
      "a.yaml",
      "--values",
      "b.yaml",
      "--wait",
      "--timeout",
      "90s",
    ]);
  });

  it("spells the rollback flag for each helm major", () => {
    expect(helmUpgradeInstallArgs(release, { chart: ".", atomic: true }, 3)).toContain("--atomic");
    expect(helmUpgradeInstallArgs(release, { chart: ".", atomic: true }, 4)).toContain("--rollback-on-failure");
  });

  // The real helm parses the flags before it needs a cluster: reaching "cluster unreachable" proves every flag exists.
  it.each([3, 4] as const)("helm %i accepts every flag the wrappers build", async (major) => {
    const install = helmUpgradeInstallArgs(
      release,
      { chart: chartRoot, valuesFiles: [join(chartRoot, "ci", "default-values.yaml")], atomic: true },
      major,
    );
    for (const args of [install, helmUninstallArgs(release)]) {
      const res = await execa(helmBinary(major), args, { reject: false });
      expect(res.exitCode).not.toBe(0);
      expect(res.stderr).not.toMatch(/unknown (flag|command|shorthand)/);
      expect(res.stderr).toMatch(/cluster unreachable/i);
    }
  });
});

describe("chart-testing arguments", () => {
  it("lints and installs with the repo's ct.yaml", () => {
    expect(ctLintArgs()).toEqual(["lint", "--config", join(chartRoot, "ct.yaml")]);
    expect(ctInstallArgs()).toEqual(["install", "--config", join(chartRoot, "ct.yaml")]);
  });
});

describe("missing binaries", () => {
  it("names the tool, where it was looked for and how to install it, in one line", () => {
    const error = (() => {
      try {
        requireTool(TOOLS.kind, { PATH: fakeBin({}) });
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(MissingToolError);
    expect((error as Error).message).toBe(
      `kind not found (PATH or KIND_BIN): go install sigs.k8s.io/kind@${KIND_VERSION}`,
    );
  });

  it("treats a non-executable override as missing and finds an executable one", () => {
    const dir = fakeBin({ kind: "exit 0" });
    writeFileSync(join(dir, "plain"), "");
    expect(() => requireTool(TOOLS.kind, { KIND_BIN: join(dir, "plain") })).toThrow(MissingToolError);
    expect(requireTool(TOOLS.kind, { KIND_BIN: join(dir, "kind") })).toBe(join(dir, "kind"));
    expect(requireTool(TOOLS.kind, { PATH: `/nonexistent:${dir}` })).toBe(join(dir, "kind"));
  });

  it("fails a kind step before running anything when kind is missing", async () => {
    const lines: string[] = [];
    await expect(
      createKindCluster(cluster, { env: { PATH: fakeBin({}) }, write: (l) => lines.push(l) }),
    ).rejects.toThrow(/^kind not found \(PATH or KIND_BIN\): go install/);
    expect(lines).toEqual([]);
  });
});

describe("progress output", () => {
  it("prints a start line, heartbeats while the step runs and an end line with the duration", async () => {
    const lines: string[] = [];
    await runStep("slow step", "node", ["-e", "setTimeout(() => {}, 600)"], {
      write: (l) => lines.push(l),
      heartbeatSeconds: 0.15,
    });
    expect(lines[0]).toBe("▶ slow step");
    expect(lines.filter((l) => l.startsWith("… slow step: still running (")).length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/^✓ slow step \(\d+\.\d s\)$/);
  });

  it("throws with the step name, exit code and the tail of the tool's output", async () => {
    const lines: string[] = [];
    const step = runStep("broken step", "node", ["-e", "console.error('boom: no nodes'); process.exit(3)"], {
      write: (l) => lines.push(l),
    });
    await expect(step).rejects.toThrow(/^broken step failed \(exit 3\): boom: no nodes$/);
    expect(lines.at(-1)).toMatch(/^✗ broken step/);
  });
});

describe("kind preflight", () => {
  it("names both docker and kind when neither is installed", async () => {
    const result = await kindPreflight({ PATH: fakeBin({}) });
    expect(result.ready).toBe(false);
    if (result.ready) return;
    expect(result.reason).toBe(
      `docker is not installed (PATH or DOCKER_BIN): ${TOOLS.docker.install}; kind is not installed (PATH or KIND_BIN): ${TOOLS.kind.install}`,
    );
    expect(result.reason).not.toContain("\n");
  });

  it("names an unreachable engine and a missing kind together", async () => {
    const dir = fakeBin({ docker: 'echo "Cannot connect to the Docker daemon" >&2; exit 1' });
    const result = await kindPreflight({ PATH: dir });
    expect(result).toEqual({
      ready: false,
      reason: `the Docker engine is not reachable (\`docker info\` failed: Cannot connect to the Docker daemon); kind is not installed (PATH or KIND_BIN): ${TOOLS.kind.install}`,
    });
  });

  it("names an unreachable Docker engine when the client is there", async () => {
    const dir = fakeBin({
      docker:
        'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1',
      kind: "exit 0",
    });
    const result = await kindPreflight({ PATH: dir });
    expect(result).toEqual({
      ready: false,
      reason:
        "the Docker engine is not reachable (`docker info` failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?)",
    });
  });

  it("is ready when docker answers with a server version and kind is there", async () => {
    const dir = fakeBin({ docker: "echo 28.3.0", kind: "exit 0" });
    expect(await kindPreflight({ PATH: dir })).toEqual({
      ready: true,
      docker: join(dir, "docker"),
      kind: join(dir, "kind"),
    });
  });
});
