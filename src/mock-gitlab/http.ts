import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";

/** What a handler answers. `json` bodies always go out as `application/json` (docs/runner-contract.md, Transport: the runner decodes nothing else). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
}

/** Thrown by handlers for any non-2xx answer; the router turns it into a GitLab-style `{message}` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? statusLine(status));
  }
}

/** The client went away before its request was complete; there is nobody left to answer. */
export class ClientGoneError extends Error {
  constructor() {
    super("client closed the connection before the request was complete");
  }
}

/** GitLab's error messages start with the status line, e.g. `403 Forbidden`. */
export const statusLine = (status: number): string => `${status} ${STATUS_CODES[status] ?? "Unknown"}`;

export const badRequest = (detail: string): HttpError => new HttpError(400, `400 Bad request - ${detail}`);
export const forbidden = (detail?: string): HttpError =>
  new HttpError(403, detail ? `403 Forbidden - ${detail}` : "403 Forbidden");
export const notFound = (what?: string): HttpError =>
  new HttpError(404, what ? `404 ${what} Not Found` : "404 Not Found");

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  json: body,
  ...(headers ? { headers } : {}),
});

export const empty = (status: number, headers?: Record<string, string>): Reply => ({
  status,
  ...(headers ? { headers } : {}),
});

/** Reads the whole body, refusing more than `limit` bytes so one bad client cannot exhaust memory. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        reject(new HttpError(413, `413 Request Entity Too Large - body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    req.on("error", () => {
      if (settled) return;
      settled = true;
      reject(new ClientGoneError());
    });
    // A client that disconnects mid-body must not leave the handler waiting forever.
    req.on("close", () => {
      if (settled) return;
      settled = true;
      reject(new ClientGoneError());
    });
  });
}

/**
 * Parses a request body into a parameter object. JSON is what runners and gitbeaker send; form encoding is
 * accepted too because GitLab's API takes it (curl -d). An empty body is an empty object, as in Grape.
 */
export function parseParams(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (body.length === 0) return {};
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/x-www-form-urlencoded") {
    return formToParams(new URLSearchParams(body.toString("utf8")));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw badRequest("request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** `tag_list[]=a&tag_list[]=b` (gitbeaker, Rails) becomes an array; repeated plain keys keep the last value. */
export function formToParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [rawKey, value] of search) {
    if (rawKey.endsWith("[]")) {
      const key = rawKey.slice(0, -2);
      const current = params[key];
      params[key] = Array.isArray(current) ? [...(current as unknown[]), value] : [value];
    } else {
      params[rawKey] = value;
    }
  }
  return params;
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.json !== undefined && reply.status !== 204) {
    payload = JSON.stringify(reply.json);
    headers["Content-Type"] = "application/json";
  }
  headers["Content-Length"] = String(payload === undefined ? 0 : Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Rails reports IPv4 clients as plain dotted quads, not as IPv4-mapped IPv6. */
export function clientIp(req: IncomingMessage): string | null {
  const address = req.socket.remoteAddress;
  if (!address) return null;
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}
