import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";

// The decision rule of files/orphan-cleanup.sh at its edges (age exactly the bound, a manager
// started in the job pod's second, dates around a leap day), with kubectl replaced by a stub that
// answers the two listings and records deletions. The real API server, RBAC and label selectors
// are tested in tests/integration/orphan-cleanup.test.ts.

const SCRIPT = join(chartRoot, "files", "orphan-cleanup.sh");
const BOUND = 100;

const STUB = `#!/bin/sh
case "$*" in
  delete*) echo "$*" >>"$STUB_LOG" ;;
  *manager.runner.gitlab.com/name*) printf '%s' "$STUB_PODS" ;;
  *) [ -z "$STUB_FAIL" ] || exit 1; printf '%s' "$STUB_MANAGERS" ;;
esac
`;

const iso = (epoch: number) => new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

interface Run {
  exitCode: number;
  output: string;
  deleted: string[];
}

describe("files/orphan-cleanup.sh", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "fleet-orphan-rule-"));
    await writeFile(join(dir, "kubectl"), STUB, { mode: 0o755 });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the script at `now` with manager start times and job pods as [name, created, job id]. */
  const run = async (now: number, managers: number[], pods: [string, number, string][], extra: Record<string, string> = {}): Promise<Run> => {
    const log = join(dir, `deleted-${Math.random().toString(36).slice(2)}`);
    await writeFile(log, "");
    const result = await execa("/bin/sh", [SCRIPT], {
      extendEnv: false,
      reject: false,
      all: true,
      env: {
        PATH: process.env.PATH,
        KUBECTL: join(dir, "kubectl"),
        JOB_NAMESPACES: "jobs",
        RELEASE_NAMESPACE: "runners",
        MANAGER_SELECTOR: "app.kubernetes.io/instance=fleet",
        MANAGER_CONTAINER: "gitlab-runner",
        JOB_POD_SELECTOR: "gitlab-runner-fleet/release=fleet",
        MIN_AGE_SECONDS: String(BOUND),
        DRY_RUN: "false",
        FLEET_CLEANUP_NOW: String(now),
        STUB_LOG: log,
        STUB_MANAGERS: managers.map((t) => `${iso(t)}\n`).join(""),
        STUB_PODS: pods.map(([name, created, id]) => `${name} ${iso(created)} ${id}\n`).join(""),
        ...extra,
      },
    });
    const deleted = (await readFile(log, "utf8")).split("\n").filter(Boolean).map((line) => line.split(" ").slice(1, 3).join("/"));
    return { exitCode: result.exitCode ?? -1, output: result.all ?? "", deleted };
  };

  // 2028-03-01T00:00:40Z: the bound reaches back across a leap day into February
  const now = Date.UTC(2028, 2, 1, 0, 0, 40) / 1000;

  it("keeps a pod exactly as old as the bound and deletes one a second older", async () => {
    const result = await run(now, [], [["at-bound", now - BOUND, "1"], ["past-bound", now - BOUND - 1, "2"]]);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.deleted).toEqual(["configmap/gl-runner-overlay-2", "pod/past-bound"]);
    expect(result.output).toContain("kept pod jobs/at-bound: 100s old, not older than 100s");
  });

  it("keeps old pods while a manager has been running since their creation second, deletes them once every manager started later", async () => {
    const created = now - 3 * BOUND;
    const pods: [string, number, string][] = [["job", created, "7"]];
    const kept = await run(now, [created + 50, created], pods);
    expect(kept.deleted).toEqual([]);
    expect(kept.output).toContain("kept pod jobs/job: a manager has been running since before it was created");
    const orphaned = await run(now, [created + 50, created + 1], pods);
    expect(orphaned.deleted).toEqual(["configmap/gl-runner-overlay-7", "pod/job"]);
  });

  it("deletes old pods when no manager is running, and only names them in a dry run", async () => {
    const pods: [string, number, string][] = [["job", now - 86_400 * 400, "not-a-number"]];
    const real = await run(now, [], pods);
    expect(real.deleted).toEqual(["pod/job"]);
    expect(real.output).toContain("no manager of this release is running");
    const dry = await run(now, [], pods, { DRY_RUN: "true" });
    expect(dry.exitCode, dry.output).toBe(0);
    expect(dry.deleted).toEqual([]);
    expect(dry.output).toContain("dry run: would delete pod jobs/job");
  });

  it("deletes nothing and fails when the managers cannot be listed", async () => {
    const result = await run(now, [], [["job", now - 10 * BOUND, "3"]], { STUB_FAIL: "1" });
    expect(result.exitCode).not.toBe(0);
    expect(result.deleted).toEqual([]);
  });
});
