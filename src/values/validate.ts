import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse as parseYaml } from "yaml";
import type { Values } from "../generated/values.js";
import { pointerKeys } from "../json.js";
import { chartRoot } from "../paths.js";
import { loadSchema } from "../schema/load.js";
import { mergeValues } from "./merge.js";
import { semanticProblems } from "./semantic-checks.js";

const addFormats = addFormatsModule.default;

export interface ValidationResult {
  valid: boolean;
  /** Every problem, each starting with the offending key path (e.g. `runners[0].kubernetes.image`). */
  errors: string[];
  /** The values after merging over the chart defaults, as helm sees them. */
  merged: unknown;
}

let compiled: ReturnType<Ajv["compile"]> | undefined;

function schemaValidator() {
  if (!compiled) {
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      allowUnionTypes: true,
    });
    addFormats(ajv);
    compiled = ajv.compile(loadSchema());
  }
  return compiled;
}

/** `/runners/0/kubernetes` → `runners[0].kubernetes`, the form helm users write in --set. */
function dotted(pointer: string): string {
  return pointerKeys(pointer).reduce(
    (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
    "",
  );
}

/** A oneOf whose branches are bare `required` lists: "exactly one of these keys". */
function exactlyOneOf(error: ErrorObject): string[] | undefined {
  const branches = (error.parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf;
  if (!Array.isArray(branches)) return undefined;
  const keys = branches.map((b) => (b as { required?: string[] }).required ?? []);
  return keys.every((k, i) => k.length === 1 && Object.keys(branches[i] as object).length === 1)
    ? keys.flat()
    : undefined;
}

function describe(error: ErrorObject): string | undefined {
  const at = dotted(error.instancePath);
  const join = (key: string) => (at ? `${at}.${key}` : key);
  // The missing keys of the "exactly one of" branches: the oneOf error itself says it better.
  if (/\/oneOf\/\d+\/required$/.test(error.schemaPath)) return undefined;
  // The token-kind hint branch (else/then under runners[].token): folded into the pattern message below.
  if (/\/token\/allOf\/\d+\/else\/then\//.test(error.schemaPath)) return undefined;
  switch (error.keyword) {
    case "oneOf": {
      const keys = exactlyOneOf(error);
      return keys ? `${at}: set exactly one of ${keys.join(" or ")}` : `${at || "(root)"}: ${error.message}`;
    }
    case "pattern":
      if (error.params.pattern === "^glrt-" && at.endsWith(".token.value")) {
        return `${at}: an authentication token starts with glrt-; for a legacy registration token set ${at.replace(/\.value$/, ".kind")}: registration`;
      }
      return `${at || "(root)"}: ${error.message}`;
    case "additionalProperties":
      return `${join(String(error.params.additionalProperty))}: unknown key (not in values.schema.json)`;
    case "required":
      return `${join(String(error.params.missingProperty))}: required`;
    case "if":
      return undefined; // the failing then/else branch already reported the real problem
    case "not":
      return `${at}: not allowed here: ${String((error.parentSchema as { description?: string })?.description ?? "see values.schema.json")}`;
    default:
      return `${at || "(root)"}: ${error.message}`;
  }
}

let chartDefaults: unknown;

/** The chart's values.yaml, which helm merges under every user's values. */
export function defaultValues(): unknown {
  chartDefaults ??= parseYaml(readFileSync(join(chartRoot, "values.yaml"), "utf8"));
  return structuredClone(chartDefaults);
}

/**
 * Validates user values the way `helm install` does — merged over values.yaml, checked against
 * values.schema.json — plus the chart's own cross-field checks. Reports every problem at once.
 */
export function validateValues(values: unknown): ValidationResult {
  const merged = mergeValues(defaultValues(), values ?? {});
  const validate = schemaValidator();
  if (!validate(merged)) {
    const errors = [...new Set((validate.errors ?? []).map(describe).filter((e): e is string => Boolean(e)))];
    return { valid: false, errors, merged };
  }
  const errors = semanticProblems(merged as Values);
  return { valid: errors.length === 0, errors, merged };
}

/** Validates and throws one error listing every problem. */
export function assertValidValues(values: unknown): Values {
  const result = validateValues(values);
  if (!result.valid) {
    throw new Error(`invalid gitlab-runner-fleet values:\n- ${result.errors.join("\n- ")}`);
  }
  return result.merged as Values;
}

/** Identity with a type: `export default defineValues({ gitlabUrl: …, runners: [...] })`. */
export function defineValues<T extends Partial<Values>>(values: T): T {
  return values;
}
