import { traceChecksum } from "./trace-checksum.js";
import { contactStatus } from "./status.js";
import type { MockGitLabStore } from "./store.js";
import type {
  JobRecord,
  ManagerRecord,
  MockJobView,
  MockManagerView,
  MockRunnerView,
  RunnerInfo,
  RunnerRecord,
} from "./types.js";

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

const infoString = (info: RunnerInfo, key: string): string | null => {
  const value = info[key];
  return typeof value === "string" && value !== "" ? value : null;
};

/** GitLab shows version/platform/ip of the runner from its most recently contacted manager. */
function latestManager(managers: ManagerRecord[]): ManagerRecord | undefined {
  let latest: ManagerRecord | undefined;
  for (const m of managers) {
    if (!latest || (m.contactedAt?.getTime() ?? 0) >= (latest.contactedAt?.getTime() ?? 0)) latest = m;
  }
  return latest;
}

function jobExecutionStatus(store: MockGitLabStore, match: (job: JobRecord) => boolean): "active" | "idle" {
  return store.allJobs().some((j) => match(j) && (j.state === "running" || j.state === "canceling"))
    ? "active"
    : "idle";
}

// ---- admin REST API entities (GitLab's field names) ----

/** `API::Entities::Ci::Runner`, as listed by `GET /runners/all`. */
export function adminRunner(runner: RunnerRecord, store: MockGitLabStore, now: Date): Record<string, unknown> {
  const latest = latestManager(store.managersOf(runner.id));
  const status = contactStatus(runner.createdAt, runner.contactedAt, now);
  return {
    id: runner.id,
    description: runner.description,
    ip_address: latest?.ipAddress ?? null,
    active: !runner.paused,
    paused: runner.paused,
    is_shared: runner.runnerType === "instance_type",
    runner_type: runner.runnerType,
    name: infoString(latest?.info ?? runner.info, "name"),
    online: status === "online",
    status,
    created_at: runner.createdAt.toISOString(),
    job_execution_status: jobExecutionStatus(store, (j) => j.runnerId === runner.id),
  };
}

/** `API::Entities::Ci::RunnerDetails`, as returned by `GET /runners/:id`. */
export function adminRunnerDetails(runner: RunnerRecord, store: MockGitLabStore, now: Date): Record<string, unknown> {
  const info = latestManager(store.managersOf(runner.id))?.info ?? runner.info;
  return {
    ...adminRunner(runner, store, now),
    tag_list: runner.tagList,
    run_untagged: runner.runUntagged,
    locked: runner.locked,
    maximum_timeout: runner.maximumTimeout,
    access_level: runner.accessLevel,
    version: infoString(info, "version"),
    revision: infoString(info, "revision"),
    platform: infoString(info, "platform"),
    architecture: infoString(info, "architecture"),
    contacted_at: iso(runner.contactedAt),
    maintenance_note: runner.maintenanceNote,
    projects: [],
    groups: [],
  };
}

/** `API::Entities::Ci::RunnerManager`, as returned by `GET /runners/:id/managers`. */
export function adminManager(manager: ManagerRecord, store: MockGitLabStore, now: Date): Record<string, unknown> {
  return {
    id: manager.id,
    system_id: manager.systemId,
    version: infoString(manager.info, "version"),
    revision: infoString(manager.info, "revision"),
    platform: infoString(manager.info, "platform"),
    architecture: infoString(manager.info, "architecture"),
    created_at: manager.createdAt.toISOString(),
    contacted_at: iso(manager.contactedAt),
    ip_address: manager.ipAddress,
    status: contactStatus(manager.createdAt, manager.contactedAt, now),
    job_execution_status: jobExecutionStatus(store, (j) => j.managerId === manager.id),
  };
}

// ---- /__mock/ control views ----

export function managerView(manager: ManagerRecord, now: Date): MockManagerView {
  return {
    id: manager.id,
    runner_id: manager.runnerId,
    system_id: manager.systemId,
    status: contactStatus(manager.createdAt, manager.contactedAt, now),
    created_at: manager.createdAt.toISOString(),
    contacted_at: iso(manager.contactedAt),
    ip_address: manager.ipAddress,
    version: infoString(manager.info, "version"),
    revision: infoString(manager.info, "revision"),
    platform: infoString(manager.info, "platform"),
    architecture: infoString(manager.info, "architecture"),
    executor: infoString(manager.info, "executor"),
    info: manager.info,
  };
}

export function runnerView(runner: RunnerRecord, store: MockGitLabStore, now: Date): MockRunnerView {
  return {
    id: runner.id,
    token: runner.token,
    runner_type: runner.runnerType,
    registration_type: runner.registrationType,
    description: runner.description,
    tag_list: [...runner.tagList],
    run_untagged: runner.runUntagged,
    locked: runner.locked,
    access_level: runner.accessLevel,
    paused: runner.paused,
    maximum_timeout: runner.maximumTimeout,
    maintenance_note: runner.maintenanceNote,
    group_id: runner.groupId,
    project_id: runner.projectId,
    status: contactStatus(runner.createdAt, runner.contactedAt, now),
    created_at: runner.createdAt.toISOString(),
    contacted_at: iso(runner.contactedAt),
    managers: store.managersOf(runner.id).map((m) => managerView(m, now)),
  };
}

export function jobView(job: JobRecord, withTrace: boolean): MockJobView {
  const view: MockJobView = {
    id: job.id,
    name: job.name,
    stage: job.stage,
    state: job.state,
    tags: [...job.tags],
    script: [...job.script],
    after_script: [...job.afterScript],
    variables: { ...job.variables },
    timeout: job.timeout,
    image: job.image,
    services: [...job.services],
    runner_id: job.runnerId,
    system_id: job.systemId,
    acknowledged: job.acknowledged,
    failure_reason: job.failureReason,
    exit_code: job.exitCode,
    trace_size: job.traceLength,
    trace_checksum: traceChecksum(job.traceChunks),
    reported_checksum: job.reportedChecksum,
    reported_bytesize: job.reportedBytesize,
    created_at: job.createdAt.toISOString(),
    picked_at: iso(job.pickedAt),
    started_at: iso(job.startedAt),
    finished_at: iso(job.finishedAt),
  };
  if (withTrace) view.trace = Buffer.concat(job.traceChunks).toString("utf8");
  return view;
}
