// helm install/upgrade/uninstall against a real cluster, always with --wait so a step ends when the release is
// ready (or has failed), never when the objects were merely accepted.
import { execa } from "execa";
import { helmBinary, type HelmMajor } from "../helm-binary.js";
import { runStep, type StepOptions } from "./progress.js";

export interface Release {
  name: string;
  namespace: string;
  kubeconfigPath: string;
}

export interface InstallOptions {
  /** Chart path or reference. */
  chart: string;
  /** Values files, in order (later ones win), as the chart's tests always pass values. */
  valuesFiles?: readonly string[];
  timeoutSeconds?: number;
  /** Deletes what was installed when the install or upgrade fails (helm --atomic / --rollback-on-failure). */
  atomic?: boolean;
}

const common = (release: Release): string[] => [
  "--namespace",
  release.namespace,
  "--kubeconfig",
  release.kubeconfigPath,
];

/** `helm upgrade --install`: one verb for the first install and every later change. */
export function helmUpgradeInstallArgs(release: Release, opts: InstallOptions, major: HelmMajor = 3): string[] {
  return [
    "upgrade",
    "--install",
    release.name,
    opts.chart,
    ...common(release),
    "--create-namespace",
    ...(opts.valuesFiles ?? []).flatMap((file) => ["--values", file]),
    "--wait",
    "--timeout",
    `${opts.timeoutSeconds ?? 300}s`,
    // helm 4 renamed --atomic.
    ...(opts.atomic ? [major === 4 ? "--rollback-on-failure" : "--atomic"] : []),
  ];
}

export function helmUninstallArgs(release: Release, timeoutSeconds = 300): string[] {
  return ["uninstall", release.name, ...common(release), "--wait", "--timeout", `${timeoutSeconds}s`];
}

export async function helmUpgradeInstall(
  release: Release,
  opts: InstallOptions,
  major: HelmMajor = 3,
  step: StepOptions = {},
): Promise<void> {
  const verb = `helm ${major}: install/upgrade ${release.name} in ${release.namespace}`;
  await runStep(verb, helmBinary(major), helmUpgradeInstallArgs(release, opts, major), step);
}

export async function helmUninstall(release: Release, major: HelmMajor = 3, step: StepOptions = {}): Promise<void> {
  await runStep(`helm ${major}: uninstall ${release.name}`, helmBinary(major), helmUninstallArgs(release), step);
}

/** The release's status (`deployed`, `failed`…), or undefined when helm knows no such release. */
export async function helmReleaseStatus(release: Release, major: HelmMajor = 3): Promise<string | undefined> {
  const res = await execa(helmBinary(major), ["status", release.name, ...common(release), "--output", "json"], {
    reject: false,
  });
  if (res.exitCode !== 0) {
    if (/release: not found/.test(res.stderr)) return undefined;
    throw new Error(`helm status ${release.name} failed: ${res.stderr.trim()}`);
  }
  return (JSON.parse(res.stdout) as { info?: { status?: string } }).info?.status;
}
