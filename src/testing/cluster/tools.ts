import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { chartRoot } from "../../paths.js";

// The control plane of the integration tier is built from pinned Go wrapper modules in
// tools/cluster/ (go.mod + go.sum committed) into the ignored .tools/cluster/. Nothing is
// downloaded except Go modules, so a fresh machine needs Go and the Go module proxy only.

export const toolModulesDir = join(chartRoot, "tools", "cluster");
export const clusterToolsDir = join(chartRoot, ".tools", "cluster");

/** Kubernetes minor versions the tier runs against; each has a wrapper module kubernetes-v1.MINOR. */
export const KUBERNETES_MINORS = {
  /** Chart.yaml kubeVersion ">=1.27.0-0": the oldest release the chart promises to work on. */
  floor: "1.27",
  /** A current release: the full tier runs here. */
  current: "1.34",
} as const;
export type KubernetesTrack = keyof typeof KUBERNETES_MINORS;

export const KUBERNETES_COMMANDS = ["kube-apiserver", "kube-controller-manager", "kube-scheduler"] as const;

interface Tool {
  /** Name of the build folder under .tools/cluster/ (with the version appended). */
  name: string;
  /** Folder of the wrapper module under tools/cluster/. */
  module: string;
  /** The module whose pinned version names the build. */
  pinned: string;
  /** Packages to build, and the binary name each becomes. */
  commands: { pkg: string; binary: string }[];
  /** Extra linker flags (Kubernetes: the version the binaries report). */
  ldflags?: (version: string) => string[];
  /**
   * Cold-build time on 2 cores, shown while building. Measured: etcd 129 s, kwok+kwokctl 266 s,
   * Kubernetes 1.34.4 1075 s and 1.27.16 2016 s on 2 cores shared with other jobs (load 10–14);
   * about 7 min for 1.34 on idle cores. With a warm Go build cache all of them link in 103 s.
   */
  coldEstimate: string;
}

export interface ClusterBinaries {
  kubernetesVersion: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  etcd: string;
  kwok: string;
  kwokctl: string;
}

function kubernetesTool(minor: string): Tool {
  return {
    name: "kubernetes",
    module: `kubernetes-v${minor}`,
    pinned: "k8s.io/kubernetes",
    commands: KUBERNETES_COMMANDS.map((binary) => ({ pkg: `k8s.io/kubernetes/cmd/${binary}`, binary })),
    // Without these the binaries report v0.0.0-master and helm refuses the chart's kubeVersion.
    // Before 1.28 the /version endpoint reads client-go's copy of the variables, so set both.
    ldflags: (version) => {
      const [major, minorPart] = version.replace(/^v/, "").split(".");
      return ["k8s.io/component-base/version", "k8s.io/client-go/pkg/version"].flatMap((pkg) => [
        `-X ${pkg}.gitVersion=${version}`,
        `-X ${pkg}.gitMajor=${major}`,
        `-X ${pkg}.gitMinor=${minorPart}`,
        `-X ${pkg}.gitTreeState=clean`,
      ]);
    },
    coldEstimate: "7–30 min for the three on 2 cores",
  };
}

const ETCD: Tool = {
  name: "etcd",
  module: "etcd",
  pinned: "go.etcd.io/etcd/server/v3",
  commands: [{ pkg: ".", binary: "etcd" }],
  coldEstimate: "about 2 min",
};

const KWOK: Tool = {
  name: "kwok",
  module: "kwok",
  pinned: "sigs.k8s.io/kwok",
  commands: [
    { pkg: "sigs.k8s.io/kwok/cmd/kwok", binary: "kwok" },
    { pkg: "sigs.k8s.io/kwok/cmd/kwokctl", binary: "kwokctl" },
  ],
  coldEstimate: "about 4 min",
};

/** The version a wrapper module pins (its `require` of the tool's module). */
export function pinnedVersion(tool: Pick<Tool, "module" | "pinned">): string {
  const goMod = readFileSync(join(toolModulesDir, tool.module, "go.mod"), "utf8");
  const escaped = tool.pinned.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = new RegExp(`^\\s*(?:require\\s+)?${escaped}\\s+(v\\S+)`, "m").exec(goMod);
  if (!match?.[1]) throw new Error(`tools/cluster/${tool.module}/go.mod: no require of ${tool.pinned}`);
  return match[1];
}

/** Why the cluster tools cannot be built here, or undefined when Go is available. */
export async function goMissing(): Promise<string | undefined> {
  const go = await execa("go", ["version"], { reject: false });
  return go.exitCode === 0 ? undefined : "Go is not installed (no `go` on PATH)";
}

function outputDir(tool: Tool): string {
  return join(clusterToolsDir, `${tool.name}-${pinnedVersion(tool)}`);
}

/** What a build depends on: the pins and the Go version. A change rebuilds. */
async function stampOf(tool: Tool): Promise<string> {
  const dir = join(toolModulesDir, tool.module);
  const { stdout: goVersion } = await execa("go", ["env", "GOVERSION"]);
  const hash = createHash("sha256");
  for (const file of ["go.mod", "go.sum"]) hash.update(readFileSync(join(dir, file)));
  hash.update(goVersion.trim());
  return hash.digest("hex");
}

function binariesPresent(tool: Tool, dir: string): boolean {
  return tool.commands.every(({ binary }) => existsSync(join(dir, binary)));
}

