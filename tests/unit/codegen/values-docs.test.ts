import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { sectionKeys } from "../../../scripts/codegen/readme-table.js";
import { VALUE_SECTIONS } from "../../../scripts/codegen/sections.js";
import { wrap } from "../../../scripts/codegen/values-yaml.js";
import { chartRoot } from "../../../src/paths.js";
import { loadSchema } from "../../../src/schema/load.js";
import { validateValues } from "../../../src/values/validate.js";

const valuesYaml = readFileSync(join(chartRoot, "values.yaml"), "utf8");

describe("generated values.yaml", () => {
  it("wraps comments at 100 columns", () => {
    const long = valuesYaml.split("\n").filter((line) => line.trimStart().startsWith("#") && line.length > 100);
    expect(long).toEqual([]);
  });

  it("wraps at spaces and keeps a word longer than the width whole", () => {
    expect(wrap("aa bb cc", 5)).toEqual(["aa bb", "cc"]);
    expect(wrap("a https://example.com/very/long b", 10)).toEqual(["a", "https://example.com/very/long", "b"]);
  });

  it("shows a commented-out runner entry above runners that, uncommented, is valid", () => {
    const lines = valuesYaml.split("\n");
    const start = lines.indexOf("# runners:");
    const end = lines.indexOf("runners: []");
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const example = parse(
      lines
        .slice(start, end)
        .map((line) => line.replace(/^# ?/, ""))
        .join("\n"),
    ) as { runners: unknown[] };
    expect(example.runners).toHaveLength(1);
    expect(validateValues({ gitlabUrl: "https://gitlab.example.com", ...example }).errors).toEqual([]);
  });
});

describe("README values sections", () => {
  it("puts every top-level key in exactly one section", () => {
    const listed = [...sectionKeys(loadSchema()).values()].flat().sort();
    expect(listed).toEqual(Object.keys(loadSchema().properties ?? {}).sort());
  });

  it("names a key missing from the sections, one listed twice, and one the schema lacks", () => {
    const sections = [
      {
        title: "A",
        keys: VALUE_SECTIONS.flatMap((section) => section.keys)
          .filter((key) => key !== "tests")
          .concat("gitlabUrl", "nope"),
      },
    ];
    expect(() => sectionKeys(loadSchema(), sections)).toThrow(
      /gitlabUrl is listed in both[\s\S]*nope \(section "A"\) is not a top-level key[\s\S]*tests is in no section/,
    );
  });
});
