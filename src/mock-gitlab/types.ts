/**
 * Types shared by the mock server and its control client.
 *
 * Internal records use camelCase; everything that crosses the wire keeps GitLab's snake_case field names so
 * that JSON produced by the mock can be compared with real GitLab responses field by field. The fault API is
 * the one exception: its camelCase keys (`latencyMs`, `retryAfter`) were fixed by the issue that specified it.
 */

export type RunnerType = "instance_type" | "group_type" | "project_type";
export type AccessLevel = "not_protected" | "ref_protected";
/** GitLab's contact status for runners and runner managers. */
export type ContactStatus = "online" | "offline" | "stale" | "never_contacted";
/** `canceling` is GitLab's state while a runner finishes a graceful cancel (`cancel_gracefully`). */
export type JobState = "pending" | "running" | "success" | "failed" | "canceling" | "canceled";

/** The `info` object runners send on verify (19.3+) and on every job request. Kept as sent. */
export type RunnerInfo = Record<string, unknown>;

export interface RunnerRecord {
  id: number;
  token: string;
  runnerType: RunnerType;
  /** `registration_token` for legacy `POST /runners`, `authenticated_user` for `POST /user/runners`. */
  registrationType: "registration_token" | "authenticated_user";
  description: string;
  tagList: string[];
  runUntagged: boolean;
  locked: boolean;
  accessLevel: AccessLevel;
  paused: boolean;
  maximumTimeout: number | null;
  maintenanceNote: string | null;
  groupId: number | null;
  projectId: number | null;
  createdAt: Date;
  contactedAt: Date | null;
  /** Legacy registration sends `info` before any manager exists, so GitLab keeps it on the runner. */
  info: RunnerInfo;
}

export interface ManagerRecord {
  id: number;
  runnerId: number;
  systemId: string;
  createdAt: Date;
  contactedAt: Date | null;
  ipAddress: string | null;
  info: RunnerInfo;
}

