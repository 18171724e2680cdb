// Render cost of this chart as a ratio to a one-ConfigMap chart rendered by the same helm in the
// same run (pairwise, cpu time), so machine speed and background load mostly cancel out.
//   npm run bench                      the issue's table: default, 10 entries, 50 entries × 20 pods
//   npm run bench -- --variants        what parts of the schema (and README.md) cost, default values
//   npm run bench -- --floor           each case against a chart of our output as static text (with
//                                      and without the schema): what helm costs before any template work
//   npm run bench -- --runs 41 --helm 4
// BENCH_COMPARE_CHART=<dir> BENCH_COMPARE_VALUES=<file> adds another chart (e.g. the official one,
// which this repo does not ship) to the default row.
import { rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { execa } from "execa";
import { chartRoot } from "../src/paths.js";
import { helmBinary, type HelmMajor } from "../src/testing/helm-binary.js";
import { benchCases, writeCases } from "./bench/cases.js";
import { formatSpread, pairwise, spread, templateArgs, type Render } from "./bench/measure.js";
import { chartVariants, writeStaticChart, writeVariant } from "./bench/variants.js";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "21" },
    helm: { type: "string", multiple: true },
    variants: { type: "boolean", default: false },
    floor: { type: "boolean", default: false },
  },
});
const runs = Number(args.runs);
const helms = (args.helm ?? ["3", "4"]).map((h) => Number(h) as HelmMajor);
const yardstickChart = join(chartRoot, "tests", "fixtures", "one-configmap-chart");
const { dir, files } = await writeCases(benchCases);

try {
  console.log(
    `helm template, whole process, cpu (user+sys) ratio to the one-ConfigMap chart (${relative(chartRoot, yardstickChart)})`,
  );
  console.log(`rendered with the same values file, pairwise in one run: median (p25–p75) of ${runs} runs\n`);
  if (args.variants) {
    const variantCharts = await Promise.all(chartVariants.map((variant) => writeVariant(dir, variant)));
    for (const helm of helms) {
      const binary = helmBinary(helm);
      const defaults = files[0]!;
      const result = await pairwise(
        { helm: binary, chart: yardstickChart, valuesFile: defaults },
        variantCharts.map((chart) => ({ helm: binary, chart, valuesFile: defaults })),
        runs,
      );
      console.log(
        `helm ${helm}, default values; one-ConfigMap chart ${formatSpread(spread(result.yardstick), 1)} ms cpu`,
      );
      console.log("| chart | ratio | cpu ms |\n|---|---|---|");
      chartVariants.forEach((variant, i) =>
        console.log(
          `| ${variant.name} | ${formatSpread(spread(result.subjects[i]!.ratio))} | ${formatSpread(spread(result.subjects[i]!.cpuMs), 1)} |`,
        ),
      );
      console.log("");
    }
  } else if (args.floor) {
    for (const helm of helms) {
      const binary = helmBinary(helm);
      console.log(
        `helm ${helm}\n| values | this chart | static output + schema | static output, no schema |\n|---|---|---|---|`,
      );
      for (const [index, file] of files.entries()) {
        const { stdout } = await execa(binary, templateArgs({ helm: binary, chart: chartRoot, valuesFile: file }));
        const withSchema = await writeStaticChart(dir, `static-${helm}-${index}`, `${stdout}\n`, true);
        const withoutSchema = await writeStaticChart(dir, `static-${helm}-${index}-noschema`, `${stdout}\n`, false);
        const subjects = [chartRoot, withSchema, withoutSchema].map((chart) => ({
          helm: binary,
          chart,
          valuesFile: file,
        }));
        const result = await pairwise({ helm: binary, chart: yardstickChart, valuesFile: file }, subjects, runs);
        console.log(
          `| ${benchCases[index]!.name} | ${result.subjects.map((s) => formatSpread(spread(s.ratio))).join(" | ")} |`,
        );
      }
      console.log("");
    }
  } else {
    const rows = benchCases.map((benchCase) => [benchCase.name]);
    const yardsticks: string[] = [];
    for (const helm of helms) {
      const binary = helmBinary(helm);
      for (const [index, file] of files.entries()) {
        const subjects: Render[] = [{ helm: binary, chart: chartRoot, valuesFile: file }];
        const compare = index === 0 ? process.env.BENCH_COMPARE_CHART : undefined;
        if (compare)
          subjects.push({
            helm: binary,
            chart: compare,
            ...(process.env.BENCH_COMPARE_VALUES ? { valuesFile: process.env.BENCH_COMPARE_VALUES } : {}),
          });
        const result = await pairwise({ helm: binary, chart: yardstickChart, valuesFile: file }, subjects, runs);
        const ours = result.subjects[0]!;
        let cell = `${formatSpread(spread(ours.ratio))} · ${spread(ours.cpuMs).median.toFixed(0)} ms`;
        if (compare) {
          const other = result.subjects[1]!;
          const vsOther = ours.cpuMs.map((cpu, run) => cpu / other.cpuMs[run]!);
          cell += ` · compare chart ${formatSpread(spread(other.ratio))}, ours/compare ${formatSpread(spread(vsOther))}`;
        }
        rows[index]!.push(cell);
        if (index === 0) yardsticks.push(`helm ${helm}: ${formatSpread(spread(result.yardstick), 1)} ms`);
      }
    }
    console.log(`| values | ${helms.map((h) => `helm ${h}: ratio · cpu`).join(" | ")} |`);
    console.log(`|---|${helms.map(() => "---").join("|")}|`);
    for (const row of rows) console.log(`| ${row.join(" | ")} |`);
    console.log(`\none-ConfigMap chart cpu: ${yardsticks.join(", ")}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
