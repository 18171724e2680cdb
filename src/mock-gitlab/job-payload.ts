import type { JobRecord, RunnerRecord } from "./types.js";

// The mock models a single project; these only need to be stable and of the right Go type.
const PROJECT_ID = 1;
const PROJECT_NAME = "mock-project";
const PROJECT_PATH = "mock-group/mock-project";
const NAMESPACE_ID = 1;
const ZERO_SHA = "0".repeat(40);

interface JobVariable {
  key: string;
  value: string;
  public: boolean;
  file: boolean;
  masked: boolean;
}

const variable = (key: string, value: string, opts: { public?: boolean; masked?: boolean } = {}): JobVariable => ({
  key,
  value,
  public: opts.public ?? true,
  file: false,
  masked: opts.masked ?? false,
});

/** The job timeout GitLab hands out: the job's own, capped by the runner's `maximum_timeout`. */
export function effectiveTimeout(job: JobRecord, runner: RunnerRecord): number {
  return runner.maximumTimeout === null ? job.timeout : Math.min(job.timeout, runner.maximumTimeout);
}

function variables(job: JobRecord, runner: RunnerRecord, baseUrl: string, timeout: number): JobVariable[] {
  const list: JobVariable[] = [
    variable("CI", "true"),
    variable("GITLAB_CI", "true"),
    variable("CI_SERVER_URL", baseUrl),
    variable("CI_JOB_ID", String(job.id)),
    variable("CI_JOB_NAME", job.name),
    variable("CI_JOB_STAGE", job.stage),
    variable("CI_JOB_TOKEN", job.token, { public: false, masked: true }),
    variable("CI_JOB_TIMEOUT", String(timeout)),
    variable("CI_PIPELINE_ID", String(job.id)),
    variable("CI_PROJECT_ID", String(PROJECT_ID)),
    variable("CI_PROJECT_NAME", PROJECT_NAME),
    variable("CI_PROJECT_PATH", PROJECT_PATH),
    variable("CI_COMMIT_SHA", ZERO_SHA),
    variable("CI_COMMIT_REF_NAME", "main"),
    variable("CI_RUNNER_ID", String(runner.id)),
    variable("CI_RUNNER_TAGS", JSON.stringify(runner.tagList)),
    // No repository exists behind the mock, so the runner must not try to fetch one.
    variable("GIT_STRATEGY", "none"),
  ];
  // A job's own variables replace predefined ones in place (e.g. a test that wants GIT_STRATEGY=empty).
  for (const [key, value] of Object.entries(job.variables)) {
    const existing = list.find((v) => v.key === key);
    if (existing) existing.value = value;
    else list.push(variable(key, value));
  }
  return list;
}

/**
 * The 201 body of `POST /jobs/request` (gitlab-runner `spec.Job`). Go decodes it strictly, so every type
 * is exact: integer ids, string variable values, float `time_in_queue_seconds`, string
 * `project_jobs_running_on_instance_runners_count`, and no `run` key at all (`""` fails the whole decode).
 * Fields that runners before 19.x do not know are ignored by them.
 */
export function buildJobPayload(
  job: JobRecord,
  runner: RunnerRecord,
  baseUrl: string,
  now: Date,
): Record<string, unknown> {
  const timeout = effectiveTimeout(job, runner);
  const steps: Record<string, unknown>[] = [
    { name: "script", script: job.script, timeout, when: "on_success", allow_failure: false },
  ];
  if (job.afterScript.length > 0) {
    steps.push({ name: "after_script", script: job.afterScript, timeout, when: "always", allow_failure: true });
  }
  return {
    id: job.id,
    token: job.token,
    allow_git_fetch: false,
    job_info: {
      name: job.name,
      stage: job.stage,
      project_id: PROJECT_ID,
      project_name: PROJECT_NAME,
      project_full_path: PROJECT_PATH,
      pipeline_id: job.id,
      namespace_id: NAMESPACE_ID,
      root_namespace_id: NAMESPACE_ID,
      organization_id: 1,
      user_id: 1,
      scoped_user_id: null,
      time_in_queue_seconds: Math.max(0, (now.getTime() - job.createdAt.getTime()) / 1000),
      project_jobs_running_on_instance_runners_count: "0",
      queue_size: 0,
      queue_depth: 0,
    },
    git_info: {
      repo_url: `${baseUrl}/${PROJECT_PATH}.git`,
      repo_object_format: "sha1",
      ref: "main",
      sha: ZERO_SHA,
      before_sha: ZERO_SHA,
      ref_type: "branch",
      refspecs: [],
      depth: 0,
    },
    runner_info: { timeout },
    variables: variables(job, runner, baseUrl, timeout),
    steps,
    image: { name: job.image },
    services: job.services.map((name) => ({ name })),
    artifacts: [],
    cache: [],
    credentials: [],
    dependencies: [],
    features: { trace_sections: true, failure_reasons: job.failureReasons },
  };
}
