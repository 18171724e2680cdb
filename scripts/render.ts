// Validates and renders the chart for one cluster: the base values plus an override file.
//   npm run --silent render -- -f clusters/staging.yaml [--helm 3|4] [--out rendered.yaml]
// stdout carries only the rendered YAML; everything else goes to stderr as one line per problem,
// never a stack trace. (`--silent` keeps npm's own "> script" banner out of stdout.)
// With --pair <API server URL>, the values files are a job-cluster install's (jobCluster.enabled) and
// stdout carries instead the manager-side values that pair with it (src/job-cluster.ts):
//   npm run --silent render -- -f job-cluster.yaml --release ci-jobs -n ci-jobs --pair https://203.0.113.1:6443
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Document, parseDocument } from "yaml";
import { jobClusterPairing } from "../src/job-cluster.js";
import { mergeValues } from "../src/values/merge.js";
import { validateValues } from "../src/values/validate.js";
import { renderChart, RenderError } from "../src/testing/render.js";

const USAGE =
  "usage: npm run --silent render -- -f clusters/base.yaml -f clusters/<cluster>.yaml [--helm 3|4] [--out file]\n" +
  "       npm run --silent render -- -f <job-cluster values> --release <name> -n <namespace> --pair <API server URL> [--out file]";
const HELM_VERSIONS = ["3", "4"] as const;

/** Prints the problems and stops: no stack trace, the exit status says it failed. */
function fail(lines: string[], status = 1): never {
  for (const line of lines) console.error(line);
  process.exit(status);
}

function readArgs() {
  try {
    return parseArgs({
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
function readValues(file: string): unknown {
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

const args = readArgs();
const files = args.file ?? [];
if (files.length === 0) fail([USAGE], 2);
const helm = HELM_VERSIONS.find((v) => v === args.helm);
if (helm === undefined) fail([`render: --helm ${args.helm}: not a supported helm version (use 3 or 4)`, USAGE], 2);

// Later files win, as with helm -f.
const values = files.reduce<unknown>((merged, file) => mergeValues(merged, readValues(file)), {});
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
      console.error(`wrote the manager-side values to ${args.out}`);
    } else {
      process.stdout.write(text);
    }
  } catch (error) {
    if (error instanceof RenderError) fail([error.stderr.trim()]);
    fail([`render: --pair: ${error instanceof Error ? error.message : String(error)}`]);
  }
  process.exit(0);
}
try {
  const rendered = await renderChart(values, {
    helm: helm === "4" ? 4 : 3,
    ...(args.release ? { releaseName: args.release } : {}),
    ...(args.namespace ? { namespace: args.namespace } : {}),
  });
  if (args.out) {
    writeFileSync(args.out, rendered.yaml);
    console.error(`wrote ${rendered.objects.length} objects to ${args.out}`);
  } else {
    process.stdout.write(rendered.yaml);
  }
} catch (error) {
  if (error instanceof RenderError) fail([error.stderr.trim()]);
  fail([`render: ${error instanceof Error ? error.message : String(error)}`]);
}
