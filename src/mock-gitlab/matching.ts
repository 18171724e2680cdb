import type { JobRecord, RunnerRecord } from "./types.js";

/**
 * GitLab's job-to-runner matching: a tagged job needs a runner carrying every one of its tags, an untagged
 * job needs `run_untagged`, and paused runners get nothing. Project/group scoping is not modelled: the mock
 * has a single project that every runner may serve.
 */
export function runnerCanPick(runner: RunnerRecord, job: Pick<JobRecord, "tags">): boolean {
  if (runner.paused) return false;
  if (job.tags.length === 0) return runner.runUntagged;
  return job.tags.every((tag) => runner.tagList.includes(tag));
}
