import { stringify } from "smol-toml";
import { loadRunnerConfigModel } from "../../../src/values/runner-config-model.js";

/** Documents that exercise every key of the runner config model, for tests that compare checkers. */
const model = loadRunnerConfigModel();

export interface Case {
  title: string;
  type: string;
  toml: string;
}

type Segment = { key: string } | "[]";

/** A generated case: one value at one path. */
export interface PathCase extends Case {
  path: Segment[];
  value: unknown;
}

/** A document that holds value at path (a key of a struct, "[]" an array element). */
function documentAt(path: Segment[], value: unknown): Record<string, unknown> {
  let current: unknown = value;
  for (const segment of [...path].reverse()) current = segment === "[]" ? [current] : { [segment.key]: current };
  return current as Record<string, unknown>;
}

const good: Record<string, unknown> = {
  string: "x",
  bool: true,
  int: 7n,
  int8: 7n,
  int16: 7n,
  int32: 7n,
  uint8: 7n,
  uint16: 7n,
  uint32: 7n,
  float: 1.5,
  float32: 1.5,
  duration: "1m30s",
  time: new Date("2026-01-01T00:00:00Z"),
  text: "x",
  stringOrArray: ["a", "b"],
  any: 7n,
};
const bad: Record<string, unknown[]> = {
  string: [7n, ["x"]],
  bool: ["true", 1n],
  int: [1.5, "7"],
  int8: [128n],
  int16: [32768n],
  int32: [2147483648n, 1.5],
  uint8: [-1n, 256n],
  uint16: [65536n],
  uint32: [-1n],
  float: ["1.5", 2n ** 53n, true],
  float32: [2n ** 24n],
  duration: ["1 hour", true, 1.5],
  time: [7n, "tomorrow"],
  stringOrArray: [7n, ["a", 7n]],
};

/** One good and several bad documents for every key the model has (at every path, or at the first path of each struct), plus an unknown key per table. */
export function generatedCases(root: string = model.root, options: { oncePerStruct?: boolean } = {}): PathCase[] {
  const walked = new Set<string>();
  const cases: PathCase[] = [];
  const add = (title: string, path: Segment[], value: unknown) =>
    cases.push({ title, type: root, toml: stringify(documentAt(path, value)), path, value });
  const goodValue = (type: string): unknown => {
    if (type.startsWith("[]")) return [goodValue(type.slice(2))];
    if (type.startsWith("{}")) return { k: goodValue(type.slice(2)) };
    if (model.types[type]) return {};
    return good[type];
  };
  const walk = (type: string, path: Segment[], stack: string[]) => {
    if (type.startsWith("[]")) return walk(type.slice(2), [...path, "[]"], stack);
    if (type.startsWith("{}")) return walk(type.slice(2), [...path, { key: "k" }], stack);
    const fields = model.types[type];
    const at = path.map((s) => (s === "[]" ? "[]" : `.${s.key}`)).join("");
    if (!fields) {
      if (type === "never" || type === "any") return;
      add(`${at} = good ${type}`, path, goodValue(type));
      for (const value of bad[type] ?? []) add(`${at} = ${String(value)} for ${type}`, path, value);
      return;
    }
    // Structs with their own decoder are not rebuilt by decodercheck; the checker tests cover them.
    if (model.exactCase[type] || stack.includes(type)) return;
    // A struct used at several paths (security contexts, label selectors) once is enough for renders.
    if (options.oncePerStruct && walked.has(type)) return;
    walked.add(type);
    add(`${at}.zz_unknown`, [...path, { key: "zz_unknown" }], "x");
    if (path.length > 0) add(`${at} = a string for table ${type}`, path, "x");
    for (const [key, fieldType] of Object.entries(fields)) walk(fieldType, [...path, { key }], [...stack, type]);
  };
  walk(root, [], []);
  return cases;
}

const isPrefix = (a: Segment[], b: Segment[]) =>
  a.length <= b.length && a.every((segment, i) => JSON.stringify(segment) === JSON.stringify(b[i]));

function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return [deepMerge(base[0], over[0])];
  if (
    base &&
    over &&
    typeof base === "object" &&
    typeof over === "object" &&
    !(base instanceof Date) &&
    !(over instanceof Date)
  ) {
    const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(over as Record<string, unknown>))
      merged[key] = key in merged ? deepMerge(merged[key], value) : value;
    return merged;
  }
  return over;
}

/**
 * The cases packed into few documents: cases whose paths do not overlap share a document, so a
 * render with a handful of runner entries covers them all.
 */
export function packedDocuments(cases: PathCase[]): string[] {
  const packs: PathCase[][] = [];
  for (const c of cases) {
    const pack = packs.find((p) => p.every((other) => !isPrefix(other.path, c.path) && !isPrefix(c.path, other.path)));
    if (pack) pack.push(c);
    else packs.push([c]);
  }
  return packs.map((pack) =>
    stringify(
      pack.reduce<unknown>((doc, c) => deepMerge(doc, documentAt(c.path, c.value)), {}) as Record<string, unknown>,
    ),
  );
}
