import { describe, it } from "vitest";
import { renderOnce } from "../render-once.js";
import { validateValues } from "../../../src/values/validate.js";
import { helmAnswers, helmError } from "./helm-error.js";
import { badCases, goodCases } from "./values-cases.js";

/** runners[0].kubernetes.image → ["runners", "0", "kubernetes", "image"] */
const segments = (path: string) => path.replace(/\[(\d+)\]/g, ".$1").split(".");

/**
 * helm 3 names the parent as runners.0.kubernetes, helm 4 as /runners/0/kubernetes; the key itself
 * appears in the message in both. Raw helm text differs between versions, so only the path is
 * asserted.
 */
function helmNames(stderr: string, helm: 3 | 4, path: string, by: "schema" | "semantic") {
  if (by === "semantic") return stderr.includes(path);
  const parts = segments(path);
  const key = parts.at(-1) ?? "";
  const parent = parts.slice(0, -1);
  const parentText = helm === 3 ? parent.join(".") : `/${parent.join("/")}`;
  return stderr.includes(key) && (parent.length === 0 || stderr.includes(parentText));
}

// Schema cases: one helm process per helm version answers them all (helm-error.ts).
const helmSaid = helmAnswers(badCases);

// Concurrent: each case is a few helm processes, independent of the others; concurrent tests take
// expect from their own context so a failure is reported against the right case.
describe.concurrent("bad values", () => {
  it("has at least 30 cases", ({ expect }) => expect(badCases.length).toBeGreaterThanOrEqual(30));

  it.for(badCases.map((badCase) => [badCase.title, badCase.path, badCase] as const))(
    "rejects %s, naming %s",
    async ([, path, badCase], { expect }) => {
      const result = validateValues(badCase.values);
      expect(result.valid).toBe(false);
      expect(result.errors.join("\n")).toContain(path);
      for (const helm of [3, 4] as const) {
        const stderr = await helmSaid(badCase, helm);
        expect(stderr, `helm ${helm} accepted the values`).toBeDefined();
        expect(helmNames(stderr ?? "", helm, path, badCase.by), `helm ${helm} said:\n${stderr}`).toBe(true);
      }
    },
  );

  it("reports every problem at once", async ({ expect }) => {
    const values = {
      gitlabUrl: "https://gitlab.example.com",
      runners: [
        { name: "a", token: { value: "glrt-FAKE0" }, kubernetes: { privileged: true } },
        { name: "a", token: { value: "glrt-FAKE1" }, configTemplate: "url = 'x'" },
      ],
    };
    const expected = ["runners[0].kubernetes.allowPrivilegeEscalation", "runners[1].name", "runners[1].configTemplate"];
    const tsErrors = validateValues(values).errors.join("\n");
    for (const helm of [3, 4] as const) {
      const stderr = await helmError(values, helm);
      expect(stderr).toContain("3 problem(s)");
      for (const path of expected) expect(stderr).toContain(path);
    }
    for (const path of expected) expect(tsErrors).toContain(path);
  });
});

describe.concurrent("good values", () => {
  it("has at least 10 cases", ({ expect }) => expect(goodCases.length).toBeGreaterThanOrEqual(10));

  it.for(goodCases)("accepts $title", async ({ values }, { expect }) => {
    expect(validateValues(values).errors).toEqual([]);
    for (const helm of [3, 4] as const) {
      const { objects } = await renderOnce(values, { helm });
      expect(objects.some((obj) => obj.kind === "StatefulSet")).toBe(true);
    }
  });
});
