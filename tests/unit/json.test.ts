import { describe, expect, it } from "vitest";
import { isPlainObject, pointerKeys } from "../../src/json.js";

describe("json helpers", () => {
  it("tell a JSON object from null, arrays and scalars", () => {
    expect([{}, { a: 1 }, null, [], "x", 1, undefined].map(isPlainObject)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("decode JSON pointer keys, ~1 before ~0 (RFC 6901)", () => {
    expect(pointerKeys("")).toEqual([]);
    expect(pointerKeys("/runners/0/a~1b/c~0d/~01")).toEqual(["runners", "0", "a/b", "c~d", "~1"]);
  });
});
