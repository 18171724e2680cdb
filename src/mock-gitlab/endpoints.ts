/**
 * Stable names for every GitLab API route the mock serves. Faults and the request log refer to routes by
 * these names, so tests do not depend on URL shapes (and `jobs/update` covers every job id).
 */
export const RUNNER_ENDPOINTS = [
  "runners", // POST /runners (legacy registration)
  "runners/verify",
  "runners/delete", // DELETE /runners
  "runners/managers", // DELETE /runners/managers
  "runners/reset_authentication_token",
  "jobs/request",
  "jobs/update", // PUT /jobs/:id
  "jobs/trace", // PATCH /jobs/:id/trace
] as const;

export const ADMIN_ENDPOINTS = [
  "admin/user/runners",
  "admin/runners/all",
  "admin/runners/show",
  "admin/runners/edit",
  "admin/runners/remove",
  "admin/runners/managers",
] as const;

export const API_ENDPOINTS: readonly string[] = [...RUNNER_ENDPOINTS, ...ADMIN_ENDPOINTS];

/** Endpoint name used in logs for paths that match no route. */
export const UNKNOWN_ENDPOINT = "unknown";
