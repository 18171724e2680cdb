import { badRequest } from "./http.js";
import { optInt, type Params } from "./params.js";

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;

/**
 * GitLab offset pagination: `page`/`per_page` in, `X-Total`, `X-Total-Pages`, `X-Page`, `X-Per-Page`,
 * `X-Next-Page`, `X-Prev-Page` and `Link` out. gitbeaker follows `Link: rel="next"` to fetch every page.
 */
export function paginate<T>(
  items: readonly T[],
  query: Params,
  requestUrl: URL,
): { page: T[]; headers: Record<string, string> } {
  const requestedPage = optInt(query, "page") ?? 1;
  const requestedPerPage = optInt(query, "per_page") ?? DEFAULT_PER_PAGE;
  if (requestedPage < 1) throw badRequest("page is invalid");
  if (requestedPerPage < 1) throw badRequest("per_page is invalid");
  const perPage = Math.min(requestedPerPage, MAX_PER_PAGE);
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const page = requestedPage;
  const start = (page - 1) * perPage;
  const next = page < totalPages ? page + 1 : null;
  const prev = page > 1 ? Math.min(page - 1, totalPages) : null;

  const link = (p: number): string => {
    const url = new URL(requestUrl.toString());
    url.searchParams.set("page", String(p));
    url.searchParams.set("per_page", String(perPage));
    return url.toString();
  };
  const links = [
    ...(prev !== null ? [`<${link(prev)}>; rel="prev"`] : []),
    ...(next !== null ? [`<${link(next)}>; rel="next"`] : []),
    `<${link(1)}>; rel="first"`,
    `<${link(totalPages)}>; rel="last"`,
  ];
  return {
    page: items.slice(start, start + perPage),
    headers: {
      "X-Total": String(total),
      "X-Total-Pages": String(totalPages),
      "X-Page": String(page),
      "X-Per-Page": String(perPage),
      "X-Next-Page": next === null ? "" : String(next),
      "X-Prev-Page": prev === null ? "" : String(prev),
      Link: links.join(", "),
    },
  };
}
