import type { Route } from "./context.js";

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: "found"; route: Route; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.path
        .split("/")
        .map((segment) => {
          if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(segment.slice(1));
          return "(\\d+)";
        })
        .join("/");
      this.routes.push({ route, pattern: new RegExp(`^${source}$`), names });
    }
    return this;
  }

  match(method: string, pathname: string): RouteMatch {
    // GitLab's API answers `/api/v4/runners/` like `/api/v4/runners`; some clients build paths that way.
    const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    const allowed: string[] = [];
    for (const { route, pattern, names } of this.routes) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const pathParams: Record<string, string> = {};
      names.forEach((name, i) => {
        pathParams[name] = m[i + 1] ?? "";
      });
      return { kind: "found", route, pathParams };
    }
    return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  }
}
