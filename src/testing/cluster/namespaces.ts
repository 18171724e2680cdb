import type { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { clientNode } from "./client-node.js";
import { waitFor } from "./wait.js";

export type PodSecurityLevel = "privileged" | "baseline" | "restricted";

/** The labels the PodSecurity admission plugin reads: enforce (and warn/audit) at `level`, latest rules. */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
  return Object.fromEntries(
    ["enforce", "warn", "audit"].flatMap((mode) => [
      [`pod-security.kubernetes.io/${mode}`, level],
      [`pod-security.kubernetes.io/${mode}-version`, "latest"],
    ]),
  );
}

/** Namespace names in use by a running test: a second claim waits until the first is released. */
const claims = new Map<string, Promise<void>>();

/**
 * The namespaces of one test. `create` claims a name (tests running at once that need the same
 * name, such as a job namespace fixed in a scenario, take turns), `cleanup` deletes every
 * namespace created here and waits until they are gone, whatever happened in the test.
 */
export class NamespaceScope {
  private readonly created: { name: string; release: () => void }[] = [];
  private core: CoreV1Api | undefined;

  constructor(private readonly kc: KubeConfig) {}

  async create(name: string, level: PodSecurityLevel): Promise<string> {
    const core = (this.core ??= this.kc.makeApiClient((await clientNode()).CoreV1Api));
    for (let previous = claims.get(name); previous; previous = claims.get(name)) await previous;
    let release = (): void => undefined;
    claims.set(name, new Promise<void>((resolve) => (release = resolve)));
    this.created.push({ name, release: () => (claims.delete(name), release()) });
    await core.createNamespace({ body: { metadata: { name, labels: podSecurityLabels(level) } } });
    // The ServiceAccount admission plugin refuses every pod until kube-controller-manager has made
    // the namespace's "default" ServiceAccount, which can lag under load: wait, as a user would.
    await waitFor(`the default ServiceAccount of namespace ${name}`, 60_000, async () => {
      try {
        await core.readNamespacedServiceAccount({ name: "default", namespace: name });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return "not created yet";
        throw error;
      }
    });
    return name;
  }

  async cleanup(timeoutMs = 120_000): Promise<void> {
    const { core } = this;
    if (!core) return; // nothing was created
    const problems: string[] = [];
    await Promise.all(
      this.created.splice(0).map(async ({ name, release }) => {
        try {
          await core.deleteNamespace({ name }).catch((error: unknown) => {
            if (statusOf(error) !== 404) throw error;
          });
          await waitFor(`namespace ${name} to be deleted`, timeoutMs, async () => {
            try {
              const ns = await core.readNamespace({ name });
              return `phase ${ns.status?.phase ?? "?"}, conditions ${JSON.stringify(ns.status?.conditions?.filter((c) => c.status === "True") ?? [])}`;
            } catch (error) {
              if (statusOf(error) === 404) return true;
              throw error;
            }
          });
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        } finally {
          release();
        }
      }),
    );
    if (problems.length > 0) throw new Error(`namespace cleanup failed:\n${problems.join("\n")}`);
  }
}

/** HTTP status of a client-node error (ApiException carries `code`), or undefined. */
export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : undefined;
}
