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
  return new SecretScrubber().scrub(value, secrets);
}

// Characters tokens are made of; JSON.stringify leaves them as they are.
const TOKEN_RUN = /[A-Za-z0-9_.-]+/g;
const TOKEN_ONLY = /^[A-Za-z0-9_.-]+$/;

/**
 * scrubSecrets for a stream of values: the secrets are indexed once (until they change), and each value is
 * scanned once, by looking up the token-like words in it, instead of once per secret. With 1,000 runner
 * tokens the per-secret scan took ~2 ms per request, and a burst of requests queued behind it for seconds.
 */
export class SecretScrubber {
  private source: readonly string[] | undefined;
  private key: string | undefined;
  // Secrets made of token characters, found by lookup; lengths longest first so a longer secret wins.
  private tokens = new Set<string>();
  private lengths: number[] = [];
  // Anything else (a chosen admin token with other characters), JSON-encoded, found by a plain search.
  private others: string[] = [];

  /** `secrets`: passing the same array again (unchanged) skips even comparing its content. */
  scrub<T>(value: T, secrets: Iterable<string>): T {
    this.prepare(secrets);
    const text = JSON.stringify(value);
    if (text === undefined || (this.tokens.size === 0 && this.others.length === 0)) return value;
    let out = "";
    let copiedUpTo = 0;
    for (const run of text.matchAll(TOKEN_RUN)) {
      const word = run[0];
      if (word.length < (this.lengths.at(-1) ?? Infinity)) continue;
      for (let at = 0; at < word.length;) {
        const length = this.lengths.find((n) => at + n <= word.length && this.tokens.has(word.slice(at, at + n)));
        if (length === undefined) {
          at += 1;
          continue;
        }
        out += `${text.slice(copiedUpTo, run.index + at)}${REDACTED}`;
        at += length;
        copiedUpTo = run.index + at;
      }
    }
    let scrubbed = copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
    for (const secret of this.others) if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
    return scrubbed === text ? value : (JSON.parse(scrubbed) as T);
  }

  private prepare(secrets: Iterable<string>): void {
    if (secrets === this.source) return;
    const list = [...secrets];
    this.source = Array.isArray(secrets) ? secrets : undefined;
    const key = list.join("\n");
    if (key === this.key) return;
    this.key = key;
    // Scrubbing short strings would mangle unrelated text, and real tokens are long.
    const usable = list.filter((secret) => secret.length >= MIN_SCRUB_LENGTH);
    this.tokens = new Set(usable.filter((secret) => TOKEN_ONLY.test(secret)));
    this.lengths = [...new Set([...this.tokens].map((secret) => secret.length))].sort((a, b) => b - a);
    this.others = usable
      .filter((secret) => !TOKEN_ONLY.test(secret))
      .map((secret) => JSON.stringify(secret).slice(1, -1))
      .sort((a, b) => b.length - a.length);
  }
}
