import { describe, expect, it } from "vitest";
import {
  checkBaseline,
  checkReadOnlyRootFilesystem,
  checkRestricted,
  checkRestrictedManifest,
  podSpecOf,
  podTemplateOf,
} from "../../../src/kube/index.js";
import * as f from "./fixtures.js";
import type { Manifest } from "./fixtures.js";

/** The StatefulSet's pod spec, as checked at `spec` (the path a bare Pod would have). */
const goodSpec = (): Manifest => f.clone(f.statefulSet.spec.template.spec);
const withSpec = (change: (s: Manifest) => void): Manifest => {
  const spec = goodSpec();
  change(spec);
  return spec;
};
const c0 = (s: Manifest) => s.containers[0];
const sc0 = (s: Manifest) => s.containers[0].securityContext;

describe("podSpecOf / podTemplateOf", () => {
  it.each([
    ["Pod", f.pod, "spec"],
    ["StatefulSet", f.statefulSet, "spec.template.spec"],
    ["Deployment", { kind: "Deployment", spec: { template: { spec: { containers: [] } } } }, "spec.template.spec"],
    ["DaemonSet", { kind: "DaemonSet", spec: { template: { spec: { containers: [] } } } }, "spec.template.spec"],
    ["Job", { kind: "Job", spec: { template: { spec: { containers: [] } } } }, "spec.template.spec"],
    ["CronJob", { kind: "CronJob", spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } } },
      "spec.jobTemplate.spec.template.spec"],
  ])("finds the pod spec of a %s at %s", (_kind, manifest, path) => {
    const template = podTemplateOf(manifest);
    expect(template?.path).toBe(path);
    expect(podSpecOf(manifest)).toBe(template?.spec);
    expect(podSpecOf(manifest)).toHaveProperty("containers");
  });

  it.each([["Service", f.service], ["ConfigMap", f.configMap], ["a template-less StatefulSet", { kind: "StatefulSet", spec: {} }],
    ["a non-object", "Pod"]])("returns undefined for %s", (_what, manifest) => {
    expect(podSpecOf(manifest)).toBeUndefined();
  });
});

describe("checkRestricted on compliant pods", () => {
  it("accepts the realistic StatefulSet pod spec", () => {
    expect(checkRestricted(goodSpec(), "spec.template.spec", f.statefulSet.spec.template.metadata)).toEqual([]);
  });

  it("accepts a pod that sets runAsNonRoot and seccomp only at pod level", () => {
    expect(checkRestricted(f.pod.spec)).toEqual([]);
  });

  it("accepts runAsNonRoot and seccomp set only on every container", () => {
    const spec = withSpec((s) => {
      delete s.securityContext.runAsNonRoot;
      delete s.securityContext.seccompProfile;
    });
    expect(checkRestricted(spec)).toEqual([]);
  });

  it.each<[string, (s: Manifest) => void]>([
    ["NET_BIND_SERVICE added", (s) => (sc0(s).capabilities.add = ["NET_BIND_SERVICE"])],
    ["a Localhost seccomp profile", (s) => (sc0(s).seccompProfile = { type: "Localhost", localhostProfile: "p.json" })],
    ["a RuntimeDefault AppArmor profile", (s) => (s.securityContext.appArmorProfile = { type: "RuntimeDefault" })],
    ["a Localhost AppArmor profile", (s) => (sc0(s).appArmorProfile = { type: "Localhost", localhostProfile: "p" })],
    ["an allowed SELinux type", (s) => (s.securityContext.seLinuxOptions = { type: "container_t", level: "s0:c1,c2" })],
    ["safe sysctls, including the newest", (s) =>
      (s.securityContext.sysctls = ["net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.tcp_notsent_lowat"]
        .map((name) => ({ name, value: "1" })))],
    ["hostPort 0", (s) => (c0(s).ports[0].hostPort = 0)],
    ["procMount Default", (s) => (sc0(s).procMount = "Default")],
    ["csi, ephemeral, image, PVC, downwardAPI and secret volumes", (s) =>
      s.volumes.push(
        { name: "a", csi: { driver: "secrets-store.csi.k8s.io" } },
        { name: "b", ephemeral: { volumeClaimTemplate: { spec: {} } } },
        { name: "c", image: { reference: "busybox" } },
        { name: "d", persistentVolumeClaim: { claimName: "x" } },
        { name: "e", downwardAPI: { items: [] } },
        { name: "f", secret: { secretName: "x" } },
      )],
    ["an empty probe host", (s) => (c0(s).readinessProbe.httpGet.host = "")],
    ["a non-zero runAsUser", (s) => (sc0(s).runAsUser = 1000)],
  ])("accepts %s", (_what, change) => {
    expect(checkRestricted(withSpec(change))).toEqual([]);
  });
});

