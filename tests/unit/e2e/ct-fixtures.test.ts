// ct install puts every ci/ scenario in one namespace; the fixtures computed here are what CI creates first.
import { beforeAll, describe, expect, it } from "vitest";
import { CT_NAMESPACE, ctFixtures, ctScenarios, type CtFixtures } from "../../../src/testing/e2e/ct-fixtures.js";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("ctFixtures over every ci/ scenario", () => {
  let fixtures: CtFixtures;
  beforeAll(async () => {
    fixtures = ctFixtures(await ctScenarios("1.34.0"), PEM);
  }, 120_000);

  it("creates each referenced Secret once in the ct namespace, certificates as real PEM", () => {
    const secrets = fixtures.objects.filter((o) => o.kind === "Secret");
    const names = secrets.map((s) => s.metadata.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "gitlab-ca",
        "remote-cluster",
        "my-runner-token",
        "arm-runner-token",
        "minio-credentials",
        "gcs-cache-key",
        "azure-cache",
        "legacy-registration",
      ]),
    );
    expect(secrets.every((s) => s.metadata.namespace === CT_NAMESPACE)).toBe(true);
    expect(
      (secrets.find((s) => s.metadata.name === "gitlab-ca")?.stringData as Record<string, string>)["ca-bundle.pem"],
    ).toBe(PEM);
    expect(
      (secrets.find((s) => s.metadata.name === "remote-cluster")?.stringData as Record<string, string>)["ca.crt"],
    ).toBe(PEM);
  });

  it("leaves volumes to kind's provisioner and brings the priority class", () => {
    expect(fixtures.objects.filter((o) => o.kind === "StorageClass" || o.kind === "PersistentVolume")).toEqual([]);
    expect(fixtures.objects.find((o) => o.kind === "PriorityClass")?.metadata.name).toBe("ci-critical");
  });

  it("lists the job namespaces, the monitoring kinds and every legacy registration token", () => {
    expect([...fixtures.jobNamespaces.keys()]).toEqual(
      expect.arrayContaining(["ci-jobs", "ci-other", "ci-remote-jobs", "ci-long"]),
    );
    expect(fixtures.monitoringKinds.sort()).toEqual(["PodMonitor", "ServiceMonitor"]);
    const legacySecret = fixtures.objects.find((o) => o.kind === "Secret" && o.metadata.name === "legacy-registration")
      ?.stringData as Record<string, string>;
    expect(fixtures.registrationTokens.sort()).toEqual(
      ["GR1348941FAKECLEANUP0000", "GR1348941FAKEPERSISTENT", "GR1348941FAKEREGISTRATION", legacySecret.token].sort(),
    );
  });
});
