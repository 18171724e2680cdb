import { parse as parseToml } from "smol-toml";
import { isPlainObject } from "../json.js";
import { loadRunnerConfigModel, type RunnerConfigModel } from "./runner-config-model.js";

/**
 * Decodes a parsed config.toml (or one [[runners]] entry) against the pinned runner's config
 * model, as the runner's TOML decoder (BurntSushi/toml) would: keys match case-insensitively when
 * no key matches exactly; integers and floats are distinct; a duration is a Go duration string
 * (or integer nanoseconds). Unlike the runner, it reports keys the runner would silently ignore.
 * templates/_validate_config_template.tpl implements the same rules with the same messages.
 *
 * Parse the TOML with `integersAsBigInt: true` (see parseRunnerToml), or 4.0 and 4 look alike.
 */
export function runnerConfigProblems(
  document: unknown,
  options: { type?: string; skipKeys?: string[]; model?: RunnerConfigModel } = {},
): string[] {
  const model = options.model ?? loadRunnerConfigModel();
  const problems: string[] = [];
  const checker = new Checker(model, problems);
  checker.check(options.type ?? model.root, document, "", new Set(options.skipKeys));
  return problems;
}

/** smol-toml with the integer/float distinction the checker needs. */
export function parseRunnerToml(text: string): Record<string, unknown> {
  return parseToml(text, { integersAsBigInt: true }) as Record<string, unknown>;
}

const MAX_SAFE_FLOAT64_INT = 2n ** 53n - 1n;
const MAX_SAFE_FLOAT32_INT = 2n ** 24n - 1n;
const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  int8: [-(2n ** 7n), 2n ** 7n - 1n],
  int16: [-(2n ** 15n), 2n ** 15n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
};
/** time.ParseDuration's grammar. */
const GO_DURATION = /^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$/;
/** time.Time's UnmarshalText: RFC 3339. */
const RFC3339 = /^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$/;
const DURATION_EXAMPLE = 'a duration such as "90s" or "1h30m"';

const EXPECTED: Record<string, string> = {
  string: "a string",
  text: "a string",
  bool: "a boolean",
  int: "an integer",
  float: "a number",
  float32: "a number",
  duration: DURATION_EXAMPLE,
  time: "a datetime",
  stringOrArray: "a string or an array of strings",
};

/** The TOML kind of a parsed value, as the messages name it. */
export function tomlKind(value: unknown): string {
  if (typeof value === "string") return "a string";
  if (typeof value === "bigint") return "an integer";
  if (typeof value === "number") return "a float";
  if (typeof value === "boolean") return "a boolean";
  if (value instanceof Date) return "a datetime";
  if (Array.isArray(value)) return "an array";
  return "a table";
}

const isTable = (value: unknown): value is Record<string, unknown> => isPlainObject(value) && !(value instanceof Date);

/** A key as TOML writes it in a dotted path: bare when it can be, else quoted. */
export function keySegment(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/** Sorted as helm ranges over a map, so both checkers report in one order. */
const sortedKeys = (table: Record<string, unknown>) => Object.keys(table).sort();

const child = (path: string, key: string) => (path ? `${path}.${keySegment(key)}` : keySegment(key));

class Checker {
  constructor(
    private readonly model: RunnerConfigModel,
    private readonly problems: string[],
  ) {}

  private report(path: string, message: string) {
    this.problems.push(`${path}: ${message}`);
  }

  check(type: string, value: unknown, path: string, skipKeys = new Set<string>()): void {
    if (type.startsWith("[]")) {
      if (!Array.isArray(value)) return this.report(path, `expected an array, got ${tomlKind(value)}`);
      value.forEach((item, index) => this.check(type.slice(2), item, `${path}[${index}]`));
      return;
    }
    if (type.startsWith("{}")) {
      if (!isTable(value)) return this.report(path, `expected a table, got ${tomlKind(value)}`);
      for (const key of sortedKeys(value)) this.check(type.slice(2), value[key], child(path, key));
      return;
    }
    const fields = this.model.types[type];
    if (fields) return this.checkStruct(type, fields, value, path, skipKeys);
    this.checkScalar(type, value, path);
  }

  private checkStruct(
    type: string,
    fields: Record<string, string>,
    value: unknown,
    path: string,
    skipKeys: Set<string>,
  ) {
    if (!isTable(value)) return this.report(path, `expected a table, got ${tomlKind(value)}`);
    const exact = this.model.exactCase[type] === true;
    const seen = new Map<string, string>();
    for (const key of sortedKeys(value)) {
      if (skipKeys.has(key)) continue;
      const item = value[key];
      const field = Object.hasOwn(fields, key)
        ? key
        : exact
          ? undefined
          : Object.keys(fields).find((name) => name.toLowerCase() === key.toLowerCase());
      const at = child(path, key);
      if (field === undefined) {
        this.report(
          at,
          `unknown key (gitlab-runner ${this.model.runner.version} has no such setting and would ignore it)`,
        );
        continue;
      }
      const other = seen.get(field);
      if (other !== undefined) {
        this.report(
          at,
          `sets the same setting as ${child(path, other)} (the runner matches keys case-insensitively, and which of the two wins is random)`,
        );
      }
      seen.set(field, key);
      this.check(fields[field] ?? "any", item, at);
    }
    for (const key of this.model.required[type] ?? []) {
      if (!Object.hasOwn(value, key)) this.report(child(path, key), "required");
    }
  }

  private checkScalar(type: string, value: unknown, path: string) {
    const kind = tomlKind(value);
    const mismatch = () => this.report(path, `expected ${EXPECTED[type] ?? "an integer"}, got ${kind}`);
    switch (type) {
      case "any":
        return;
      case "never":
        return this.report(path, "the runner cannot decode any value here");
      case "string":
      case "bool":
        if (kind !== EXPECTED[type]) mismatch();
        return;
      case "text":
        if (Array.isArray(value) || isTable(value)) mismatch();
        return;
      case "stringOrArray":
        if (Array.isArray(value)) return this.check("[]string", value, path);
        if (typeof value !== "string") mismatch();
        return;
      case "float":
      case "float32": {
        const limit = type === "float" ? MAX_SAFE_FLOAT64_INT : MAX_SAFE_FLOAT32_INT;
        if (typeof value === "bigint" && (value > limit || value < -limit)) {
          return this.report(
            path,
            `${value} cannot be stored exactly in a ${type === "float" ? "float64" : "float32"}`,
          );
        }
        if (typeof value !== "bigint" && typeof value !== "number") mismatch();
        return;
      }
      case "duration":
        if (typeof value === "bigint") return;
        if (typeof value !== "string") return mismatch();
        if (!GO_DURATION.test(value)) this.report(path, `${JSON.stringify(value)} is not ${DURATION_EXAMPLE}`);
        return;
      case "time":
        if (value instanceof Date) return;
        if (typeof value !== "string") return mismatch();
        if (!RFC3339.test(value)) this.report(path, `${JSON.stringify(value)} is not an RFC 3339 datetime`);
        return;
    }
    if (type === "int" || type in INTEGER_RANGES) {
      if (typeof value !== "bigint") return mismatch();
      const range = INTEGER_RANGES[type];
      if (range && (value < range[0] || value > range[1])) this.report(path, `${value} is out of range for ${type}`);
      return;
    }
    this.report(path, `unknown model type ${JSON.stringify(type)}`);
  }
}
