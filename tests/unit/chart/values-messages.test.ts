// What a user reads for common mistakes, from ajv/TS and from helm 3 and helm 4.
import { describe, expect, it } from "vitest";
import { renderChart, RenderError } from "../../../src/render.js";
import { validateValues } from "../../../src/values/validate.js";
import { messageCases } from "./values-cases.js";

async function helmError(values: unknown, helm: 3 | 4): Promise<string> {
  try {
    await renderChart(values, { helm });
  } catch (error) {
    if (error instanceof RenderError) return error.stderr;
    throw error;
  }
  throw new Error(`helm ${helm} accepted the values`);
}

describe("error messages", () => {
  it.each(messageCases)("$title", async ({ values, ts, helm3, helm4, by }) => {
    const errors = validateValues(values).errors.join("\n");
    for (const text of ts) expect(errors).toContain(text);
    for (const [helm, expected] of [[3, helm3], [4, helm4]] as const) {
      const stderr = await helmError(values, helm);
      for (const text of expected) expect(stderr, `helm ${helm} said:\n${stderr}`).toContain(text);
      // A schema problem reads as a values error, not as a template crash with a --debug hint.
      if (by === "schema") expect(stderr).not.toMatch(/execution error|Use --debug flag/);
    }
  });
});
