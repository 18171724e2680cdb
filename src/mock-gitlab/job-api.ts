import { authenticateRunner, jobTokenOf, runnerTokenOf } from "./auth.js";
import type { MockDeps, RequestContext, Route } from "./context.js";
import { badRequest, clientIp, empty, forbidden, json, notFound } from "./http.js";
import { buildJobPayload } from "./job-payload.js";
import { appendTrace, applyJobUpdate, type RunnerReportedState } from "./job-lifecycle.js";
import { optEnum, optInt, optObject, optString } from "./params.js";
import { optRunnerInfo } from "./runner-params.js";
import type { JobRecord } from "./types.js";

/** Rails files job requests without a `system_id` under this manager. */
export const LEGACY_SYSTEM_ID = "<legacy>";

const REPORTED_STATES: readonly RunnerReportedState[] = ["running", "success", "failed"];

/**
 * `start-end` without the `bytes ` unit (docs/runner-contract.md, Job updates and trace). The runner sends an inclusive end; Rails only reads the
 * start and the body, so clients that send the exclusive end (start + size) work against GitLab and work here too.
 */
function parseContentRange(value: string | undefined): { start: number; end: number } {
  const m = value === undefined ? null : /^(\d+)-(\d+)$/.exec(value.trim());
  if (!m) throw badRequest("Content-Range is missing or invalid");
  return { start: Number(m[1]), end: Number(m[2]) };
}

/** Job request, job update and trace calls (docs/runner-contract.md: Job requests, Job updates and trace). */
export function jobApiRoutes({ store, config }: MockDeps): Route[] {
  const jobHeaders = (job: JobRecord): Record<string, string> => ({
    "Job-Status": job.state,
    ...(config.traceUpdateIntervalSeconds !== null
      ? { "X-GitLab-Trace-Update-Interval": String(config.traceUpdateIntervalSeconds) }
      : {}),
  });
  // Workhorse marks every job request it long-polls; runners ignore it, humans reading logs may not.
  const pollingHeaders: Record<string, string> = config.longPollMs > 0 ? { "Gitlab-Ci-Builds-Polling": "yes" } : {};

  const findJob = (ctx: RequestContext): JobRecord => {
    const job = store.job(Number(ctx.pathParams.id));
    if (!job) throw notFound();
    ctx.annotate({ jobId: job.id, ...(job.runnerId !== null ? { runnerId: job.runnerId } : {}) });
    return job;
  };

  return [
    {
      method: "POST",
      path: "/api/v4/jobs/request",
      endpoint: "jobs/request",
      kind: "api",
      handler: async (ctx) => {
        const params = ctx.params();
        const token = runnerTokenOf(ctx.req, params);
        const systemId = optString(params, "system_id") || LEGACY_SYSTEM_ID;
        const lastUpdate = optString(params, "last_update");
        const info = optRunnerInfo(params);
        optObject(params, "session");
        const runner = authenticateRunner(store, token);
        ctx.annotate({ runnerId: runner.id, systemId });
        store.upsertManager(runner, systemId, {
          contact: true,
          ipAddress: clientIp(ctx.req),
          ...(info ? { info } : {}),
        });
        const features = info && optObject(info, "features");
        const twoPhaseCommit = features?.two_phase_job_commit === true;

        let parked = false;
        let woken = false;
        let claimed = false;
        try {
          for (;;) {
            // A client that hung up must not be handed a job it will never run.
            if (ctx.signal.aborted) return empty(204, pollingHeaders);
            // The manager may have been unregistered while this poll was parked.
            const manager = store.findManager(runner.id, systemId);
            const job = manager && store.claimJob(runner, manager, twoPhaseCommit);
            if (job) {
              claimed = true;
              ctx.annotate({ jobId: job.id });
              return json(201, buildJobPayload(job, runner, ctx.baseUrl, config.now()), pollingHeaders);
            }
            const version = store.queue.current(runner.id);
            if (parked || config.longPollMs <= 0 || lastUpdate !== version) {
              return empty(204, { "X-GitLab-Last-Update": version, ...pollingHeaders });
            }
            parked = true;
            woken = (await store.queue.wait(runner.id, config.longPollMs, ctx.signal)) === "changed";
            if (store.runner(runner.id) !== runner) throw forbidden();
          }
        } finally {
          // A job is offered to one parked poll only; if that poll took none, the next one gets the offer.
          if (woken && !claimed) store.reofferPendingJobs();
        }
      },
    },
    {
      method: "PUT",
      path: "/api/v4/jobs/:id",
      endpoint: "jobs/update",
      kind: "api",
      handler: (ctx) => {
        const params = ctx.params();
        const token = jobTokenOf(ctx.req, params);
        const state = optEnum(params, "state", REPORTED_STATES);
        if (state === undefined) throw badRequest("state is missing");
        const failureReason = optString(params, "failure_reason");
        const exitCode = optInt(params, "exit_code");
        const output = optObject(params, "output") ?? {};
        const checksum = optString(output, "checksum") ?? optString(params, "checksum");
        const bytesize = optInt(output, "bytesize", { min: 0 });
        const job = findJob(ctx);
        if (token !== job.token) throw forbidden();
        applyJobUpdate(
          job,
          {
            state,
            ...(failureReason !== undefined ? { failureReason } : {}),
            ...(exitCode !== undefined ? { exitCode } : {}),
            ...(checksum !== undefined ? { checksum } : {}),
            ...(bytesize !== undefined ? { bytesize } : {}),
          },
          config.now(),
        );
        return empty(200, jobHeaders(job));
      },
    },
    {
      method: "PATCH",
      path: "/api/v4/jobs/:id/trace",
      endpoint: "jobs/trace",
      kind: "api",
      handler: (ctx) => {
        // The body is raw log bytes, so the token can only come from a header.
        const token = jobTokenOf(ctx.req, {});
        const range = parseContentRange(ctx.req.headers["content-range"]);
        const job = findJob(ctx);
        if (token !== job.token) throw forbidden();
        const size = ctx.body.length;
        if (range.end !== range.start + size - 1 && range.end !== range.start + size) {
          throw badRequest("Content-Range does not match the body size");
        }
        appendTrace(job, range.start, ctx.body, config.now());
        return empty(202, { Range: `0-${job.traceLength}`, ...jobHeaders(job) });
      },
    },
  ];
}
