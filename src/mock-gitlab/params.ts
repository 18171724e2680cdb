import { badRequest } from "./http.js";

/**
 * Typed readers over request parameters. Grape coerces `"true"` and `"42"` (form and query values are always
 * strings), so these do too; anything else of the wrong type is a 400, never a silent default.
 */
export type Params = Record<string, unknown>;

export function optString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${key} is invalid`);
  return value;
}

export function reqString(params: Params, key: string): string {
  const value = optString(params, key);
  if (value === undefined) throw badRequest(`${key} is missing`);
  return value;
}

export function optBool(params: Params, key: string): boolean | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw badRequest(`${key} is invalid`);
}

export function optInt(params: Params, key: string, opts: { min?: number } = {}): number | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^-?\d+$/.test(value)) n = Number(value);
  else throw badRequest(`${key} is invalid`);
  if (!Number.isSafeInteger(n) || (opts.min !== undefined && n < opts.min)) throw badRequest(`${key} is invalid`);
  return n;
}

/** GitLab takes tag lists as arrays or as one comma-separated string (the legacy runner sends the latter). */
export function optTagList(params: Params, key: string): string[] | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  let raw: unknown[];
  if (typeof value === "string") raw = value.split(",");
  else if (Array.isArray(value)) raw = value;
  else throw badRequest(`${key} is invalid`);
  const tags: string[] = [];
  for (const item of raw) {
    if (typeof item !== "string") throw badRequest(`${key} is invalid`);
    const tag = item.trim();
    if (tag !== "" && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

export function optStringArray(params: Params, key: string): string[] | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw badRequest(`${key} must be an array of strings`);
  }
  return value as string[];
}

export function optObject(params: Params, key: string): Params | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest(`${key} is invalid`);
  return value as Params;
}

export function optEnum<T extends string>(params: Params, key: string, allowed: readonly T[]): T | undefined {
  const value = optString(params, key);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw badRequest(`${key} does not have a valid value`);
  return value as T;
}
