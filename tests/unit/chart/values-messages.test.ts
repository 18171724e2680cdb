// What a user reads for common mistakes, from ajv/TS and from helm 3 and helm 4.
import { describe, it } from "vitest";
import { validateValues } from "../../../src/values/validate.js";
import { helmAnswers } from "./helm-error.js";
import { messageCases } from "./values-cases.js";

// Schema cases: one helm process per helm version answers them all (helm-error.ts).
const helmSaid = helmAnswers(messageCases);

// Concurrent: independent helm processes per case; expect comes from each test's own context.
describe.concurrent("error messages", () => {
  it.for(messageCases.map((messageCase) => [messageCase.title, messageCase] as const))(
    "%s",
    async ([, messageCase], { expect }) => {
      const { values, ts, helm3, helm4, by } = messageCase;
      const errors = validateValues(values).errors.join("\n");
      for (const text of ts) expect(errors).toContain(text);
      for (const [helm, expected] of [
        [3, helm3],
        [4, helm4],
      ] as const) {
        const stderr = await helmSaid(messageCase, helm);
        expect(stderr, `helm ${helm} accepted the values`).toBeDefined();
        for (const text of expected) expect(stderr, `helm ${helm} said:\n${stderr}`).toContain(text);
        // A schema problem reads as a values error, not as a template crash with a --debug hint.
        if (by === "schema") expect(stderr).not.toMatch(/execution error|Use --debug flag/);
      }
    },
  );
});
