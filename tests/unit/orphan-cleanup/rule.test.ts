import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";

// The decision rule of files/orphan-cleanup.sh at its edges (age exactly the bound, a manager
// started in the job pod's second, dates around a leap day), per replica: each job pod is judged by
// the manager pod named in its gitlab-runner-fleet/manager label. kubectl is replaced by a stub that
// answers the two listings and records deletions. The real API server, RBAC, label selectors and
// JSONPath are tested in tests/integration/orphan-cleanup.test.ts.

const SCRIPT = join(chartRoot, "files", "orphan-cleanup.sh");
const BOUND = 100;

const STUB = `#!/bin/sh
case "$*" in
  delete*) echo "$*" >>"$STUB_LOG" ;;
  *manager.runner.gitlab.com/name*)
    case "$*" in *"{.metadata.labels.$STUB_LABEL_PATH}"*) printf '%s' "$STUB_PODS" ;; *) exit 3 ;; esac ;;
  *) [ -z "$STUB_FAIL" ] || exit 1; printf '%s' "$STUB_MANAGERS" ;;
esac
`;

const iso = (epoch: number) => new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

type Manager = [name: string, started: number | undefined];
type Pod = [name: string, created: number, manager: string, jobId: string];

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

  /**
   * Runs the script at `now` with manager pods as [name, start of its running container or
   * undefined] and job pods as [name, created, manager label value, job id].
   */
  const run = async (
    now: number,
    managers: Manager[],
    pods: Pod[],
    extra: Record<string, string> = {},
  ): Promise<Run> => {
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
        MANAGER_LABEL: "gitlab-runner-fleet/manager",
        STUB_LABEL_PATH: "gitlab-runner-fleet/manager",
        JOB_POD_SELECTOR: "gitlab-runner-fleet/release=fleet",
        MIN_AGE_SECONDS: String(BOUND),
        DRY_RUN: "false",
        FLEET_CLEANUP_NOW: String(now),
        STUB_LOG: log,
        STUB_MANAGERS: managers
          .map(([name, started]) => `${name} ${started === undefined ? "" : iso(started)}\n`)
          .join(""),
        STUB_PODS: pods.map(([name, created, manager, id]) => `${name}|${iso(created)}|${manager}|${id}\n`).join(""),
        ...extra,
      },
    });
    const deleted = (await readFile(log, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" ").slice(1, 3).join("/"));
    return { exitCode: result.exitCode ?? -1, output: result.all ?? "", deleted };
  };

  // 2028-03-01T00:00:40Z: the bound reaches back across a leap day into February
  const now = Date.UTC(2028, 2, 1, 0, 0, 40) / 1000;

  it("keeps a pod exactly as old as the bound and deletes one a second older", async () => {
    const result = await run(
      now,
      [],
      [
        ["at-bound", now - BOUND, "m-0", "1"],
        ["past-bound", now - BOUND - 1, "m-0", "2"],
      ],
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(result.deleted).toEqual(["configmap/gl-runner-overlay-2", "pod/past-bound"]);
    expect(result.output).toContain("kept pod jobs/at-bound: 100s old, not older than 100s");
    expect(result.output).toContain("orphan pod jobs/past-bound: 101s old and its manager m-0 is gone");
  });

  it("judges each job pod by its own manager: a restarted, stopped or deleted replica's pods go while another replica runs since long before", async () => {
    const created = now - 3 * BOUND;
    const managers: Manager[] = [
      ["m-0", created - 86_400], // the live replica, running since the day before
      ["m-1", created + 1], // restarted a second after its job pod was created
      ["m-2", undefined], // exists, its container is not running (crash loop, being restarted)
      ["m-4", created], // started in its job pod's creation second
    ];
    const pods: Pod[] = [
      ["of-live", created, "m-0", "10"],
      ["of-restarted", created, "m-1", "11"],
      ["of-stopped", created, "m-2", "12"],
      ["of-deleted", created, "m-3", "13"],
      ["of-same-second", created, "m-4", "14"],
    ];
    const result = await run(now, managers, pods);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.deleted).toEqual([
      "configmap/gl-runner-overlay-11",
      "pod/of-restarted",
      "configmap/gl-runner-overlay-12",
      "pod/of-stopped",
      "configmap/gl-runner-overlay-13",
      "pod/of-deleted",
    ]);
    expect(result.output).toContain(
      "kept pod jobs/of-live: its manager m-0 has been running since before it was created",
    );
    expect(result.output).toContain(
      `orphan pod jobs/of-restarted: 300s old and its manager m-1 restarted at ${iso(created + 1)}, after it was created`,
    );
    expect(result.output).toContain("orphan pod jobs/of-stopped: 300s old and its manager m-2 is not running");
    expect(result.output).toContain("orphan pod jobs/of-deleted: 300s old and its manager m-3 is gone");
    expect(result.output).toContain(
      "kept pod jobs/of-same-second: its manager m-4 has been running since before it was created",
    );
  });

  it("keeps an old job pod whose manager label is missing, even with no manager running", async () => {
    const result = await run(now, [], [["unnamed", now - 10 * BOUND, "", "5"]]);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.deleted).toEqual([]);
    expect(result.output).toContain("kept pod jobs/unnamed: no gitlab-runner-fleet/manager label names its manager");
  });

  it("deletes old pods when no manager pod exists, and only names them in a dry run", async () => {
    const pods: Pod[] = [["job", now - 86_400 * 400, "m-0", "not-a-number"]];
    const real = await run(now, [], pods);
    expect(real.deleted).toEqual(["pod/job"]);
    expect(real.output).toContain("no manager pod of this release exists");
    const dry = await run(now, [], pods, { DRY_RUN: "true" });
    expect(dry.exitCode, dry.output).toBe(0);
    expect(dry.deleted).toEqual([]);
    expect(dry.output).toContain("dry run: would delete pod jobs/job");
  });

  it("asks kubectl for a manager label key with dots as a JSONPath member with the dots escaped", async () => {
    const label = { MANAGER_LABEL: "fleet.example.com/manager", STUB_LABEL_PATH: "fleet\\.example\\.com/manager" };
    const result = await run(now, [["m-0", now - 86_400]], [["job", now - 10 * BOUND, "m-0", "3"]], label);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("kept pod jobs/job: its manager m-0 has been running since before it was created");
  });

  it("deletes nothing and fails when the managers cannot be listed", async () => {
    const result = await run(now, [], [["job", now - 10 * BOUND, "m-0", "3"]], { STUB_FAIL: "1" });
    expect(result.exitCode).not.toBe(0);
    expect(result.deleted).toEqual([]);
  });
});
