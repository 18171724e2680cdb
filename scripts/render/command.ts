// The logic of `npm run render` (scripts/render.ts) as a function of its arguments and output
// streams, returning the exit status: tests/unit/render-cli.test.ts runs its error paths in-process,
// where each costs milliseconds instead of a Node start-up, module loading and a schema compile.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Document, parseDocument } from "yaml";
import { jobClusterPairing } from "../../src/job-cluster.js";
import { mergeValues } from "../../src/values/merge.js";
import { validateValues } from "../../src/values/validate.js";
import { renderChart, RenderError } from "../../src/testing/render.js";

export const USAGE =
  "usage: npm run --silent render -- -f clusters/base.yaml -f clusters/<cluster>.yaml [--helm 3|4] [--out file]\n" +
  "       npm run --silent render -- -f <job-cluster values> --release <name> -n <namespace> --pair <API server URL> [--out file]";
const HELM_VERSIONS = ["3", "4"] as const;

/** Where the command writes: stdout carries only the output YAML, stderr everything else. */
export interface RenderIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Thrown by `fail` once the problems are printed; the command returns its status. */
class Exit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

type Fail = (lines: string[], status?: number) => never;

/** Runs the render command; returns the exit status (0 ok, 1 bad input, 2 bad usage). */
export async function renderCommand(argv: string[], io: RenderIO): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof Exit) return error.status;
    throw error;
  }
}

async function run(argv: string[], io: RenderIO): Promise<void> {
  /** Prints the problems and stops: no stack trace, the exit status says it failed. */
  const fail: Fail = (lines, status = 1) => {
    for (const line of lines) io.stderr(`${line}\n`);
    throw new Exit(status);
  };

  const args = readArgs(argv, fail);
  const files = args.file ?? [];
  if (files.length === 0) fail([USAGE], 2);
  const helm = HELM_VERSIONS.find((v) => v === args.helm);
  if (helm === undefined) fail([`render: --helm ${args.helm}: not a supported helm version (use 3 or 4)`, USAGE], 2);

  // Later files win, as with helm -f.
  const values = files.reduce<unknown>((merged, file) => mergeValues(merged, readValues(file, fail)), {});
  const result = validateValues(values);
  if (!result.valid) {
    fail([`${files.join(" + ")}: ${result.errors.length} problem(s):`, ...result.errors.map((e) => `- ${e}`)]);
  }
  if (args.pair !== undefined) {
    if (!args.release || !args.namespace)
      fail(
        [
          "render: --pair needs --release and -n of the job-cluster install (they name its ServiceAccount and Secret)",
          USAGE,
        ],
        2,
      );
    try {
      const pairing = await jobClusterPairing(values, {
        releaseName: args.release,
        namespace: args.namespace,
        host: args.pair,
        helm: helm === "4" ? 4 : 3,
      });
      const doc = new Document(pairing.values);
      doc.commentBefore = [
        ` Manager-side values for job-cluster release ${args.release} (namespace ${args.namespace}) at ${args.pair}.`,
        " First make the Secret they name: read CA and token from the job cluster, create it in the manager's (no command prints a secret):",
        ...pairing.secret.commands.map((command) => `   ${command}`),
        ...(pairing.secret.longLived
          ? []
          : [" The token expires: request a new one and replace the Secret before then."]),
        " Then give each runner entry its GitLab token (token.value or token.existingSecret).",
      ].join("\n");
      const text = doc.toString({ lineWidth: 0 });
      if (args.out) {
        writeFileSync(args.out, text);
        io.stderr(`wrote the manager-side values to ${args.out}\n`);
      } else {
        io.stdout(text);
      }
    } catch (error) {
      if (error instanceof RenderError) fail([error.stderr.trim()]);
      fail([`render: --pair: ${error instanceof Error ? error.message : String(error)}`]);
    }
    return;
  }
  try {
    const rendered = await renderChart(values, {
      helm: helm === "4" ? 4 : 3,
      ...(args.release ? { releaseName: args.release } : {}),
      ...(args.namespace ? { namespace: args.namespace } : {}),
    });
    if (args.out) {
      writeFileSync(args.out, rendered.yaml);
      io.stderr(`wrote ${rendered.objects.length} objects to ${args.out}\n`);
    } else {
      io.stdout(rendered.yaml);
    }
  } catch (error) {
    if (error instanceof RenderError) fail([error.stderr.trim()]);
    fail([`render: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function readArgs(argv: string[], fail: Fail) {
  try {
    return parseArgs({
      args: argv,
      options: {
        file: { type: "string", short: "f", multiple: true },
        helm: { type: "string", default: "3" },
        out: { type: "string", short: "o" },
        release: { type: "string" },
        namespace: { type: "string", short: "n" },
        pair: { type: "string" },
      },
    }).values;
  } catch (error) {
    // node:util's messages name the option ("Unknown option '--hlem'"); the rest is a hint of its own.
    const message = (error as Error).message.split(/\. To specify/)[0] ?? String(error);
    return fail([`render: ${message}`, USAGE], 2);
  }
}

/** One values file as data; a missing file or bad YAML names the file (and line:column). */
function readValues(file: string, fail: Fail): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : ((error as Error).message ?? code);
    return fail([`${file}: cannot read the values file: ${reason}`]);
  }
  const doc = parseDocument(text);
  // The first YAML error is the real one; later ones are usually its consequences.
  const [error] = doc.errors;
  if (error) {
    const at = error.linePos?.[0];
    const message = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return fail([`${file}${at ? `:${at.line}:${at.col}` : ""}: invalid YAML: ${message}`]);
  }
  const values: unknown = doc.toJS() ?? {};
  if (typeof values !== "object" || Array.isArray(values)) {
    return fail([
      `${file}: the values file must be a YAML mapping (key: value), not ${Array.isArray(values) ? "a list" : "a single value"}`,
    ]);
  }
  return values;
}
