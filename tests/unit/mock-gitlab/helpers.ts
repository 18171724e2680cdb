import { onTestFinished } from "vitest";
import { startMockGitLab, type MockGitLab, type MockGitLabOptions } from "../../../src/mock-gitlab/index.js";

const FEATURES_17_9 = [
  "variables",
  "image",
  "services",
  "artifacts",
  "cache",
  "fallback_cache_keys",
  "shared",
  "upload_multiple_artifacts",
  "upload_raw_artifacts",
  "session",
  "terminal",
  "refspecs",
  "masking",
  "proxy",
  "raw_variables",
  "artifacts_exclude",
  "multi_build_steps",
  "trace_reset",
  "trace_checksum",
  "trace_size",
  "vault_secrets",
  "cancelable",
  "return_exit_code",
  "service_variables",
  "service_multiple_aliases",
  "image_executor_opts",
  "service_executor_opts",
  "cancel_gracefully",
  "native_steps_integration",
];

const allTrue = (keys: string[]): Record<string, boolean> => Object.fromEntries(keys.map((k) => [k, true]));

/** `info` as runner 19.4 sends it (31 features, two-phase commit on). */
export const INFO_19_4 = {
  name: "gitlab-runner",
  version: "19.4.0",
  revision: "a1b2c3d4",
  platform: "linux",
  architecture: "amd64",
  executor: "shell",
  shell: "bash",
  features: allTrue([...FEATURES_17_9, "two_phase_job_commit", "job_inputs"]),
  config: { gpus: "" },
  labels: { team: "ci" },
};

/** `info` as runner 17.9 sends it: no two-phase commit, no labels. */
export const INFO_17_9 = {
  name: "gitlab-runner",
  version: "17.9.0",
  revision: "0f1e2d3c",
  platform: "linux",
  architecture: "arm64",
  executor: "kubernetes",
  shell: "bash",
  features: allTrue(FEATURES_17_9),
  config: { gpus: "" },
};

export const SYSTEM_ID_A = "s_0123456789ab";
export const SYSTEM_ID_B = "r_ABCDEFabcdef";

/** Starts a mock for the current test and closes it afterwards; always port 0 on 127.0.0.1. */
export async function startMock(options: MockGitLabOptions = {}): Promise<MockGitLab> {
  const mock = await startMockGitLab({ host: "127.0.0.1", port: 0, ...options });
  onTestFinished(() => mock.close());
  return mock;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body when the response says `application/json`. */
  body: any;
}

export interface CallOptions {
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** Thin fetch wrapper so assertions can look at status, headers and body in one place. */
export async function call(
  mock: MockGitLab,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | Buffer | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["Content-Type"] ??= "application/json";
  }
  const res = await fetch(`${mock.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const isJson = (res.headers.get("content-type") ?? "").startsWith("application/json");
  return { status: res.status, headers: res.headers, text, body: isJson ? JSON.parse(text) : undefined };
}

export const admin = (mock: MockGitLab): Record<string, string> => ({ "PRIVATE-TOKEN": mock.adminToken });

/** Creates a glrt- runner through the admin API, as a test fixture. */
export async function createRunner(
  mock: MockGitLab,
  attrs: Record<string, unknown> = {},
): Promise<{ id: number; token: string }> {
  const res = await call(mock, "POST", "/api/v4/user/runners", {
    headers: admin(mock),
    json: { runner_type: "instance_type", ...attrs },
  });
  if (res.status !== 201) throw new Error(`runner creation failed: ${res.status} ${res.text}`);
  return res.body;
}

/** `POST /jobs/request` the way runner 19.4 sends it (token in body and RUNNER-TOKEN). */
export function requestJob(
  mock: MockGitLab,
  token: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<CallResult> {
  return call(mock, "POST", "/api/v4/jobs/request", {
    headers: { "RUNNER-TOKEN": token, Accept: "application/json", ...headers },
    json: { token, system_id: SYSTEM_ID_A, info: INFO_19_4, ...extra },
  });
}

/** Enqueues a job, hands it to a fresh runner and returns the payload; the common start of job-update tests. */
export async function runningJob(
  mock: MockGitLab,
  opts: { ack?: boolean; info?: Record<string, unknown> } = {},
): Promise<{ id: number; token: string; runnerId: number; payload: any }> {
  const runner = await createRunner(mock);
  const { id } = await mock.control.enqueueJob({ script: ["echo hello"] });
  const res = await requestJob(mock, runner.token, { info: opts.info ?? INFO_19_4 });
  if (res.status !== 201) throw new Error(`expected a job, got ${res.status}`);
  if (opts.ack ?? true) {
    const ack = await updateJob(mock, id, res.body.token, { state: "running", output: {} });
    if (ack.status !== 200) throw new Error(`ack failed: ${ack.status}`);
  }
  return { id, token: res.body.token, runnerId: runner.id, payload: res.body };
}

export function updateJob(
  mock: MockGitLab,
  id: number,
  token: string,
  body: Record<string, unknown>,
): Promise<CallResult> {
  return call(mock, "PUT", `/api/v4/jobs/${id}`, {
    headers: { "JOB-TOKEN": token },
    json: { token, info: INFO_19_4, ...body },
  });
}

export function patchTrace(
  mock: MockGitLab,
  id: number,
  token: string,
  chunk: string,
  start: number,
  range?: string,
): Promise<CallResult> {
  const bytes = Buffer.from(chunk, "utf8");
  return call(mock, "PATCH", `/api/v4/jobs/${id}/trace?debug_trace=false`, {
    headers: {
      "JOB-TOKEN": token,
      "Content-Type": "text/plain",
      "Content-Range": range ?? `${start}-${start + bytes.length - 1}`,
    },
    body: bytes,
  });
}
