import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { stringify } from "yaml";
import { chartRoot } from "../../../src/paths.js";
import { helmBinary } from "../../../src/testing/helm-binary.js";
import { RenderError } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";

/** helm's stderr for values it must refuse; a render that succeeds fails the calling test. */
export async function helmError(values: unknown, helm: 3 | 4): Promise<string> {
  try {
    await renderOnce(values, { helm });
  } catch (error) {
    if (error instanceof RenderError) return error.stderr;
    throw error;
  }
  throw new Error(`helm ${helm} accepted the values`);
}

export const caseAlias = (index: number) => `case-${index}`;

/**
 * An umbrella chart in dir with the packaged chart (as its users get it: .helmignore applied) as a
 * dependency once per values, aliased case-0, case-1, …, each with those values.
 */
export async function writeUmbrellaChart(dir: string, valuesList: unknown[], helm: 3 | 4): Promise<void> {
  const { stdout } = await execa(helmBinary(helm), ["package", chartRoot, "-d", join(dir, "charts")]);
  const version = /gitlab-runner-fleet-(\S+)\.tgz/.exec(stdout)?.[1];
  if (!version) throw new Error(`helm package printed no chart archive: ${stdout}`);
  const dependencies = valuesList.map((_, i) => ({ name: "gitlab-runner-fleet", version, alias: caseAlias(i) }));
  await writeFile(join(dir, "Chart.yaml"), stringify({ apiVersion: "v2", name: "cases", version, dependencies }));
  await writeFile(join(dir, "values.yaml"), stringify(Object.fromEntries(valuesList.map((v, i) => [caseAlias(i), v]))));
}

const SCHEMA_ERROR = "Error: values don't meet the specifications of the schema(s) in the following chart(s):";

/**
 * What helm's schema check says of each of many values, from one helm process: an umbrella chart
 * holds the packaged chart once per values (aliases case-0, case-1, …), and helm checks every
 * dependency's values against its values.schema.json before rendering anything, reporting all of
 * them, each under its alias. One process instead of one per values (~0.1 s cpu each, most of it
 * helm's start). An entry reads as helm's message for those values alone (without the line naming
 * the chart), or is undefined when helm found nothing wrong with them. Only for schema problems:
 * the chart's own checks `fail` while rendering, which stops at the first.
 */
export async function helmSchemaErrors(valuesList: unknown[], helm: 3 | 4): Promise<(string | undefined)[]> {
  const dir = await mkdtemp(join(tmpdir(), "fleet-schema-cases-"));
  try {
    await writeUmbrellaChart(dir, valuesList, helm);
    const result = await execa(helmBinary(helm), ["template", "cases", dir], { reject: false });
    const sections: (string | undefined)[] = valuesList.map(() => undefined);
    if (result.exitCode === 0) return sections;
    const [first, ...lines] = result.stderr.trim().split("\n");
    if (first !== SCHEMA_ERROR) throw new Error(`helm ${helm} failed, but not at the schema check:\n${result.stderr}`);
    let current: number | undefined;
    for (const line of lines) {
      const header = /^case-(\d+):$/.exec(line);
      if (header) current = Number(header[1]);
      else if (current !== undefined) sections[current] = `${sections[current] ?? `${first}\n`}${line}\n`;
    }
    return sections;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What helm says of each of a fixed list of bad values: the schema cases (`by: "schema"`) from one
 * helmSchemaErrors run per helm version, made when a test first asks, the others from a render each
 * (the chart's own checks stop helm at the first failure). undefined: helm accepted the values.
 */
export function helmAnswers<Case extends { values: unknown; by: "schema" | "semantic" }>(
  cases: Case[],
): (badCase: Case, helm: 3 | 4) => Promise<string | undefined> {
  const schemaCases = cases.filter((badCase) => badCase.by === "schema");
  const runs = new Map<3 | 4, Promise<(string | undefined)[]>>();
  return async (badCase, helm) => {
    if (badCase.by !== "schema") return helmError(badCase.values, helm);
    let errors = runs.get(helm);
    if (!errors) {
      errors = helmSchemaErrors(
        schemaCases.map((schemaCase) => schemaCase.values),
        helm,
      );
      runs.set(helm, errors);
    }
    return (await errors)[schemaCases.indexOf(badCase)];
  };
}
