import { HttpError } from "./http.js";
import type { JobRecord, JobState } from "./types.js";

export type FinalState = "success" | "failed";
export type RunnerReportedState = "running" | FinalState;

export interface JobUpdate {
  state: RunnerReportedState;
  failureReason?: string;
  exitCode?: number;
  checksum?: string;
  bytesize?: number;
}

const FINISHED: readonly JobState[] = ["success", "failed", "canceled"];

export const isFinished = (job: JobRecord): boolean => FINISHED.includes(job.state);

/** Rails answers 403 with `Job-Status` for jobs no runner is processing; the runner aborts on that header. */
const notProcessing = (job: JobRecord): HttpError =>
  new HttpError(403, "403 Forbidden - Job is not processing on runner", { "Job-Status": job.state });

/**
 * Applies `PUT /jobs/:id`: the two-phase-commit ack (`running` on a pending job), keep-alives, and the final
 * `success`/`failed`. A job being canceled gracefully ends as `canceled` whatever the runner reports.
 */
export function applyJobUpdate(job: JobRecord, update: JobUpdate, now: Date): void {
  if (job.runnerId === null) throw notProcessing(job);
  if (isFinished(job)) {
    // The runner retries a final update whose answer it never saw; the same state again is harmless.
    if (update.state === job.state) return;
    throw notProcessing(job);
  }
  if (update.checksum !== undefined) job.reportedChecksum = update.checksum;
  if (update.bytesize !== undefined) job.reportedBytesize = update.bytesize;
  if (update.state === "running") {
    job.acknowledged = true;
    if (job.state === "pending") {
      job.state = "running";
      job.startedAt = now;
    }
    return;
  }
  job.startedAt ??= now;
  job.finishedAt = now;
  if (job.state === "canceling") {
    job.state = "canceled";
    return;
  }
  job.state = update.state;
  if (update.state === "failed") {
    job.failureReason = update.failureReason ?? "unknown_failure";
    job.exitCode = update.exitCode ?? null;
  } else {
    job.exitCode = update.exitCode ?? 0;
  }
}

/** Appends one `PATCH /jobs/:id/trace` chunk. A wrong start offset is a 416 carrying the stored length. */
export function appendTrace(job: JobRecord, start: number, data: Buffer, now: Date): void {
  if (job.runnerId === null || isFinished(job)) throw notProcessing(job);
  if (start !== job.traceLength) {
    throw new HttpError(416, "416 Range Not Satisfiable", { Range: `0-${job.traceLength}`, "Job-Status": job.state });
  }
  // Runners before the two-phase commit never send the ack PUT; their first trace starts the job.
  if (job.state === "pending") {
    job.state = "running";
    job.startedAt = now;
  }
  if (data.length > 0) {
    job.traceChunks.push(data);
    job.traceLength += data.length;
  }
}

/**
 * Cancels like GitLab: a job no runner has yet is canceled at once; a job on a runner becomes `canceling`
 * so the next PUT/PATCH answer tells the runner to stop gracefully, unless `force` cancels it outright.
 */
export function cancelJob(job: JobRecord, force: boolean, now: Date): void {
  if (isFinished(job)) throw new HttpError(409, `409 Conflict - job is already ${job.state}`);
  if (job.runnerId === null || force) {
    job.state = "canceled";
    job.finishedAt = now;
    return;
  }
  job.state = "canceling";
}
