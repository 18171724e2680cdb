// Validates and renders the chart for one cluster: the base values plus an override file.
//   npm run render -- -f clusters/staging.yaml [--helm 4] [--out rendered.yaml]
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { mergeValues } from "../src/values/merge.js";
import { validateValues } from "../src/values/validate.js";
import { renderChart, RenderError } from "../src/render.js";

const { values: args } = parseArgs({
  options: {
    file: { type: "string", short: "f", multiple: true },
    helm: { type: "string", default: "3" },
    out: { type: "string", short: "o" },
    release: { type: "string" },
    namespace: { type: "string", short: "n" },
  },
});
const files = args.file ?? [];
if (files.length === 0) {
  console.error("usage: npm run render -- -f clusters/base.yaml -f clusters/<cluster>.yaml [--helm 3|4] [--out file]");
  process.exit(2);
}

// Later files win, as with helm -f.
const values = files.reduce<unknown>((merged, file) => mergeValues(merged, parse(readFileSync(file, "utf8")) ?? {}), {});
const result = validateValues(values);
if (!result.valid) {
  console.error(`${files.join(" + ")}: ${result.errors.length} problem(s):\n- ${result.errors.join("\n- ")}`);
  process.exit(1);
}
try {
  const rendered = await renderChart(values, {
    helm: args.helm === "4" ? 4 : 3,
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
  console.error(error instanceof RenderError ? error.stderr : error);
  process.exit(1);
}
