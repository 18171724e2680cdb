import type { IncomingHttpHeaders } from "node:http";

export const REDACTED = "[REDACTED]";

// RUNNER-TOKEN, PRIVATE-TOKEN, JOB-TOKEN, Authorization, Cookie, …
const SECRET_HEADER = /token|authorization|cookie/i;
// `token`, `private_token`, `job_token`, … but not `token_expires_at`.
const SECRET_KEY = /(^|_)token$|password|secret/i;
// Scrubbing short strings would mangle unrelated text, and real tokens are long.
const MIN_SCRUB_LENGTH = 6;

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADER.test(name) ? REDACTED : Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** Replaces the value of every secret-named key, at any depth. */
export function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactDeep(inner);
  }
  return out;
}

/** GitLab also takes `?private_token=`, so query strings are redacted before a path is logged. */
export function redactPath(rawUrl: string): string {
  const q = rawUrl.indexOf("?");
  if (q < 0) return rawUrl;
  const search = new URLSearchParams(rawUrl.slice(q + 1));
  let changed = false;
  for (const key of [...search.keys()]) {
    if (SECRET_KEY.test(key.replace(/\[\]$/, ""))) {
      search.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${rawUrl.slice(0, q)}?${search.toString()}` : rawUrl;
}

/**
 * Second line of defence after key-based redaction: any known secret value that still appears anywhere
 * (a token pasted into a description, a script, a header with an odd name) is replaced.
 */
export function scrubSecrets<T>(value: T, secrets: Iterable<string>): T {
  let text = JSON.stringify(value);
  if (text === undefined) return value;
  let changed = false;
  for (const secret of secrets) {
    if (secret.length < MIN_SCRUB_LENGTH) continue;
    const encoded = JSON.stringify(secret).slice(1, -1);
    if (text.includes(encoded)) {
      text = text.split(encoded).join(REDACTED);
      changed = true;
    }
  }
  return changed ? (JSON.parse(text) as T) : value;
}
