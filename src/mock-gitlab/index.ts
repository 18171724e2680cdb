/**
 * A mock GitLab for gitlab-runner 17.9–19.x: the runner API, the admin runners REST API, and a /__mock/
 * control API for tests. It follows the runner ⇄ GitLab contract summarised in docs/runner-contract.md.
 */
export { startMockGitLab, type MockGitLab } from "./server.js";
export { MockGitLabControl, MockGitLabControlError, type WaitForJobOptions } from "./control-client.js";
export { createJsonLineLogger } from "./logger.js";
export { resolveConfig } from "./config.js";
export { ADMIN_ENDPOINTS, API_ENDPOINTS, RUNNER_ENDPOINTS } from "./endpoints.js";
export { ANY_ENDPOINT } from "./faults.js";
export { LEGACY_SYSTEM_ID } from "./job-api.js";
export { DEFAULT_FAILURE_REASONS, MockGitLabStore } from "./store.js";
export { REDACTED } from "./redact.js";
export type * from "./types.js";
