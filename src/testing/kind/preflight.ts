// Whether the kind tier can run on this machine. When it cannot, the reason is one line naming exactly what is
// missing, which the suite prints before vitest reports it as skipped.
import { execa } from "execa";
import { locateTool, TOOLS, type ToolSpec } from "./binaries.js";

export type Preflight = { ready: true; docker: string; kind: string } | { ready: false; reason: string };

const missing = (tool: ToolSpec): string => `${tool.name} is not installed (PATH or ${tool.envVar}): ${tool.install}`;

/** Every missing piece at once: the docker client or its engine, and kind. */
export async function kindPreflight(env: NodeJS.ProcessEnv = process.env): Promise<Preflight> {
  const docker = locateTool(TOOLS.docker, env);
  const kind = locateTool(TOOLS.kind, env);
  const problems: string[] = [];
  if (!docker) problems.push(missing(TOOLS.docker));
  else {
    // A docker client without a reachable engine is the usual case on build machines (and this one).
    const info = await execa(docker, ["info", "--format", "{{.ServerVersion}}"], {
      reject: false,
      env,
      timeout: 20_000,
    });
    if (info.exitCode !== 0 || info.stdout.trim() === "") {
      const why = (info.stderr || info.message || "no output").trim().split("\n")[0];
      problems.push(`the Docker engine is not reachable (\`docker info\` failed: ${why})`);
    }
  }
  if (!kind) problems.push(missing(TOOLS.kind));
  if (!docker || !kind || problems.length > 0) return { ready: false, reason: problems.join("; ") };
  return { ready: true, docker, kind };
}
