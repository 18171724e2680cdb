import { runnerCanPick } from "./matching.js";
import { QueueVersions } from "./queue.js";
import { createdRunnerToken, jobToken, legacyRunnerToken } from "./tokens.js";
import type { AccessLevel, JobRecord, ManagerRecord, RunnerInfo, RunnerRecord, RunnerType } from "./types.js";

export interface NewRunner {
  runnerType: RunnerType;
  registrationType: RunnerRecord["registrationType"];
  description?: string;
  tagList?: string[];
  runUntagged?: boolean;
  locked?: boolean;
  accessLevel?: AccessLevel;
  paused?: boolean;
  maximumTimeout?: number | null;
  maintenanceNote?: string | null;
  groupId?: number | null;
  projectId?: number | null;
  info?: RunnerInfo;
}

export type RunnerPatch = Partial<
  Pick<
    RunnerRecord,
    | "description"
    | "tagList"
    | "runUntagged"
    | "locked"
    | "accessLevel"
    | "paused"
    | "maximumTimeout"
    | "maintenanceNote"
  >
>;

export interface NewJob {
  script: string[];
  afterScript?: string[];
  tags?: string[];
  variables?: Record<string, string>;
  name?: string;
  stage?: string;
  timeout?: number;
  image?: string;
  /** Service image names; each becomes a service container (svc-N with the kubernetes executor). */
  services?: string[];
  failureReasons?: string[];
}

/** Reasons GitLab accepts from runners; sent as `features.failure_reasons` unless a job overrides them. */
export const DEFAULT_FAILURE_REASONS: readonly string[] = [
  "unknown_failure",
  "script_failure",
  "api_failure",
  "stuck_or_timeout_failure",
  "runner_system_failure",
  "missing_dependency_failure",
  "runner_unsupported",
  "stale_schedule",
  "job_execution_timeout",
  "archived_failure",
  "unmet_prerequisites",
  "scheduler_failure",
  "data_integrity_failure",
];

// Separate id ranges make a job id passed where a runner id was meant fail loudly in tests.
const FIRST_RUNNER_ID = 1;
const FIRST_MANAGER_ID = 1;
const FIRST_JOB_ID = 1001;

/**
 * All mock state, in memory. Every mutation is synchronous: handlers do their awaiting (body, faults,
 * long polls) before touching the store, so Node's single thread makes each mutation atomic and a job can
 * never be claimed twice.
 */
export class MockGitLabStore {
  readonly queue = new QueueVersions();
  private secretList: string[] | undefined;
  private readonly runners = new Map<number, RunnerRecord>();
  private readonly managers = new Map<number, ManagerRecord>();
  private readonly jobs = new Map<number, JobRecord>();
  // Ids keep counting across resets, as GitLab never reuses ids; stale references then miss instead of hitting.
  private nextRunnerId = FIRST_RUNNER_ID;
  private nextManagerId = FIRST_MANAGER_ID;
  private nextJobId = FIRST_JOB_ID;

  constructor(private readonly now: () => Date) {}

  // ---- runners ----

  createRunner(input: NewRunner): RunnerRecord {
    const tagList = input.tagList ?? [];
    const runner: RunnerRecord = {
      id: this.nextRunnerId++,
      token: input.registrationType === "authenticated_user" ? createdRunnerToken() : legacyRunnerToken(),
      runnerType: input.runnerType,
      registrationType: input.registrationType,
      description: input.description ?? "",
      tagList,
      // Rails forces run_untagged for a runner without tags, otherwise it could never run anything.
      runUntagged: tagList.length === 0 ? true : (input.runUntagged ?? true),
      locked: input.locked ?? false,
      accessLevel: input.accessLevel ?? "not_protected",
      paused: input.paused ?? false,
      maximumTimeout: input.maximumTimeout ?? null,
      maintenanceNote: input.maintenanceNote ?? null,
      groupId: input.groupId ?? null,
      projectId: input.projectId ?? null,
      createdAt: this.now(),
      contactedAt: null,
      info: input.info ?? {},
    };
    this.runners.set(runner.id, runner);
    this.secretList = undefined;
    return runner;
  }

  runner(id: number): RunnerRecord | undefined {
    return this.runners.get(id);
  }

  runnerByToken(token: string): RunnerRecord | undefined {
    for (const runner of this.runners.values()) if (runner.token === token) return runner;
    return undefined;
  }

  allRunners(): RunnerRecord[] {
    return [...this.runners.values()].sort((a, b) => a.id - b.id);
  }

  updateRunner(runner: RunnerRecord, patch: RunnerPatch): RunnerRecord {
    Object.assign(runner, patch);
    if (runner.tagList.length === 0) runner.runUntagged = true;
    // Tags, pause state or run_untagged may have made queued jobs available to this runner.
    this.queue.bump([runner.id]);
    return runner;
  }

  deleteRunner(runner: RunnerRecord): void {
    for (const manager of this.managersOf(runner.id)) this.managers.delete(manager.id);
    this.runners.delete(runner.id);
    this.secretList = undefined;
    // Parked polls of a deleted runner wake up and get their 403 right away.
    this.queue.forget(runner.id);
  }

