import { describe, expect, it } from "vitest";
import { findObjects, type KubeObject } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { loadScenarios } from "./scenarios.js";
import { base } from "./values-cases.js";

// The metrics port also serves /debug/pprof and /debug/jobs/list (commands/multi.go of the pinned
// runner), so only named scrapers and the chart's own helm test pod may reach it.

interface Selector {
  matchLabels?: Record<string, string>;
}
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: unknown;
}
interface Policy extends KubeObject {
  spec: {
    podSelector: Selector;
    policyTypes: string[];
    ingress?: { ports?: { port: string | number }[]; from?: Peer[] }[];
    egress?: { ports?: { port: number }[]; to?: { ipBlock?: { cidr: string } }[] }[];
  };
}

const matches = (selector: Selector | undefined, labels: Record<string, string> = {}) =>
  Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
const policies = (objects: KubeObject[]) => findObjects(objects, "NetworkPolicy") as Policy[];
const testPodOf = (objects: KubeObject[]) =>
  findObjects(objects, "Pod").find((pod) => pod.metadata.annotations?.["helm.sh/hook"] === "test")!;
const managerLabels = (objects: KubeObject[]) =>
  (findObjects(objects, "StatefulSet")[0] as any).spec.template.metadata.labels as Record<string, string>;
const metricsPolicyOf = (objects: KubeObject[]) =>
  policies(objects).find((policy) => policy.spec.policyTypes.includes("Ingress"))!;

describe("metrics ingress", () => {
  it("is restricted by default: one ingress rule on the metrics port, from the helm test pod only", async () => {
    const { objects } = await renderOnce(base());
    const policy = metricsPolicyOf(objects);
    expect(policy).toBeDefined();
    expect(policy.spec.policyTypes).toEqual(["Ingress"]);
    expect(matches(policy.spec.podSelector, managerLabels(objects))).toBe(true);
    expect(policy.spec.ingress).toHaveLength(1);
    const [rule] = policy.spec.ingress!;
    expect(rule!.ports).toEqual([{ port: "metrics", protocol: "TCP" }]);
    // an empty or missing `from` would admit every pod in the cluster
    expect(rule!.from?.length).toBeGreaterThan(0);
    const testPod = testPodOf(objects);
    expect(
      rule!.from!.filter((peer) => !peer.namespaceSelector && matches(peer.podSelector, testPod.metadata.labels)),
    ).toHaveLength(1);
  });

  it("admits the peers named in metricsFrom besides the test pod", async () => {
    const scraper = { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } };
    const { objects } = await renderOnce({ ...base(), networkPolicy: { metricsFrom: [scraper] } });
    const from = metricsPolicyOf(objects).spec.ingress![0]!.from!;
    expect(from).toContainEqual(scraper);
    expect(from).toHaveLength(2);
  });

  it("renders no ingress policy when restrictMetrics is off", async () => {
    const { objects } = await renderOnce({ ...base(), networkPolicy: { restrictMetrics: false } });
    expect(policies(objects)).toEqual([]);
  });
});

describe("the helm test pod", () => {
  it("carries labels no manager selector matches (not counted by the PDB, not behind the Services, not under the manager policies)", async () => {
    const { objects } = await renderOnce({ ...base(), networkPolicy: { enabled: true } });
    const labels = testPodOf(objects).metadata.labels;
    const selectors: [string, Selector | undefined][] = [
      ...findObjects(objects, "StatefulSet").map(
        (obj: any) => [`StatefulSet ${obj.metadata.name}`, obj.spec.selector] as [string, Selector],
      ),
      ...findObjects(objects, "PodDisruptionBudget").map(
        (obj: any) => [`PDB ${obj.metadata.name}`, obj.spec.selector] as [string, Selector],
      ),
      ...findObjects(objects, "Service").map(
        (obj: any) => [`Service ${obj.metadata.name}`, { matchLabels: obj.spec.selector }] as [string, Selector],
      ),
      ...policies(objects).map(
        (obj) => [`NetworkPolicy ${obj.metadata.name}`, obj.spec.podSelector] as [string, Selector],
      ),
    ];
    expect(selectors.length).toBeGreaterThan(3);
    for (const [what, selector] of selectors) expect(matches(selector, labels), what).toBe(false);
  });
});

describe("ci/hardened-values.yaml", () => {
  const hardened = loadScenarios().find((scenario) => scenario.name === "hardened")!;

  it("lets the helm test pod and the monitoring namespace reach the metrics port", async () => {
    const { objects } = await renderOnce(hardened.values);
    const from = metricsPolicyOf(objects).spec.ingress![0]!.from!;
    expect(
      from.some((peer) => matches(peer.podSelector, testPodOf(objects).metadata.labels) && !peer.namespaceSelector),
    ).toBe(true);
    expect(
      from.some((peer) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring"),
    ).toBe(true);
  });

  it("sends GitLab traffic through the proxy, the API server around it, and lets the egress policy reach the proxy", async () => {
    const { objects } = await renderOnce(hardened.values);
    const container = (findObjects(objects, "StatefulSet")[0] as any).spec.template.spec.containers[0];
    const env = Object.fromEntries(container.env.map((v: { name: string; value?: string }) => [v.name, v.value]));
    expect(env.HTTPS_PROXY).toBe("http://proxy.example.com:3128");
    expect(env.NO_PROXY.split(",")).toContain("$(KUBERNETES_SERVICE_HOST)");
    const egress = policies(objects).find((policy) => policy.spec.policyTypes.includes("Egress"))!;
    const proxyRule = egress.spec.egress!.find((rule) => rule.ports?.some((port) => port.port === 3128));
    expect(proxyRule?.to?.map((peer) => peer.ipBlock?.cidr)).toEqual(
      hardened.values.networkPolicy && (hardened.values.networkPolicy as any).proxyCIDRs,
    );
  });
});
