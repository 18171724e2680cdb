import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Random alphanumeric string; the modulo bias is irrelevant for test credentials. */
export function randomAlnum(length: number): string {
  let out = "";
  for (const byte of randomBytes(length)) out += ALPHABET.charAt(byte % ALPHABET.length);
  return out;
}

/** The runner decides between the new and the legacy workflow with a plain `HasPrefix("glrt-")`. */
export const createdRunnerToken = (): string => `glrt-${randomAlnum(20)}`;
/** Legacy registered runners get a token without the `glrt-` prefix, so they unregister with `DELETE /runners`. */
export const legacyRunnerToken = (): string => randomAlnum(20);
export const jobToken = (): string => `glcbt-${randomAlnum(20)}`;
export const adminToken = (): string => `glpat-${randomAlnum(20)}`;
export const registrationToken = (): string => `GR1348941${randomAlnum(20)}`;
/** Same shape as the runner's own correlation ids (32 hex chars). */
export const requestId = (): string => randomBytes(16).toString("hex");
