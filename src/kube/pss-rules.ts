import { asArray, asObject, field, index, isObject, show, type JsonObject } from "./paths.js";
import type { ContainerAt } from "./pod-template.js";

// One block per control of pod-security-admission's policy/check_*.go. Messages
// name the offending field and end with `(level: control)` so a reader can look the rule up.

const BASELINE_CAPABILITIES = new Set([
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID",
  "SETPCAP", "SETUID", "SYS_CHROOT",
]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem", "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
]);
const SELINUX_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
const RESTRICTED_VOLUME_SOURCES = new Set([
  "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
]);
const PROFILE_TYPES = new Set(["RuntimeDefault", "Localhost"]);
const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

export type Level = "baseline" | "restricted";

export interface Ctx {
  readonly spec: JsonObject;
  readonly where: string;
  readonly metadataPath: string;
  readonly metadata: JsonObject;
  readonly podSc: JsonObject | undefined;
  readonly podScPath: string;
  readonly containers: ContainerAt[];
  readonly out: string[];
  readonly windows: boolean;
  readonly userNamespace: boolean;
}

export function baseline(ctx: Ctx, level: Level): void {
  const { spec, where, podSc, podScPath, containers, out } = ctx;
  const scopes: Array<{ sc: JsonObject | undefined; path: string }> = [
    { sc: podSc, path: podScPath },
    ...containers.map(({ sc, scPath }) => ({ sc, path: scPath })),
  ];

  for (const { sc, path } of scopes) {
    if (asObject(sc?.windowsOptions)?.hostProcess === true) {
      out.push(`${path}.windowsOptions.hostProcess: must not be true (baseline: HostProcess)`);
    }
  }
  for (const ns of ["hostNetwork", "hostPID", "hostIPC"]) {
    if (spec[ns] === true) out.push(`${field(where, ns)}: must not be true (baseline: host namespaces)`);
  }
  for (const { sc, scPath } of containers) {
    if (sc?.privileged === true) out.push(`${scPath}.privileged: must not be true (baseline: privileged containers)`);
  }
  // restricted replaces the baseline capability and hostPath rules with stricter ones.
  if (level === "baseline") {
    for (const { sc, scPath } of containers) {
      asArray(asObject(sc?.capabilities)?.add).forEach((cap, i) => {
        if (typeof cap !== "string" || !BASELINE_CAPABILITIES.has(cap)) {
          out.push(`${scPath}.capabilities.add[${i}]: ${show(cap)} is not in the baseline set (baseline: capabilities)`);
        }
      });
    }
    asArray(spec.volumes).forEach((v, i) => {
      if (isObject(v) && v.hostPath !== undefined && v.hostPath !== null) {
        out.push(`${index(field(where, "volumes"), i)}.hostPath: hostPath volumes are forbidden (baseline: HostPath volumes)`);
      }
    });
  }
  for (const { c, path } of containers) {
    asArray(c.ports).forEach((p, i) => {
      const hostPort = asObject(p)?.hostPort;
      if (hostPort !== undefined && hostPort !== null && hostPort !== 0) {
        out.push(`${path}.ports[${i}].hostPort: must be 0 or unset, got ${show(hostPort)} (baseline: host ports)`);
      }
    });
  }
  for (const { sc, path } of scopes) {
    const profile = asObject(sc?.appArmorProfile);
    const type = profile?.type;
    if (profile && !PROFILE_TYPES.has(String(type))) {
      out.push(`${path}.appArmorProfile.type: must be RuntimeDefault or Localhost, got ${show(type)} (baseline: AppArmor)`);
    }
  }
  for (const [key, value] of Object.entries(asObject(ctx.metadata.annotations) ?? {})) {
    const ok = typeof value === "string" && (value === "" || value === "runtime/default" || value.startsWith("localhost/"));
    if (key.startsWith(APPARMOR_ANNOTATION) && !ok) {
      out.push(`${field(field(ctx.metadataPath, "annotations"), key)}: must be runtime/default or localhost/*, got ${show(value)} (baseline: AppArmor)`);
    }
  }
  for (const { sc, path } of scopes) {
    const se = asObject(sc?.seLinuxOptions);
    if (!se) continue;
    if (!SELINUX_TYPES.has(typeof se.type === "string" ? se.type : "")) {
      out.push(`${path}.seLinuxOptions.type: ${show(se.type)} is not an allowed container type (baseline: SELinux)`);
    }
    for (const key of ["user", "role"]) {
      if (typeof se[key] === "string" && se[key] !== "") out.push(`${path}.seLinuxOptions.${key}: must not be set (baseline: SELinux)`);
    }
  }
  // Baseline relaxes procMount for user-namespace pods; restricted (1.35+) does not.
  if (level === "restricted" || !ctx.userNamespace) {
    for (const { sc, scPath } of containers) {
      if (sc?.procMount !== undefined && sc.procMount !== "Default") {
        out.push(`${scPath}.procMount: must be Default, got ${show(sc.procMount)} (${level}: /proc mount type)`);
      }
    }
  }
  // restricted replaces the baseline seccomp rule with a stricter one (and exempts Windows).
  if (level === "baseline") {
    for (const { sc, path } of scopes) {
      const seccomp = asObject(sc?.seccompProfile);
      if (seccomp && !PROFILE_TYPES.has(String(seccomp.type))) {
        out.push(`${path}.seccompProfile.type: must not be ${show(seccomp.type)} (baseline: seccomp)`);
      }
    }
  }
  asArray(podSc?.sysctls).forEach((s, i) => {
    const name = asObject(s)?.name;
    if (typeof name !== "string" || !SAFE_SYSCTLS.has(name)) {
      out.push(`${podScPath}.sysctls[${i}].name: ${show(name)} is not a safe sysctl (baseline: sysctls)`);
    }
  });
  for (const { c, path } of containers) {
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
      hostFields(asObject(c[probe]), field(path, probe), out);
    }
    const lifecycle = asObject(c.lifecycle);
    for (const hook of ["postStart", "preStop"]) hostFields(asObject(lifecycle?.[hook]), `${path}.lifecycle.${hook}`, out);
  }
}

