import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { stringify } from "yaml";
import { chartRoot } from "../../../src/paths.js";
import { RENDER_DEFAULTS } from "../../../src/testing/render.js";
import { helmBinary } from "../../../src/testing/helm-binary.js";

/** NOTES as `helm install` prints them (helm template does not render NOTES.txt; helm 4 dry-runs offline). */
export async function notesOf(values: unknown, namespace: string = RENDER_DEFAULTS.namespace): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "fleet-notes-"));
  try {
    const file = join(dir, "values.yaml");
    await writeFile(file, stringify(values));
    const { stdout } = await execa(helmBinary(4), [
      "install",
      RENDER_DEFAULTS.releaseName,
      chartRoot,
      "-n",
      namespace,
      "--dry-run=client",
      "-f",
      file,
    ]);
    return stdout.slice(stdout.indexOf("NOTES:"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
