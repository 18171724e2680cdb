import { at, field, index, isObject, show } from "./paths.js";

// A tiny strict schema language for the custom resources that have no typed model here.
// It is deliberately closed: a key it does not list is reported, like `additionalProperties: false`.

export type Shape =
  | { readonly t: "string"; readonly enum?: readonly string[]; readonly pattern?: RegExp }
  | { readonly t: "integer"; readonly min?: number; readonly max?: number }
  | { readonly t: "boolean" }
  | { readonly t: "intOrString" }
  | { readonly t: "array"; readonly items: Shape }
  | { readonly t: "map"; readonly values: Shape }
  | {
      readonly t: "object";
      readonly props: Readonly<Record<string, Shape>>;
      readonly required?: readonly string[];
      /** Unknown keys are left to another check (e.g. ObjectMeta, checked by client-node). */
      readonly open?: boolean;
    };

export const str = (extra: { enum?: readonly string[]; pattern?: RegExp } = {}): Shape => ({ t: "string", ...extra });
export const int = (extra: { min?: number; max?: number } = {}): Shape => ({ t: "integer", ...extra });
export const bool: Shape = { t: "boolean" };
export const intOrString: Shape = { t: "intOrString" };
export const list = (items: Shape): Shape => ({ t: "array", items });
export const map = (values: Shape): Shape => ({ t: "map", values });
export const obj = (props: Record<string, Shape>, required: readonly string[] = [], open = false): Shape => ({
  t: "object",
  props,
  required,
  open,
});

export function checkShape(value: unknown, shape: Shape, path: string, problems: string[]): void {
  const fail = (message: string): void => void problems.push(`${at(path)}: ${message}, got ${show(value)}`);
  switch (shape.t) {
    case "string":
      if (typeof value !== "string") return fail("must be string");
      if (shape.enum && !shape.enum.includes(value)) return fail(`must be one of ${shape.enum.join(", ")}`);
      if (shape.pattern && !shape.pattern.test(value)) return fail(`must match ${shape.pattern.source}`);
      return;
    case "integer":
      if (!Number.isInteger(value)) return fail("must be integer");
      if (shape.min !== undefined && (value as number) < shape.min) return fail(`must be >= ${shape.min}`);
      if (shape.max !== undefined && (value as number) > shape.max) return fail(`must be <= ${shape.max}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") fail("must be boolean");
      return;
    case "intOrString":
      if (typeof value !== "string" && !Number.isInteger(value)) fail("must be integer or string");
      return;
    case "array":
      if (!Array.isArray(value)) return fail("must be array");
      value.forEach((item, i) => checkShape(item, shape.items, index(path, i), problems));
      return;
    case "map":
      if (!isObject(value)) return fail("must be object");
      for (const [key, item] of Object.entries(value)) checkShape(item, shape.values, field(path, key), problems);
      return;
    case "object":
      if (!isObject(value)) return fail("must be object");
      for (const key of shape.required ?? []) {
        if (value[key] === undefined) problems.push(`${field(path, key)}: missing required field`);
      }
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        const child = shape.props[key];
        if (child) checkShape(item, child, field(path, key), problems);
        else if (!shape.open) problems.push(`${field(path, key)}: unknown field`);
      }
      return;
  }
}
