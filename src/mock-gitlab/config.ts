import { adminToken, registrationToken } from "./tokens.js";
import type { MockGitLabOptions, ResolvedConfig } from "./types.js";

const DEFAULT_REQUEST_LOG_LIMIT = 1000;
// The runner sends at most 1 MiB of trace per PATCH; JSON bodies are far smaller.
const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

function nonNegativeInt(name: string, value: number | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

function nonEmpty(name: string, value: string | undefined, fallback: () => string): string {
  if (value === undefined) return fallback();
  if (typeof value !== "string" || value.trim() === "") throw new TypeError(`${name} must be a non-empty string`);
  return value;
}

/** Fills in defaults and rejects nonsense early, at start-up rather than on the first request. */
export function resolveConfig(options: MockGitLabOptions = {}): ResolvedConfig {
  const port = nonNegativeInt("port", options.port, 0);
  if (port > 65535) throw new RangeError(`port must be <= 65535, got ${port}`);
  const interval = options.traceUpdateIntervalSeconds;
  return {
    port,
    host: options.host ?? "127.0.0.1",
    adminToken: nonEmpty("adminToken", options.adminToken, adminToken),
    registrationToken: nonEmpty("registrationToken", options.registrationToken, registrationToken),
    extraRegistrationTokens: (options.extraRegistrationTokens ?? []).map((t, i) =>
      nonEmpty(`extraRegistrationTokens[${i}]`, t, () => ""),
    ),
    legacyRegistration: options.legacyRegistration ?? true,
    longPollMs: nonNegativeInt("longPollMs", options.longPollMs, 0),
    tokenExpiresInSeconds:
      options.tokenExpiresInSeconds === undefined
        ? null
        : nonNegativeInt("tokenExpiresInSeconds", options.tokenExpiresInSeconds, 0, 1),
    traceUpdateIntervalSeconds:
      interval === undefined ? null : nonNegativeInt("traceUpdateIntervalSeconds", interval, 0, 1),
    requestLogLimit: nonNegativeInt("requestLogLimit", options.requestLogLimit, DEFAULT_REQUEST_LOG_LIMIT, 1),
    maxBodyBytes: nonNegativeInt("maxBodyBytes", options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 1),
    logger: options.logger ?? null,
    now: options.now ?? (() => new Date()),
  };
}
