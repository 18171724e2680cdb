// One manager pod of a rendered release, laid out in a local directory so files/entrypoint.sh and the real
// gitlab-runner binary can run it outside Kubernetes: the ConfigMap's files (config.template.toml, entrypoint.sh,
// register-*.env), the token files the projected Secret volume would hold, and the container's environment with
// every mount path moved under the directory. The render stays the source: nothing here knows a path of the chart.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { KubeObject } from "../render.js";

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath: string } };
}
interface Mount {
  name: string;
  mountPath: string;
}
interface SecretItemsSource {
  name: string;
  items?: { key: string; path: string }[];
}
interface VolumeLike {
  name: string;
  configMap?: { name: string };
  secret?: { secretName: string; items?: { key: string; path: string }[] };
  projected?: { sources: { secret?: SecretItemsSource }[] };
}
interface PodTemplateLike {
  spec: { containers: { name: string; env?: EnvVar[]; volumeMounts?: Mount[] }[]; volumes?: VolumeLike[] };
}

export interface LocalManagerOptions {
  /** Directory to lay the pod out in (created). */
  dir: string;
  /** The pod's name and namespace (POD_NAME / POD_NAMESPACE, which the system_id is derived from). */
  podName: string;
  namespace: string;
  /** gitlab-runner to run (FLEET_RUNNER_BIN). */
  runnerBin: string;
  /** Where the runner's HTTP server listens instead of the chart's ":9252", so managers side by side do not clash. */
  listenAddress?: string;
  /** Content of Secrets the release does not create (existingSecret, externalCluster): name → key → text. */
  externalSecrets?: Record<string, Record<string, string>>;
}

export interface LocalManager {
  /** Environment for `bash <scripts>/entrypoint.sh` (no PATH: the caller adds its own). */
  env: Record<string, string>;
  entrypoint: string;
  configDir: string;
  configFile: string;
  /** Mount path in the pod → directory here. */
  mounts: Record<string, string>;
}

const MANAGER_CONTAINER = "gitlab-runner";

export function materializeManager(objects: readonly KubeObject[], opts: LocalManagerOptions): LocalManager {
  const statefulSet = objects.find((o) => o.kind === "StatefulSet");
  if (!statefulSet) throw new Error("the render has no StatefulSet");
  const template = (statefulSet.spec as { template: PodTemplateLike }).template;
  const container = template.spec.containers.find((c) => c.name === MANAGER_CONTAINER);
  if (!container) throw new Error(`the StatefulSet has no ${MANAGER_CONTAINER} container`);
  const volumes = new Map((template.spec.volumes ?? []).map((v) => [v.name, v]));
  const mounts: Record<string, string> = {};
  const secretData = (name: string, key: string): string => {
    const rendered = objects.find((o) => o.kind === "Secret" && o.metadata.name === name);
    const fromRender = rendered
      ? (rendered as { data?: Record<string, string>; stringData?: Record<string, string> })
      : undefined;
    const encoded = fromRender?.data?.[key];
    if (encoded !== undefined) return Buffer.from(encoded, "base64").toString("utf8");
    const plain = fromRender?.stringData?.[key] ?? opts.externalSecrets?.[name]?.[key];
    if (plain === undefined)
      throw new Error(`no content for key ${key} of Secret ${name} (pass it in externalSecrets)`);
    return plain;
  };

  for (const mount of container.volumeMounts ?? []) {
    const local = join(opts.dir, "mounts", mount.name);
    mkdirSync(local, { recursive: true });
    mounts[mount.mountPath] = local;
    const volume = volumes.get(mount.name);
    if (volume?.configMap) {
      const configMap = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === volume.configMap?.name);
      if (!configMap) throw new Error(`ConfigMap ${volume.configMap.name} is not in the render`);
      for (const [file, text] of Object.entries((configMap as { data?: Record<string, string> }).data ?? {}))
        writeFileSync(join(local, file), text);
    }
    const secretSources = [
      ...(volume?.secret ? [{ name: volume.secret.secretName, items: volume.secret.items }] : []),
      ...(volume?.projected?.sources ?? []).flatMap((s) => (s.secret ? [s.secret] : [])),
    ];
    for (const source of secretSources) {
      if (!source.items) throw new Error(`Secret ${source.name} is mounted without items; the local layout needs them`);
      for (const item of source.items) {
        const path = join(local, item.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, secretData(source.name, item.key), { mode: 0o400 });
      }
    }
  }

  // One pass, longest mount first, and only where a path starts (line start, quote, space, ":" or "="): a
  // relocated path may itself start with a mount path such as /tmp, and must not be rewritten again.
  const escaped = Object.keys(mounts)
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(^|["'\\s:=])(${escaped.join("|")})(?=/|["'\\s:]|$)`, "gm");
  const relocate = (text: string): string =>
    escaped.length === 0 ? text : text.replace(pattern, (_, lead: string, path: string) => `${lead}${mounts[path]}`);

  // Mounted files that name other mounted files (config.template.toml names the token files) are rewritten.
  for (const local of Object.values(mounts)) {
    for (const file of ["config.template.toml"]) {
      const path = join(local, file);
      try {
        let text = relocate(readFileSync(path, "utf8"));
        if (opts.listenAddress)
          text = text.replace(/^listen_address = ".*"$/m, `listen_address = "${opts.listenAddress}"`);
        writeFileSync(path, text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }

  const env: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) env[variable.name] = relocate(variable.value);
    else if (variable.valueFrom?.fieldRef?.fieldPath === "metadata.name") env[variable.name] = opts.podName;
    else if (variable.valueFrom?.fieldRef?.fieldPath === "metadata.namespace") env[variable.name] = opts.namespace;
    else throw new Error(`env ${variable.name} of the manager comes from a source the local layout does not model`);
  }
  env.FLEET_RUNNER_BIN = opts.runnerBin;
  const configDir = env.FLEET_CONFIG_DIR;
  const scriptsDir = env.FLEET_SCRIPTS_DIR;
  if (!configDir || !scriptsDir) throw new Error("the manager's env names no FLEET_CONFIG_DIR / FLEET_SCRIPTS_DIR");
  return {
    env,
    entrypoint: join(scriptsDir, "entrypoint.sh"),
    configDir,
    configFile: join(configDir, "config.toml"),
    mounts,
  };
}
