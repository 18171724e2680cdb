// Small JSON helpers shared by the values API and the codegen. (src/mock-gitlab stays self-contained:
// its image copies only that folder.)

/** A JSON object: not null, not an array (values, schema nodes, TOML tables, request bodies). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The decoded keys of a JSON pointer (RFC 6901): `/a~1b/0` → ["a/b", "0"]; "" → []. */
export function pointerKeys(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
}
