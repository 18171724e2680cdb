import { authenticateRunner, runnerTokenOf } from "./auth.js";
import type { MockDeps, Route } from "./context.js";
import { clientIp, empty, forbidden, HttpError, json } from "./http.js";
import { optString, reqString } from "./params.js";
import { optRunnerInfo, parseRunnerAttributes } from "./runner-params.js";

/** Runner registration and unregistration calls (docs/runner-contract.md: Registration and verification, Unregistering). */
export function runnerApiRoutes({ store, config }: MockDeps): Route[] {
  /**
   * `token_expires_at: null` keeps runners from rotating their token against the mock (docs/runner-contract.md, Tokens and identities);
   * with tokenExpiresInSeconds the runner rotates at 75 % of that lifetime.
   */
  const tokenExpiresAt = (): string | null =>
    config.tokenExpiresInSeconds === null
      ? null
      : new Date(config.now().getTime() + config.tokenExpiresInSeconds * 1000).toISOString();
  const registrationDetails = (runner: { id: number; token: string }) => ({
    id: runner.id,
    token: runner.token,
    token_expires_at: tokenExpiresAt(),
  });
  return [
    {
      method: "POST",
      path: "/api/v4/runners",
      endpoint: "runners",
      kind: "api",
      handler: (ctx) => {
        const params = ctx.params();
        const token = runnerTokenOf(ctx.req, params);
        const attributes = parseRunnerAttributes(params);
        const info = optRunnerInfo(params);
        if (token !== config.registrationToken && !config.extraRegistrationTokens.includes(token ?? ""))
          throw forbidden();
        if (!config.legacyRegistration) throw new HttpError(410, "410 Gone - runner registration disallowed");
        const runner = store.createRunner({
          ...attributes,
          runnerType: "instance_type",
          registrationType: "registration_token",
          ...(info ? { info } : {}),
        });
        ctx.annotate({ runnerId: runner.id });
        return json(201, registrationDetails(runner));
      },
    },
    {
      method: "POST",
      path: "/api/v4/runners/verify",
      endpoint: "runners/verify",
      kind: "api",
      handler: (ctx) => {
        const params = ctx.params();
        const token = runnerTokenOf(ctx.req, params);
        const systemId = optString(params, "system_id");
        const info = optRunnerInfo(params);
        const runner = authenticateRunner(store, token);
        ctx.annotate({ runnerId: runner.id, ...(systemId ? { systemId } : {}) });
        // Registering a manager is not a heartbeat: GitLab lists it as never contacted until it polls.
        if (systemId) {
          store.upsertManager(runner, systemId, {
            contact: false,
            ipAddress: clientIp(ctx.req),
            ...(info ? { info } : {}),
          });
        }
        return json(200, registrationDetails(runner));
      },
    },
    {
      method: "DELETE",
      path: "/api/v4/runners",
      endpoint: "runners/delete",
      kind: "api",
      handler: (ctx) => {
        const runner = authenticateRunner(store, runnerTokenOf(ctx.req, ctx.params()));
        ctx.annotate({ runnerId: runner.id });
        store.deleteRunner(runner);
        return empty(204);
      },
    },
    {
      method: "DELETE",
      path: "/api/v4/runners/managers",
      endpoint: "runners/managers",
      kind: "api",
      handler: (ctx) => {
        const params = ctx.params();
        const token = runnerTokenOf(ctx.req, params);
        const systemId = reqString(params, "system_id");
        const runner = authenticateRunner(store, token);
        ctx.annotate({ runnerId: runner.id, systemId });
        const manager = store.findManager(runner.id, systemId);
        if (!manager) throw new HttpError(404, "404 Runner manager not found");
        store.deleteManager(manager);
        return empty(204);
      },
    },
    {
      method: "POST",
      path: "/api/v4/runners/reset_authentication_token",
      endpoint: "runners/reset_authentication_token",
      kind: "api",
      handler: (ctx) => {
        const runner = authenticateRunner(store, runnerTokenOf(ctx.req, ctx.params()));
        ctx.annotate({ runnerId: runner.id });
        const token = store.resetRunnerToken(runner);
        return json(201, { token, token_expires_at: tokenExpiresAt() });
      },
    },
  ];
}