describe("checkRestricted reports each violation at its path", () => {
  it.each<[string, (s: Manifest) => void, string]>([
    // baseline
    ["pod hostProcess", (s) => (s.securityContext.windowsOptions = { hostProcess: true }),
      "spec.securityContext.windowsOptions.hostProcess: must not be true (baseline: HostProcess)"],
    ["container hostProcess", (s) => (sc0(s).windowsOptions = { hostProcess: true }),
      "spec.containers[0].securityContext.windowsOptions.hostProcess: must not be true (baseline: HostProcess)"],
    ["hostNetwork", (s) => (s.hostNetwork = true), "spec.hostNetwork: must not be true (baseline: host namespaces)"],
    ["hostPID", (s) => (s.hostPID = true), "spec.hostPID: must not be true (baseline: host namespaces)"],
    ["hostIPC", (s) => (s.hostIPC = true), "spec.hostIPC: must not be true (baseline: host namespaces)"],
    ["a privileged container", (s) => (sc0(s).privileged = true),
      "spec.containers[0].securityContext.privileged: must not be true (baseline: privileged containers)"],
    ["a privileged init container", (s) => (s.initContainers[0].securityContext.privileged = true),
      "spec.initContainers[0].securityContext.privileged: must not be true (baseline: privileged containers)"],
    ["a hostPort", (s) => (c0(s).ports[0].hostPort = 8080),
      "spec.containers[0].ports[0].hostPort: must be 0 or unset, got 8080 (baseline: host ports)"],
    ["an Unconfined pod AppArmor profile", (s) => (s.securityContext.appArmorProfile = { type: "Unconfined" }),
      'spec.securityContext.appArmorProfile.type: must be RuntimeDefault or Localhost, got "Unconfined" (baseline: AppArmor)'],
    ["an Unconfined container AppArmor profile", (s) => (sc0(s).appArmorProfile = { type: "Unconfined" }),
      'spec.containers[0].securityContext.appArmorProfile.type: must be RuntimeDefault or Localhost, got "Unconfined" (baseline: AppArmor)'],
    ["a custom SELinux type", (s) => (s.securityContext.seLinuxOptions = { type: "spc_t" }),
      'spec.securityContext.seLinuxOptions.type: "spc_t" is not an allowed container type (baseline: SELinux)'],
    ["a SELinux user", (s) => (sc0(s).seLinuxOptions = { user: "system_u" }),
      "spec.containers[0].securityContext.seLinuxOptions.user: must not be set (baseline: SELinux)"],
    ["a SELinux role", (s) => (sc0(s).seLinuxOptions = { role: "system_r" }),
      "spec.containers[0].securityContext.seLinuxOptions.role: must not be set (baseline: SELinux)"],
    ["an Unmasked /proc", (s) => (sc0(s).procMount = "Unmasked"),
      'spec.containers[0].securityContext.procMount: must be Default, got "Unmasked" (restricted: /proc mount type)'],
    ["an unsafe sysctl", (s) => (s.securityContext.sysctls = [{ name: "kernel.msgmax", value: "1" }]),
      'spec.securityContext.sysctls[0].name: "kernel.msgmax" is not a safe sysctl (baseline: sysctls)'],
    ["a liveness probe host", (s) => (c0(s).livenessProbe = { httpGet: { host: "10.0.0.1", port: 80 } }),
      'spec.containers[0].livenessProbe.httpGet.host: must be unset, got "10.0.0.1" (baseline: probe and lifecycle host)'],
    ["a startup probe tcpSocket host", (s) => (c0(s).startupProbe.tcpSocket.host = "node"),
      'spec.containers[0].startupProbe.tcpSocket.host: must be unset, got "node" (baseline: probe and lifecycle host)'],
    ["a lifecycle hook host", (s) => (c0(s).lifecycle.postStart = { httpGet: { host: "example.com", port: 80 } }),
      'spec.containers[0].lifecycle.postStart.httpGet.host: must be unset, got "example.com" (baseline: probe and lifecycle host)'],
    // restricted
    ["a hostPath volume", (s) => (s.volumes[1] = { name: "runtime", hostPath: { path: "/var/run" } }),
      "spec.volumes[1].hostPath: volume type hostPath is not allowed (restricted: volume types)"],
    ["an nfs volume", (s) => s.volumes.push({ name: "n", nfs: { server: "nfs", path: "/" } }),
      "spec.volumes[4].nfs: volume type nfs is not allowed (restricted: volume types)"],
    ["a gitRepo volume", (s) => s.volumes.push({ name: "g", gitRepo: { repository: "https://x" } }),
      "spec.volumes[4].gitRepo: volume type gitRepo is not allowed (restricted: volume types)"],
    ["a volume without a source", (s) => s.volumes.push({ name: "empty" }),
      "spec.volumes[4]: has no volume source (restricted: volume types)"],
    ["allowPrivilegeEscalation unset", (s) => delete sc0(s).allowPrivilegeEscalation,
      "spec.containers[0].securityContext.allowPrivilegeEscalation: must be false (restricted: privilege escalation)"],
    ["allowPrivilegeEscalation true", (s) => (s.initContainers[0].securityContext.allowPrivilegeEscalation = true),
      "spec.initContainers[0].securityContext.allowPrivilegeEscalation: must be false (restricted: privilege escalation)"],
    ["pod runAsNonRoot false", (s) => (s.securityContext.runAsNonRoot = false),
      "spec.securityContext.runAsNonRoot: must not be false (restricted: running as non-root)"],
    ["container runAsNonRoot false", (s) => (sc0(s).runAsNonRoot = false),
      "spec.containers[0].securityContext.runAsNonRoot: must not be false (restricted: running as non-root)"],
    ["runAsNonRoot set neither on the pod nor the container", (s) => {
      delete s.securityContext.runAsNonRoot;
      delete sc0(s).runAsNonRoot;
    }, "spec.containers[0].securityContext.runAsNonRoot: must be true, here or in spec.securityContext (restricted: running as non-root)"],
    ["pod runAsUser 0", (s) => (s.securityContext.runAsUser = 0),
      "spec.securityContext.runAsUser: must not be 0 (restricted: running as non-root user)"],
    ["container runAsUser 0", (s) => (sc0(s).runAsUser = 0),
      "spec.containers[0].securityContext.runAsUser: must not be 0 (restricted: running as non-root user)"],
    ["an Unconfined pod seccomp profile", (s) => (s.securityContext.seccompProfile = { type: "Unconfined" }),
      'spec.securityContext.seccompProfile.type: must be RuntimeDefault or Localhost, got "Unconfined" (restricted: seccomp)'],
    ["an Unconfined container seccomp profile", (s) => (sc0(s).seccompProfile = { type: "Unconfined" }),
      'spec.containers[0].securityContext.seccompProfile.type: must be RuntimeDefault or Localhost, got "Unconfined" (restricted: seccomp)'],
    ["seccomp set neither on the pod nor the container", (s) => {
      delete s.securityContext.seccompProfile;
      delete s.initContainers[0].securityContext.seccompProfile;
    }, "spec.initContainers[0].securityContext.seccompProfile.type: must be RuntimeDefault or Localhost, here or in spec.securityContext (restricted: seccomp)"],
    ["capabilities not dropped", (s) => delete sc0(s).capabilities,
      "spec.containers[0].securityContext.capabilities.drop: must include ALL (restricted: capabilities)"],
    ["a partial capability drop", (s) => (sc0(s).capabilities.drop = ["NET_RAW"]),
      "spec.containers[0].securityContext.capabilities.drop: must include ALL (restricted: capabilities)"],
    ["an added capability outside the baseline set", (s) => (sc0(s).capabilities.add = ["SYS_ADMIN"]),
      'spec.containers[0].securityContext.capabilities.add[0]: "SYS_ADMIN" is not allowed, only NET_BIND_SERVICE (restricted: capabilities)'],
    ["an added capability inside the baseline set", (s) => (sc0(s).capabilities.add = ["NET_BIND_SERVICE", "CHOWN"]),
      'spec.containers[0].securityContext.capabilities.add[1]: "CHOWN" is not allowed, only NET_BIND_SERVICE (restricted: capabilities)'],
  ])("%s", (_what, change, message) => {
    expect(checkRestricted(withSpec(change))).toEqual([message]);
  });

  it("checks an AppArmor annotation in the pod metadata, at the template's metadata path", () => {
    const metadata = { annotations: { "container.apparmor.security.beta.kubernetes.io/manager": "unconfined" } };
    expect(checkRestricted(goodSpec(), "spec.template.spec", metadata)).toEqual([
      'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/manager"]: must be runtime/default or localhost/*, got "unconfined" (baseline: AppArmor)',
    ]);
    const allowed = { annotations: { "container.apparmor.security.beta.kubernetes.io/manager": "localhost/profile" } };
    expect(checkRestricted(goodSpec(), "spec.template.spec", allowed)).toEqual([]);
  });

  it("checks ephemeral containers like the others", () => {
    const spec = withSpec((s) => (s.ephemeralContainers = [{ name: "debug", image: "busybox" }]));
    expect(checkRestricted(spec)).toEqual([
      "spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation: must be false (restricted: privilege escalation)",
      "spec.ephemeralContainers[0].securityContext.capabilities.drop: must include ALL (restricted: capabilities)",
    ]);
  });

  it("reports a container with no securityContext under every rule it breaks", () => {
    const spec = withSpec((s) => {
      delete s.securityContext;
      delete s.initContainers;
      delete c0(s).securityContext;
    });
    expect(checkRestricted(spec)).toEqual([
      "spec.containers[0].securityContext.allowPrivilegeEscalation: must be false (restricted: privilege escalation)",
      "spec.containers[0].securityContext.runAsNonRoot: must be true, here or in spec.securityContext (restricted: running as non-root)",
      "spec.containers[0].securityContext.seccompProfile.type: must be RuntimeDefault or Localhost, here or in spec.securityContext (restricted: seccomp)",
      "spec.containers[0].securityContext.capabilities.drop: must include ALL (restricted: capabilities)",
    ]);
  });

  it("exempts Windows pods from the Linux-only restricted rules, as admission does", () => {
    const spec = withSpec((s) => {
      s.os = { name: "windows" };
      delete s.securityContext.seccompProfile;
      for (const c of [...s.containers, ...s.initContainers]) c.securityContext = { runAsNonRoot: true };
    });
    expect(checkRestricted(spec)).toEqual([]);
    expect(checkRestricted({ ...spec, os: { name: "linux" } })).toHaveLength(6);
  });

  it("relaxes the root-user rules, but not procMount, for pods in a user namespace", () => {
    const spec = withSpec((s) => {
      s.hostUsers = false;
      s.securityContext.runAsUser = 0;
      s.securityContext.runAsNonRoot = false;
      sc0(s).runAsUser = 0;
      delete sc0(s).runAsNonRoot;
      sc0(s).procMount = "Unmasked";
    });
    expect(checkRestricted(spec)).toEqual([
      'spec.containers[0].securityContext.procMount: must be Default, got "Unmasked" (restricted: /proc mount type)',
    ]);
    expect(checkBaseline(spec)).toEqual([]);
  });

  it("reports a pod spec that is not an object", () => {
    expect(checkRestricted(undefined, "spec.template.spec")).toEqual(["spec.template.spec: pod spec must be an object"]);
  });
});

