// Shared by every checker so that all messages name fields the same way:
// `spec.template.spec.containers[0].name`, `metadata.labels["app.kubernetes.io/name"]`.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

export function field(path: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** Turns an ajv JSON pointer (`/spec/ports/0/port`) into our path notation. */
export function fromPointer(pointer: string, root: unknown): string {
  let path = "";
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    // Numeric segments are array indexes only when the node really is an array:
    // a label key may be made of digits.
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      path = index(path, Number(key));
      node = node[Number(key)];
    } else {
      path = field(path, key);
      node = isObject(node) ? node[key] : undefined;
    }
  }
  return path;
}

export function valueAt(pointer: string, root: unknown): unknown {
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

export function at(path: string): string {
  return path === "" ? "(root)" : path;
}

export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
