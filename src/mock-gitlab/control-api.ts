import type { MockDeps, RequestContext, Route } from "./context.js";
import { parseFault } from "./faults.js";
import { badRequest, empty, json, notFound } from "./http.js";
import { cancelJob } from "./job-lifecycle.js";
import { optBool, optEnum, optInt, optObject, optString, optStringArray, type Params } from "./params.js";
import { parseCreateRunner } from "./runner-params.js";
import type { NewJob } from "./store.js";
import type { JobState, MockStateView } from "./types.js";
import { jobView, managerView, runnerView } from "./views.js";

const JOB_STATES: readonly JobState[] = ["pending", "running", "success", "failed", "canceling", "canceled"];

function parseEnqueue(params: Params): NewJob {
  const script = optStringArray(params, "script");
  if (script === undefined || script.length === 0) throw badRequest("script must be a non-empty array of strings");
  const variables = optObject(params, "variables");
  if (variables && Object.values(variables).some((v) => typeof v !== "string")) {
    // The runner decodes variable values as Go strings; anything else would break the job payload.
    throw badRequest("variables must map names to strings");
  }
  const job: NewJob = { script };
  const tags = optStringArray(params, "tags");
  if (tags !== undefined) job.tags = [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ""))];
  if (variables) job.variables = variables as Record<string, string>;
  const name = optString(params, "name");
  if (name !== undefined) job.name = name;
  const stage = optString(params, "stage");
  if (stage !== undefined) job.stage = stage;
  const timeout = optInt(params, "timeout", { min: 1 });
  if (timeout !== undefined) job.timeout = timeout;
  const afterScript = optStringArray(params, "after_script");
  if (afterScript !== undefined) job.afterScript = afterScript;
  const image = optString(params, "image");
  if (image !== undefined) job.image = image;
  const services = optStringArray(params, "services");
  if (services !== undefined) job.services = services;
  const failureReasons = optStringArray(params, "failure_reasons");
  if (failureReasons !== undefined) job.failureReasons = failureReasons;
  return job;
}

/**
 * Test-only calls under `/__mock/`, kept apart from `/api/v4` so they can never be mistaken for GitLab's
 * API. Unauthenticated on purpose: the mock listens on 127.0.0.1 unless told otherwise.
 */
export function controlApiRoutes({ store, faults, requestLog, config }: MockDeps): Route[] {
  const findJob = (ctx: RequestContext) => {
    const job = store.job(Number(ctx.pathParams.id));
    if (!job) throw notFound("Job");
    return job;
  };

  return [
    {
      method: "POST",
      path: "/__mock/jobs",
      endpoint: "mock/jobs/create",
      kind: "control",
      handler: (ctx) => json(201, { id: store.enqueueJob(parseEnqueue(ctx.params())).id }),
    },
    {
      method: "GET",
      path: "/__mock/jobs",
      endpoint: "mock/jobs/list",
      kind: "control",
      handler: (ctx) => {
        const state = optEnum(ctx.query, "state", JOB_STATES);
        const jobs = store.allJobs().filter((j) => state === undefined || j.state === state);
        return json(
          200,
          jobs.map((j) => jobView(j, false)),
        );
      },
    },
    {
      method: "GET",
      path: "/__mock/jobs/:id",
      endpoint: "mock/jobs/show",
      kind: "control",
      handler: (ctx) => json(200, jobView(findJob(ctx), true)),
    },
    {
      method: "POST",
      path: "/__mock/jobs/:id/cancel",
      endpoint: "mock/jobs/cancel",
      kind: "control",
      handler: (ctx) => {
        const job = findJob(ctx);
        cancelJob(job, optBool(ctx.params(), "force") ?? false, config.now());
        return json(200, jobView(job, false));
      },
    },
    {
      method: "GET",
      path: "/__mock/runners",
      endpoint: "mock/runners/list",
      kind: "control",
      handler: () =>
        json(
          200,
          store.allRunners().map((r) => runnerView(r, store, config.now())),
        ),
    },
    {
      method: "POST",
      path: "/__mock/runners",
      endpoint: "mock/runners/create",
      kind: "control",
      handler: (ctx) => {
        const params = ctx.params();
        const runner = store.createRunner(parseCreateRunner({ runner_type: "instance_type", ...params }));
        return json(201, { id: runner.id, token: runner.token, token_expires_at: null });
      },
    },
    {
      method: "GET",
      path: "/__mock/runners/:id/managers",
      endpoint: "mock/runners/managers",
      kind: "control",
      handler: (ctx) => {
        const runner = store.runner(Number(ctx.pathParams.id));
        if (!runner) throw notFound("Runner");
        const now = config.now();
        return json(
          200,
          store.managersOf(runner.id).map((m) => managerView(m, now)),
        );
      },
    },
    {
      method: "POST",
      path: "/__mock/faults",
      endpoint: "mock/faults/create",
      kind: "control",
      handler: (ctx) => json(201, faults.add(parseFault(ctx.params()))),
    },
    {
      method: "GET",
      path: "/__mock/faults",
      endpoint: "mock/faults/list",
      kind: "control",
      handler: () => json(200, faults.list()),
    },
    {
      method: "DELETE",
      path: "/__mock/faults",
      endpoint: "mock/faults/clear",
      kind: "control",
      handler: () => {
        faults.clear();
        return empty(204);
      },
    },
    {
      method: "GET",
      path: "/__mock/requests",
      endpoint: "mock/requests",
      kind: "control",
      handler: (ctx) => {
        const endpoint = optString(ctx.query, "endpoint");
        const limit = optInt(ctx.query, "limit", { min: 1 });
        return json(200, requestLog.list({ ...(endpoint ? { endpoint } : {}), ...(limit ? { limit } : {}) }));
      },
    },
    {
      method: "GET",
      path: "/__mock/state",
      endpoint: "mock/state",
      kind: "control",
      handler: () => {
        const now = config.now();
        const state: MockStateView = {
          runners: store.allRunners().map((r) => runnerView(r, store, now)),
          jobs: store.allJobs().map((j) => jobView(j, false)),
          faults: faults.list(),
          request_log_size: requestLog.size,
          config: {
            long_poll_ms: config.longPollMs,
            legacy_registration: config.legacyRegistration,
            trace_update_interval_seconds: config.traceUpdateIntervalSeconds,
          },
        };
        return json(200, state);
      },
    },
    {
      method: "POST",
      path: "/__mock/reset",
      endpoint: "mock/reset",
      kind: "control",
      handler: () => {
        store.reset();
        faults.clear();
        requestLog.clear();
        return empty(204);
      },
    },
  ];
}