describe("checkBaseline", () => {
  it("accepts a default pod that restricted rejects", () => {
    const spec = { containers: [{ name: "app", image: "nginx" }] };
    expect(checkBaseline(spec)).toEqual([]);
    expect(checkRestricted(spec)).not.toEqual([]);
  });

  it.each<[string, (s: Manifest) => void, string]>([
    ["a capability outside the default set", (s) => (sc0(s).capabilities.add = ["CHOWN", "NET_ADMIN"]),
      'spec.containers[0].securityContext.capabilities.add[1]: "NET_ADMIN" is not in the baseline set (baseline: capabilities)'],
    ["a hostPath volume", (s) => s.volumes.push({ name: "h", hostPath: { path: "/" } }),
      "spec.volumes[4].hostPath: hostPath volumes are forbidden (baseline: HostPath volumes)"],
    ["an Unconfined seccomp profile", (s) => (sc0(s).seccompProfile = { type: "Unconfined" }),
      'spec.containers[0].securityContext.seccompProfile.type: must not be "Unconfined" (baseline: seccomp)'],
    ["an Unmasked /proc", (s) => (sc0(s).procMount = "Unmasked"),
      'spec.containers[0].securityContext.procMount: must be Default, got "Unmasked" (baseline: /proc mount type)'],
  ])("reports %s", (_what, change, message) => {
    expect(checkBaseline(withSpec(change))).toEqual([message]);
  });

  it("allows what only restricted forbids", () => {
    const spec = withSpec((s) => {
      s.volumes.push({ name: "n", nfs: { server: "nfs", path: "/" } });
      sc0(s).capabilities = { add: ["CHOWN"] };
      sc0(s).allowPrivilegeEscalation = true;
      sc0(s).runAsUser = 0;
    });
    expect(checkBaseline(spec)).toEqual([]);
  });
});

