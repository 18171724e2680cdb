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

// The spellings Grape's Boolean coercion (dry-types Params::Bool) accepts; Python clients send `True`/`False`.
const TRUE_STRINGS = new Set(["1", "on", "On", "ON", "t", "true", "True", "TRUE", "T", "y", "yes", "Yes", "YES", "Y"]);
const FALSE_STRINGS = new Set([
  "0",
  "off",
  "Off",
  "OFF",
  "f",
  "false",
  "False",
  "FALSE",
  "F",
  "n",
  "no",
  "No",
  "NO",
  "N",
]);

export function optBool(params: Params, key: string): boolean | undefined {
  const value = params[key];
  // Grape treats an empty string as an absent non-string parameter.
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && TRUE_STRINGS.has(value)) return true;
  if (typeof value === "string" && FALSE_STRINGS.has(value)) return false;
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
