// Validates and renders the chart for one cluster: the base values plus an override file.
//   npm run --silent render -- -f clusters/staging.yaml [--helm 3|4] [--out rendered.yaml]
// stdout carries only the rendered YAML; everything else goes to stderr as one line per problem,
// never a stack trace. (`--silent` keeps npm's own "> script" banner out of stdout.)
// With --pair <API server URL>, the values files are a job-cluster install's (jobCluster.enabled) and
// stdout carries instead the manager-side values that pair with it (src/job-cluster.ts):
//   npm run --silent render -- -f job-cluster.yaml --release ci-jobs -n ci-jobs --pair https://203.0.113.1:6443
// The logic is in scripts/render/command.ts, so tests can run it in-process.
import { renderCommand } from "./render/command.js";

process.exitCode = await renderCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