function hostFields(handler: JsonObject | undefined, path: string, out: string[]): void {
  for (const action of ["httpGet", "tcpSocket"]) {
    const host = asObject(handler?.[action])?.host;
    if (typeof host === "string" && host !== "") {
      out.push(`${path}.${action}.host: must be unset, got ${show(host)} (baseline: probe and lifecycle host)`);
    }
  }
}

export function restricted(ctx: Ctx): void {
  const { spec, where, podSc, podScPath, containers, out } = ctx;
  asArray(spec.volumes).forEach((v, i) => {
    if (!isObject(v)) return;
    const sources = Object.keys(v).filter((k) => k !== "name" && v[k] !== undefined && v[k] !== null);
    const path = index(field(where, "volumes"), i);
    if (sources.length === 0) out.push(`${path}: has no volume source (restricted: volume types)`);
    for (const source of sources.filter((s) => !RESTRICTED_VOLUME_SOURCES.has(s))) {
      out.push(`${path}.${source}: volume type ${source} is not allowed (restricted: volume types)`);
    }
  });

  if (!ctx.windows) {
    for (const { sc, scPath } of containers) {
      if (sc?.allowPrivilegeEscalation !== false) {
        out.push(`${scPath}.allowPrivilegeEscalation: must be false (restricted: privilege escalation)`);
      }
    }
  }

  if (!ctx.userNamespace) {
    if (podSc?.runAsNonRoot === false) out.push(`${podScPath}.runAsNonRoot: must not be false (restricted: running as non-root)`);
    const podNonRoot = podSc?.runAsNonRoot === true;
    for (const { sc, scPath } of containers) {
      if (sc?.runAsNonRoot === false) {
        out.push(`${scPath}.runAsNonRoot: must not be false (restricted: running as non-root)`);
      } else if (sc?.runAsNonRoot === undefined && !podNonRoot) {
        out.push(`${scPath}.runAsNonRoot: must be true, here or in ${podScPath} (restricted: running as non-root)`);
      }
    }
    for (const { sc, path } of [{ sc: podSc, path: podScPath }, ...containers.map((c) => ({ sc: c.sc, path: c.scPath }))]) {
      if (sc?.runAsUser === 0) out.push(`${path}.runAsUser: must not be 0 (restricted: running as non-root user)`);
    }
  }

  if (!ctx.windows) {
    const podSeccomp = asObject(podSc?.seccompProfile);
    if (podSeccomp && !PROFILE_TYPES.has(String(podSeccomp.type))) {
      out.push(`${podScPath}.seccompProfile.type: must be RuntimeDefault or Localhost, got ${show(podSeccomp.type)} (restricted: seccomp)`);
    }
    const podSet = podSeccomp !== undefined && PROFILE_TYPES.has(String(podSeccomp.type));
    for (const { sc, scPath } of containers) {
      const seccomp = asObject(sc?.seccompProfile);
      if (seccomp && !PROFILE_TYPES.has(String(seccomp.type))) {
        out.push(`${scPath}.seccompProfile.type: must be RuntimeDefault or Localhost, got ${show(seccomp.type)} (restricted: seccomp)`);
      } else if (!seccomp && !podSet) {
        out.push(`${scPath}.seccompProfile.type: must be RuntimeDefault or Localhost, here or in ${podScPath} (restricted: seccomp)`);
      }
    }

    for (const { sc, scPath } of containers) {
      const caps = asObject(sc?.capabilities);
      if (!asArray(caps?.drop).includes("ALL")) {
        out.push(`${scPath}.capabilities.drop: must include ALL (restricted: capabilities)`);
      }
      asArray(caps?.add).forEach((cap, i) => {
        if (cap !== "NET_BIND_SERVICE") {
          out.push(`${scPath}.capabilities.add[${i}]: ${show(cap)} is not allowed, only NET_BIND_SERVICE (restricted: capabilities)`);
        }
      });
    }
  }
}

