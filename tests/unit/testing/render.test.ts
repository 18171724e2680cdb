import { describe, expect, it } from "vitest";
import { parseManifests } from "../../../src/testing/render.js";

// parseManifests reads helm's output; the chart's own renders only ever take the happy path, so the
// shapes that must fail (or be dropped) are spelled out here.
describe("parseManifests", () => {
  it("drops empty documents (a template that renders nothing) and keeps the objects in order", () => {
    const yaml = [
      "---",
      "# Source: gitlab-runner-fleet/templates/pdb.yaml",
      "---",
      "# Source: gitlab-runner-fleet/templates/configmap.yaml",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: a",
      "---",
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: b",
      "",
    ].join("\n");
    expect(parseManifests(yaml).map((obj) => `${obj.kind}/${obj.metadata.name}`)).toEqual(["ConfigMap/a", "Secret/b"]);
    expect(parseManifests("")).toEqual([]);
  });

  it("reads YAML 1.2 core: timestamps stay strings, `<<` is an ordinary key, 0o17 is octal", () => {
    const [obj] = parseManifests(
      "kind: ConfigMap\nmetadata:\n  name: a\ndata:\n  at: 2001-12-14t21:59:43.10-05:00\n  base: &b {x: '1'}\n  merged:\n    <<: *b\n  mode: 0o17\n  on: yes\n",
    );
    expect(obj?.data).toEqual({
      at: "2001-12-14t21:59:43.10-05:00",
      base: { x: "1" },
      merged: { "<<": { x: "1" } },
      mode: 15,
      on: "yes",
    });
  });

  it("rejects a duplicated key as invalid YAML, naming where", () => {
    const yaml = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n";
    expect(() => parseManifests(yaml)).toThrow(/^helm produced invalid YAML: duplicated mapping key \(6:3\)/);
  });

  it("rejects broken YAML, naming where", () => {
    const yaml = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n";
    expect(() => parseManifests(yaml)).toThrow(/^helm produced invalid YAML: .*\(5:1\)/);
  });
});