/** Paths of the binaries for one Kubernetes track, whether or not they exist yet. */
export function clusterBinaries(track: KubernetesTrack): ClusterBinaries {
  const kube = kubernetesTool(KUBERNETES_MINORS[track]);
  const kubeDir = outputDir(kube);
  const kwokDir = outputDir(KWOK);
  return {
    kubernetesVersion: pinnedVersion(kube),
    kubeApiserver: join(kubeDir, "kube-apiserver"),
    kubeControllerManager: join(kubeDir, "kube-controller-manager"),
    kubeScheduler: join(kubeDir, "kube-scheduler"),
    etcd: join(outputDir(ETCD), "etcd"),
    kwok: join(kwokDir, "kwok"),
    kwokctl: join(kwokDir, "kwokctl"),
  };
}

/** Whether every binary of a track is built with the current pins (no Go needed to answer). */
export function clusterToolsBuilt(track: KubernetesTrack): boolean {
  const binaries = [kubernetesTool(KUBERNETES_MINORS[track]), ETCD, KWOK].every((tool) => {
    const dir = outputDir(tool);
    return binariesPresent(tool, dir) && existsSync(join(dir, ".stamp"));
  });
  return binaries && monitoringCrdFiles().every((file) => existsSync(file));
}

/**
 * Builds whatever is missing or stale for the given tracks and returns nothing; prints one
 * progress line per binary built and one line per tool already cached.
 */
export async function ensureClusterTools(
  tracks: readonly KubernetesTrack[],
  log: (line: string) => void = console.log,
): Promise<void> {
  const missing = await goMissing();
  if (missing) throw new ClusterToolsError(`${missing}: the control-plane tools cannot be built`);
  const tools = [ETCD, KWOK, ...tracks.map((track) => kubernetesTool(KUBERNETES_MINORS[track]))];
  for (const tool of tools) await ensureTool(tool, log);
  await ensureMonitoringCrds(log);
}

const PROMETHEUS_OPERATOR = {
  module: "prometheus-operator",
  pinned: "github.com/prometheus-operator/prometheus-operator",
};
/** The custom resources the chart can render, as named in the operator's example/prometheus-operator-crd. */
const MONITORING_CRD_FILES = ["monitoring.coreos.com_podmonitors.yaml", "monitoring.coreos.com_servicemonitors.yaml"];

function monitoringCrdDir(): string {
  return join(clusterToolsDir, `prometheus-operator-crds-${pinnedVersion(PROMETHEUS_OPERATOR)}`);
}

/** The PodMonitor and ServiceMonitor CRD manifests of the pinned prometheus-operator release. */
export function monitoringCrdFiles(): string[] {
  return MONITORING_CRD_FILES.map((file) => join(monitoringCrdDir(), file));
}

/** Copies the CRDs out of the module download, which `go mod download` checks against go.sum. */
async function ensureMonitoringCrds(log: (line: string) => void): Promise<void> {
  const version = pinnedVersion(PROMETHEUS_OPERATOR);
  if (monitoringCrdFiles().every((file) => existsSync(file))) {
    log(`cluster tools: prometheus-operator ${version} CRDs (cached)`);
    return;
  }
  log(`cluster tools: downloading prometheus-operator ${version} CRDs from the Go module proxy…`);
  const { stdout } = await execa("go", ["mod", "download", "-json", PROMETHEUS_OPERATOR.pinned], {
    cwd: join(toolModulesDir, PROMETHEUS_OPERATOR.module),
    env: { GOFLAGS: "-mod=readonly" },
  });
  const { Dir: moduleDir } = JSON.parse(stdout) as { Dir: string };
  const staging = `${monitoringCrdDir()}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const file of MONITORING_CRD_FILES) {
    writeFileSync(join(staging, file), readFileSync(join(moduleDir, "example", "prometheus-operator-crd", file)));
  }
  rmSync(monitoringCrdDir(), { recursive: true, force: true });
  renameSync(staging, monitoringCrdDir());
}

export class ClusterToolsError extends Error {}

async function ensureTool(tool: Tool, log: (line: string) => void): Promise<void> {
  const version = pinnedVersion(tool);
  const dir = outputDir(tool);
  const stamp = await stampOf(tool);
  const stampFile = join(dir, ".stamp");
  if (binariesPresent(tool, dir) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    log(`cluster tools: ${tool.commands.map((c) => c.binary).join(", ")} ${version} (cached)`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const { pkg, binary } of tool.commands) {
    log(
      `cluster tools: building ${binary} ${version} (first run only, ${tool.coldEstimate} without a Go build cache)…`,
    );
    const started = Date.now();
    const ldflags = ["-s", "-w", ...(tool.ldflags?.(version) ?? [])].join(" ");
    const result = await execa("go", ["build", "-ldflags", ldflags, "-o", join(staging, binary), pkg], {
      cwd: join(toolModulesDir, tool.module),
      reject: false,
      all: true,
      env: {
        // The checksum database has no entry for this module of 1.27; go.sum pins it anyway.
        GONOSUMDB: "k8s.io/legacy-cloud-providers",
        // A go.mod that is not tidy must fail rather than change the pins behind our back.
        GOFLAGS: "-mod=readonly -buildvcs=false",
      },
    });
    if (result.exitCode !== 0) {
      const tail = (result.all ?? "").split("\n").slice(-15).join("\n");
      throw new ClusterToolsError(`cluster tools: go build ${pkg} ${version} failed:\n${tail}`);
    }
    log(`cluster tools: built ${binary} ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  writeFileSync(join(staging, ".stamp"), stamp);
  renameSync(staging, dir);
}
