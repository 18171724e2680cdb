import { describe, expect, it } from "vitest";
import { SecretScrubber } from "../../../src/mock-gitlab/redact.js";

describe("SecretScrubber", () => {
  it("replaces secrets inside longer words, secrets with other characters, and the longer of two nested secrets", () => {
    const scrubber = new SecretScrubber();
    const secrets = ["glrt-abcdef123456", "glrt-abcdef123456XYZ", 'my admin "secret"!', "abc"];
    const value = {
      a: "x=glrt-abcdef123456;y",
      b: ["prefixglrt-abcdef123456XYZsuffix"],
      c: 'say my admin "secret"! now',
      d: "abc stays",
    };
    expect(scrubber.scrub(value, secrets)).toEqual({
      a: "x=[REDACTED];y",
      b: ["prefix[REDACTED]suffix"],
      c: "say [REDACTED] now",
      d: "abc stays",
    });
  });

  it("returns the value itself when nothing matches, and picks up secrets added later", () => {
    const scrubber = new SecretScrubber();
    const value = { token: "glrt-later000000000" };
    expect(scrubber.scrub(value, ["glrt-first000000000"])).toBe(value);
    expect(scrubber.scrub(value, ["glrt-first000000000", "glrt-later000000000"])).toEqual({ token: "[REDACTED]" });
  });
});