describe("checkRestrictedManifest", () => {
  it("uses the object's own paths", () => {
    const sts = f.clone(f.statefulSet);
    sts.spec.template.spec.containers[0].securityContext.privileged = true;
    expect(checkRestrictedManifest(sts)).toEqual([
      "spec.template.spec.containers[0].securityContext.privileged: must not be true (baseline: privileged containers)",
    ]);
  });

  it("accepts the realistic Pod and StatefulSet and ignores kinds without pods", () => {
    expect(f.allGood.flatMap((m) => checkRestrictedManifest(m))).toEqual([]);
    expect(checkRestrictedManifest({ ...f.service, spec: { hostNetwork: true } })).toEqual([]);
  });
});

describe("checkReadOnlyRootFilesystem", () => {
  it("accepts containers that all mount their root filesystem read-only", () => {
    expect(checkReadOnlyRootFilesystem(goodSpec())).toEqual([]);
    expect(checkReadOnlyRootFilesystem(f.pod.spec)).toEqual([]);
  });

  it.each<[string, (s: Manifest) => void, string]>([
    ["unset on a container", (s) => delete sc0(s).readOnlyRootFilesystem,
      "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem: must be true"],
    ["false on an init container", (s) => (s.initContainers[0].securityContext.readOnlyRootFilesystem = false),
      "spec.template.spec.initContainers[0].securityContext.readOnlyRootFilesystem: must be true"],
    ["missing on an ephemeral container", (s) => (s.ephemeralContainers = [{ name: "debug" }]),
      "spec.template.spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem: must be true"],
  ])("reports it %s", (_what, change, message) => {
    expect(checkReadOnlyRootFilesystem(withSpec(change), "spec.template.spec")).toEqual([message]);
  });
});