export interface JobRecord {
  id: number;
  token: string;
  name: string;
  stage: string;
  state: JobState;
  tags: string[];
  script: string[];
  afterScript: string[];
  variables: Record<string, string>;
  timeout: number;
  image: string;
  services: string[];
  failureReasons: string[];
  runnerId: number | null;
  managerId: number | null;
  systemId: string | null;
  /** True once the runner confirmed the job with `PUT state=running` (two-phase commit, runner 18.5+). */
  acknowledged: boolean;
  failureReason: string | null;
  exitCode: number | null;
  traceChunks: Buffer[];
  traceLength: number;
  reportedChecksum: string | null;
  reportedBytesize: number | null;
  createdAt: Date;
  pickedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Options of `startMockGitLab`. Every field is optional; see `resolveConfig` for the defaults. */
export interface MockGitLabOptions {
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Defaults to 127.0.0.1 so a mock is never exposed by accident. */
  host?: string;
  /** `PRIVATE-TOKEN` for the admin REST API. Random `glpat-…` when omitted. */
  adminToken?: string;
  /** Instance registration token for legacy `POST /runners`. Random when omitted. */
  registrationToken?: string;
  /**
   * More registration tokens accepted by legacy `POST /runners`, for clients whose tokens are fixed in advance
   * (chart-testing installs every ci/ scenario, each with its own fake registration token).
   */
  extraRegistrationTokens?: string[];
  /** When false, legacy registration answers 410 like GitLab 17+ with registration tokens disabled. */
  legacyRegistration?: boolean;
  /** How long `/jobs/request` may hold a poll whose `last_update` is current. 0 answers at once. */
  longPollMs?: number;
  /**
   * Lifetime of runner tokens handed out by register, verify and reset_authentication_token, as
   * `token_expires_at` (GitLab's runner token expiration settings). Omitted: `null`, so runners never rotate.
   */
  tokenExpiresInSeconds?: number;
  /** Sent as `X-GitLab-Trace-Update-Interval` on job responses when set. */
  traceUpdateIntervalSeconds?: number;
  /** Size of the ring buffer behind `GET /__mock/requests`. */
  requestLogLimit?: number;
  /** Largest accepted request body; the runner sends at most 1 MiB of trace per PATCH. */
  maxBodyBytes?: number;
  /** Receives one structured line per request. Silent when omitted. */
  logger?: MockGitLabLogger;
  /** Clock used for timestamps and online/offline status, so tests can age runners. */
  now?: () => Date;
}

export interface ResolvedConfig {
  port: number;
  host: string;
  adminToken: string;
  registrationToken: string;
  extraRegistrationTokens: string[];
  legacyRegistration: boolean;
  longPollMs: number;
  tokenExpiresInSeconds: number | null;
  traceUpdateIntervalSeconds: number | null;
  requestLogLimit: number;
  maxBodyBytes: number;
  logger: MockGitLabLogger | null;
  now: () => Date;
}

/** What the request log and the logger both say about one request. */
export interface RequestSummary {
  time: string;
  request_id: string;
  method: string;
  /** Path with secret-looking query values redacted. */
  path: string;
  endpoint: string;
  /** null when nothing was answered: a `drop` fault, or the client hung up first. */
  status: number | null;
  duration_ms: number;
}

export interface MockLogLine extends RequestSummary {
  level: "info" | "warn" | "error";
  msg: string;
  error?: string;
}

export type MockGitLabLogger = (line: MockLogLine) => void;

// ---- wire shapes of the /__mock/ control API ----

export interface EnqueueJobRequest {
  script: string[];
  tags?: string[];
  variables?: Record<string, string>;
  name?: string;
  stage?: string;
  /** Seconds; capped by the runner's `maximum_timeout` when the job is handed out. */
  timeout?: number;
  after_script?: string[];
  /** Image name for docker/kubernetes executors; empty means the executor's default image. */
  image?: string;
  /** Service image names, in order (svc-0, svc-1… with the kubernetes executor). */
  services?: string[];
  /** Overrides `features.failure_reasons` in the payload. */
  failure_reasons?: string[];
}

export interface MockJobView {
  id: number;
  name: string;
  stage: string;
  state: JobState;
  tags: string[];
  script: string[];
  after_script: string[];
  variables: Record<string, string>;
  timeout: number;
  image: string;
  services: string[];
  runner_id: number | null;
  system_id: string | null;
  acknowledged: boolean;
  failure_reason: string | null;
  exit_code: number | null;
  trace_size: number;
  /** `crc32:%08x` of the stored trace, the format the runner reports in `output.checksum`. */
  trace_checksum: string;
  reported_checksum: string | null;
  reported_bytesize: number | null;
  created_at: string;
  picked_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** Present on single-job reads only. */
  trace?: string;
}

export interface MockManagerView {
  id: number;
  runner_id: number;
  system_id: string;
  status: ContactStatus;
  created_at: string;
  contacted_at: string | null;
  ip_address: string | null;
  version: string | null;
  revision: string | null;
  platform: string | null;
  architecture: string | null;
  executor: string | null;
  info: RunnerInfo;
}

export interface MockRunnerView {
  id: number;
  /** Control views expose the token (GitLab stores it too); logs and the request log never do. */
  token: string;
  runner_type: RunnerType;
  registration_type: RunnerRecord["registrationType"];
  description: string;
  tag_list: string[];
  run_untagged: boolean;
  locked: boolean;
  access_level: AccessLevel;
  paused: boolean;
  maximum_timeout: number | null;
  maintenance_note: string | null;
  group_id: number | null;
  project_id: number | null;
  status: ContactStatus;
  created_at: string;
  contacted_at: string | null;
  managers: MockManagerView[];
}

export interface CreateRunnerRequest {
  runner_type?: RunnerType;
  group_id?: number;
  project_id?: number;
  description?: string;
  /** An array, or a comma-separated string as GitLab also accepts. */
  tag_list?: string[] | string;
  run_untagged?: boolean;
  locked?: boolean;
  access_level?: AccessLevel;
  paused?: boolean;
  maximum_timeout?: number;
  maintenance_note?: string;
}

export interface RunnerTokenResponse {
  id: number;
  token: string;
  token_expires_at: string | null;
}

export interface FaultRequest {
  /** An endpoint name from `API_ENDPOINTS`, or `*` for every GitLab API endpoint (never /__mock/). */
  endpoint: string;
  status?: number;
  latencyMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Applies to the next N matching calls; defaults to 1. */
  times?: number;
  /** Seconds, sent as `Retry-After` with `status`. */
  retryAfter?: number;
}

export interface FaultView {
  id: number;
  endpoint: string;
  status: number | null;
  latencyMs: number;
  drop: boolean;
  retryAfter: number | null;
  times: number;
  remaining: number;
}

export interface RequestLogEntry extends RequestSummary {
  seq: number;
  fault_id: number | null;
  runner_id: number | null;
  system_id: string | null;
  job_id: number | null;
  /** Request headers with every credential header redacted. */
  headers: Record<string, string>;
  /** Parsed JSON request body, credentials redacted; null for non-JSON bodies such as trace chunks. */
  body: unknown;
  body_bytes: number;
}

export interface MockStateView {
  runners: MockRunnerView[];
  jobs: MockJobView[];
  faults: FaultView[];
  request_log_size: number;
  config: {
    long_poll_ms: number;
    legacy_registration: boolean;
    trace_update_interval_seconds: number | null;
  };
}
