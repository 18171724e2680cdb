// The mock GitLab as the kind tier runs it: deploy/mock-gitlab/mock-gitlab.yaml applied into its own namespace
// after the token Secret, plus a NodePort Service that tests/e2e/kind-config.yaml maps to the host's loopback,
// so runners reach it in-cluster (Service DNS) and the test process reaches its /__mock/ API from outside.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AppsV1Api,
  CoreV1Api,
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
} from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";
import { chartRoot } from "../../paths.js";
import { waitFor } from "../cluster/wait.js";

export const MOCK_MANIFEST = join(chartRoot, "deploy", "mock-gitlab", "mock-gitlab.yaml");
export const MOCK_NODEPORT_MANIFEST = join(chartRoot, "tests", "e2e", "mock-gitlab-nodeport.yaml");
/** The Secret deploy/mock-gitlab/mock-gitlab.yaml reads its tokens from. */
export const MOCK_TOKENS_SECRET = "mock-gitlab-tokens";
/** kind maps the NodePort to this host port on 127.0.0.1 (tests/e2e/kind-config.yaml). */
export const MOCK_HOST_PORT = 30080;

export interface MockInCluster {
  /** gitlabUrl for runners in the cluster. */
  inClusterUrl: string;
  /** The same mock from the test process. */
  hostUrl: string;
}

/** Objects of a manifest file with the namespace set, in file order. */
export function manifestObjects(path: string, namespace: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(path, "utf8"))
    .map((doc) => doc.toJS() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => o !== null)
    .map((o) => ({ ...o, metadata: { ...o.metadata, namespace } }));
}

export function mockUrls(namespace: string): MockInCluster {
  return { inClusterUrl: `http://mock-gitlab.${namespace}.svc:8080`, hostUrl: `http://127.0.0.1:${MOCK_HOST_PORT}` };
}

export interface MockTokens {
  admin: string;
  registration: string;
  /** More registration tokens the mock accepts (ct install: one per ci/ scenario). */
  extraRegistration?: string[];
}

/** The Secret deploy/mock-gitlab/mock-gitlab.yaml reads; extra registration tokens comma-separated. */
export function mockTokensSecretData(tokens: MockTokens): Record<string, string> {
  return {
    "admin-token": tokens.admin,
    "registration-token": tokens.registration,
    ...(tokens.extraRegistration?.length ? { "extra-registration-tokens": tokens.extraRegistration.join(",") } : {}),
  };
}

/** `publishOnHost: false` leaves out the NodePort (ct install needs only the in-cluster Service). */
export async function deployMockGitLab(
  kc: KubeConfig,
  namespace: string,
  tokens: MockTokens,
  opts: { publishOnHost?: boolean } = {},
): Promise<MockInCluster> {
  const publish = opts.publishOnHost ?? true;
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedSecret({
    namespace,
    body: { metadata: { name: MOCK_TOKENS_SECRET }, stringData: mockTokensSecretData(tokens) },
  });
  const objects = kc.makeApiClient(KubernetesObjectApi);
  for (const object of [
    ...manifestObjects(MOCK_MANIFEST, namespace),
    ...(publish ? manifestObjects(MOCK_NODEPORT_MANIFEST, namespace) : []),
  ])
    await objects.create(object);
  const apps = kc.makeApiClient(AppsV1Api);
  await waitFor("the mock GitLab Deployment to be available", 180_000, async () => {
    const deployment = await apps.readNamespacedDeployment({ name: "mock-gitlab", namespace });
    return (deployment.status?.availableReplicas ?? 0) >= 1 || `available ${deployment.status?.availableReplicas ?? 0}`;
  });
  const urls = mockUrls(namespace);
  if (!publish) return urls;
  await waitFor(
    `the mock GitLab on ${urls.hostUrl}`,
    60_000,
    async () => (await fetch(`${urls.hostUrl}/__mock/faults`)).ok,
  );
  return urls;
}