  resetRunnerToken(runner: RunnerRecord): string {
    runner.token = runner.registrationType === "authenticated_user" ? createdRunnerToken() : legacyRunnerToken();
    this.secretList = undefined;
    return runner.token;
  }

  // ---- runner managers (one per runner and system_id) ----

  /**
   * Creates or updates the manager for (runner, system_id). `contact` marks a heartbeat: verify registers a
   * manager without one (the UI says "never contacted" until the runner polls), job requests are heartbeats.
   */
  upsertManager(
    runner: RunnerRecord,
    systemId: string,
    update: { info?: RunnerInfo; ipAddress?: string | null; contact: boolean },
  ): ManagerRecord {
    let manager = this.findManager(runner.id, systemId);
    if (!manager) {
      manager = {
        id: this.nextManagerId++,
        runnerId: runner.id,
        systemId,
        createdAt: this.now(),
        contactedAt: null,
        ipAddress: null,
        info: {},
      };
      this.managers.set(manager.id, manager);
    }
    if (update.info) manager.info = update.info;
    if (update.ipAddress !== undefined) manager.ipAddress = update.ipAddress;
    if (update.contact) {
      const now = this.now();
      manager.contactedAt = now;
      runner.contactedAt = now;
    }
    return manager;
  }

  findManager(runnerId: number, systemId: string): ManagerRecord | undefined {
    for (const manager of this.managers.values()) {
      if (manager.runnerId === runnerId && manager.systemId === systemId) return manager;
    }
    return undefined;
  }

  manager(id: number): ManagerRecord | undefined {
    return this.managers.get(id);
  }

  managersOf(runnerId: number): ManagerRecord[] {
    return [...this.managers.values()].filter((m) => m.runnerId === runnerId).sort((a, b) => a.id - b.id);
  }

  deleteManager(manager: ManagerRecord): void {
    this.managers.delete(manager.id);
  }

  // ---- jobs ----

  enqueueJob(input: NewJob): JobRecord {
    const job: JobRecord = {
      id: this.nextJobId++,
      token: jobToken(),
      name: input.name ?? "mock-job",
      stage: input.stage ?? "test",
      state: "pending",
      tags: input.tags ?? [],
      script: input.script,
      afterScript: input.afterScript ?? [],
      variables: input.variables ?? {},
      timeout: input.timeout ?? 3600,
      image: input.image ?? "",
      services: input.services ?? [],
      failureReasons: input.failureReasons ?? [...DEFAULT_FAILURE_REASONS],
      runnerId: null,
      managerId: null,
      systemId: null,
      acknowledged: false,
      failureReason: null,
      exitCode: null,
      traceChunks: [],
      traceLength: 0,
      reportedChecksum: null,
      reportedBytesize: null,
      createdAt: this.now(),
      pickedAt: null,
      startedAt: null,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    this.secretList = undefined;
    const takers = new Set(
      [...this.runners.values()].filter((runner) => runnerCanPick(runner, job)).map((runner) => runner.id),
    );
    this.queue.tick(takers);
    this.queue.offer((runnerId) => takers.has(runnerId));
    return job;
  }

  /**
   * Offers every unassigned pending job to a parked poll again: called when a poll woken by an offer ended
   * without a job (its client left, its manager was removed), so the job does not wait for a poll's timeout.
   */
  reofferPendingJobs(): void {
    for (const job of this.jobs.values()) {
      if (job.state !== "pending" || job.runnerId !== null) continue;
      this.queue.offer((runnerId) => {
        const runner = this.runners.get(runnerId);
        return runner !== undefined && runnerCanPick(runner, job);
      });
    }
  }

  job(id: number): JobRecord | undefined {
    return this.jobs.get(id);
  }

  allJobs(): JobRecord[] {
    return [...this.jobs.values()].sort((a, b) => a.id - b.id);
  }

  /**
   * Hands the oldest matching pending job to this runner manager. Synchronous on purpose (see class comment).
   * Runners with two-phase commit (18.5+) confirm with `PUT state=running`, so the job stays pending until
   * then; older runners never confirm and GitLab starts the job when it is handed out.
   */
  claimJob(runner: RunnerRecord, manager: ManagerRecord, twoPhaseCommit: boolean): JobRecord | undefined {
    for (const job of this.jobs.values()) {
      if (job.state !== "pending" || job.runnerId !== null || !runnerCanPick(runner, job)) continue;
      const now = this.now();
      job.runnerId = runner.id;
      job.managerId = manager.id;
      job.systemId = manager.systemId;
      job.pickedAt = now;
      if (!twoPhaseCommit) {
        job.state = "running";
        job.startedAt = now;
      }
      return job;
    }
    return undefined;
  }

  /** Secrets GitLab holds, so the request log can scrub them wherever they show up. */
  secrets(): readonly string[] {
    // Kept until a token is added or changed: the request log scrubs every request against this list.
    this.secretList ??= [
      ...[...this.runners.values()].map((r) => r.token),
      ...[...this.jobs.values()].map((j) => j.token),
    ];
    return this.secretList;
  }

  reset(): void {
    for (const id of this.runners.keys()) this.queue.forget(id);
    this.runners.clear();
    this.managers.clear();
    this.jobs.clear();
    this.secretList = undefined;
    this.queue.wakeAll();
  }
}
