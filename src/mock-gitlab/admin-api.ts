import { requireAdmin } from "./auth.js";
import type { Handler, MockDeps, RequestContext, Route } from "./context.js";
import { empty, json, notFound } from "./http.js";
import { paginate } from "./pagination.js";
import { optBool, optEnum, optTagList } from "./params.js";
import { parseCreateRunner, parseRunnerAttributes, RUNNER_TYPES } from "./runner-params.js";
import { contactStatus } from "./status.js";
import type { RunnerRecord } from "./types.js";
import { adminManager, adminRunner, adminRunnerDetails } from "./views.js";

const STATUS_FILTERS = ["online", "offline", "stale", "never_contacted", "active", "paused"] as const;

/**
 * The subset of GitLab's REST API (Runners API, `POST /user/runners`) that real clients such as gitbeaker
 * use to set up and inspect runners. Every call needs the admin `PRIVATE-TOKEN`.
 */
export function adminApiRoutes({ store, config }: MockDeps): Route[] {
  const admin =
    (handler: Handler): Handler =>
    (ctx) => {
      requireAdmin(ctx.req, config);
      return handler(ctx);
    };

  const findRunner = (ctx: RequestContext): RunnerRecord => {
    const runner = store.runner(Number(ctx.pathParams.id));
    if (!runner) throw notFound("Runner");
    ctx.annotate({ runnerId: runner.id });
    return runner;
  };

  // Grape merges query and body parameters; body values win.
  const allParams = (ctx: RequestContext) => ({ ...ctx.query, ...ctx.params() });

  return [
    {
      method: "POST",
      path: "/api/v4/user/runners",
      endpoint: "admin/user/runners",
      kind: "api",
      handler: admin((ctx) => {
        const runner = store.createRunner(parseCreateRunner(allParams(ctx)));
        ctx.annotate({ runnerId: runner.id });
        return json(201, { id: runner.id, token: runner.token, token_expires_at: null });
      }),
    },
    {
      method: "GET",
      path: "/api/v4/runners/all",
      endpoint: "admin/runners/all",
      kind: "api",
      handler: admin((ctx) => {
        const now = config.now();
        const type = optEnum(ctx.query, "type", RUNNER_TYPES);
        const status = optEnum(ctx.query, "status", STATUS_FILTERS);
        const paused = optBool(ctx.query, "paused");
        const tags = optTagList(ctx.query, "tag_list");
        const runners = store.allRunners().filter((r) => {
          if (type !== undefined && r.runnerType !== type) return false;
          if (paused !== undefined && r.paused !== paused) return false;
          if (tags !== undefined && !tags.every((t) => r.tagList.includes(t))) return false;
          if (status === "active") return !r.paused;
          if (status === "paused") return r.paused;
          return status === undefined || contactStatus(r.createdAt, r.contactedAt, now) === status;
        });
        const url = new URL(ctx.req.url ?? "/", ctx.baseUrl);
        const { page, headers } = paginate(runners, ctx.query, url);
        return json(
          200,
          page.map((r) => adminRunner(r, store, now)),
          headers,
        );
      }),
    },
    {
      method: "GET",
      path: "/api/v4/runners/:id",
      endpoint: "admin/runners/show",
      kind: "api",
      handler: admin((ctx) => json(200, adminRunnerDetails(findRunner(ctx), store, config.now()))),
    },
    {
      method: "PUT",
      path: "/api/v4/runners/:id",
      endpoint: "admin/runners/edit",
      kind: "api",
      handler: admin((ctx) => {
        const patch = parseRunnerAttributes(allParams(ctx));
        const runner = store.updateRunner(findRunner(ctx), patch);
        return json(200, adminRunnerDetails(runner, store, config.now()));
      }),
    },
    {
      method: "DELETE",
      path: "/api/v4/runners/:id",
      endpoint: "admin/runners/remove",
      kind: "api",
      handler: admin((ctx) => {
        store.deleteRunner(findRunner(ctx));
        return empty(204);
      }),
    },
    {
      method: "GET",
      path: "/api/v4/runners/:id/managers",
      endpoint: "admin/runners/managers",
      kind: "api",
      handler: admin((ctx) => {
        const runner = findRunner(ctx);
        const now = config.now();
        return json(
          200,
          store.managersOf(runner.id).map((m) => adminManager(m, store, now)),
        );
      }),
    },
  ];
}
