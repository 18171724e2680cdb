import { ObjectSerializer } from "@kubernetes/client-node/dist/serializer.js";
import { at, field, index, isObject } from "./paths.js";

// kubernetes-models accepts any extra key, so a typo such as `containers[0].imagePullPolcy` would
// pass it. client-node's generated models only copy the attributes they declare, so whatever
// disappears in a deserialize/serialize round trip is a field the API server does not know.
// Maps (labels, data, resources.limits, nodeSelector) are typed `{ [key: string]: T }` and keep
// every key; IntOrString and `any` fields are passed through untouched, so they never vanish.

export function unknownFields(obj: unknown, typeName: string, base = ""): string[] {
  let roundTripped: unknown;
  try {
    roundTripped = ObjectSerializer.serialize(ObjectSerializer.deserialize(obj, typeName), typeName);
  } catch (error) {
    // The serializer throws on some wrong types (an object where a list belongs, an unparsable
    // timestamp). Those are reported by the schema check; say why this check could not run.
    const reason = error instanceof Error ? error.message : String(error);
    return [`${at(base)}: unknown-field check skipped, ${typeName} round trip failed (${reason})`];
  }
  const problems: string[] = [];
  diff(obj, roundTripped, base, problems);
  return problems;
}

function diff(original: unknown, kept: unknown, path: string, problems: string[]): void {
  if (Array.isArray(original)) {
    if (!Array.isArray(kept)) return;
    original.forEach((item, i) => diff(item, kept[i], index(path, i), problems));
    return;
  }
  // A scalar where an object belongs is a type error, reported by the schema check.
  if (!isObject(original) || !isObject(kept)) return;
  for (const [key, value] of Object.entries(original)) {
    if (value === undefined) continue;
    const child = field(path, key);
    // hasOwn, not `in`: an unknown key named `constructor` must not be found on the prototype.
    if (!Object.hasOwn(kept, key) || kept[key] === undefined) {
      problems.push(`${child}: unknown field`);
      continue;
    }
    diff(value, kept[key], child, problems);
  }
}
