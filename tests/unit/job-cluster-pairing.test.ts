import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { jobClusterPairing, PAIRING_SECRET_KEYS, type JobClusterPairing } from "../../src/index.js";
import { chartRoot } from "../../src/paths.js";
import { configTomlOf, statefulSetOf } from "../../src/testing/render.js";
import { renderOnce } from "./render-once.js";
import { validateValues } from "../../src/values/validate.js";

// The manager side of job-cluster mode from the TS API: what a manager installed with this chart
// in another cluster needs to run its jobs here. The proof is the manager-side render itself.

const jobClusterValues = parse(readFileSync(join(chartRoot, "ci", "job-cluster-values.yaml"), "utf8")) as Record<
  string,
  unknown
>;
const options = { releaseName: "remote-ci", namespace: "ci-remote", host: "https://203.0.113.1:6443" };

describe("jobClusterPairing", () => {
  // The pairing of the ci values, made once (each call renders the chart) for the tests that read it.
  let pairing: JobClusterPairing;
  beforeAll(async () => {
    pairing = await jobClusterPairing(jobClusterValues, options);
  });

  it("names the job-cluster install's token Secret and ServiceAccount, one runner entry per job namespace", () => {
    expect(pairing.serviceAccount).toEqual({ namespace: "ci-remote", name: "remote-ci-gitlab-runner-fleet" });
    expect(pairing.externalCluster).toEqual({
      host: options.host,
      secretName: "remote-ci-gitlab-runner-fleet-job-cluster-token",
      caKey: "ca.crt",
      tokenKey: "token",
    });
    expect(pairing.values.runners).toEqual([
      { name: "ci-remote-jobs", kubernetes: { namespace: "ci-remote-jobs", externalCluster: pairing.externalCluster } },
    ]);
    expect(pairing.secret).toMatchObject({
      name: pairing.externalCluster.secretName,
      keys: PAIRING_SECRET_KEYS,
      longLived: true,
    });
    expect(pairing.secret.commands).toEqual([
      "kubectl -n ci-remote get configmap kube-root-ca.crt -o jsonpath='{.data.ca\\.crt}' > ca.crt",
      "kubectl -n ci-remote get secret remote-ci-gitlab-runner-fleet-job-cluster-token -o jsonpath='{.data.token}' | base64 -d > token",
      "kubectl -n <manager-namespace> create secret generic remote-ci-gitlab-runner-fleet-job-cluster-token --from-file=ca.crt=ca.crt --from-file=token=token",
    ]);
  });

  it("gives manager-side values that, with a GitLab URL and token, render a manager using that cluster", async () => {
    const manager = {
      gitlabUrl: "https://gitlab.example.com",
      runners: pairing.values.runners.map((entry) => ({ ...entry, token: { value: "glrt-FAKEPAIRED000000000000" } })),
    };
    expect(validateValues(manager).errors).toEqual([]);
    const { objects } = await renderOnce(manager);
    const [entry] = configTomlOf(objects).runners as { kubernetes: Record<string, string> }[];
    expect(entry?.kubernetes).toMatchObject({ host: options.host, namespace: "ci-remote-jobs" });
    const sources =
      statefulSetOf(objects).spec?.template.spec?.volumes?.find((v) => v.name === "secrets")?.projected?.sources ?? [];
    const fromPairedSecret = sources
      .find((source) => source.secret?.name === pairing.secret.name)
      ?.secret?.items?.map((item) => item.key);
    expect(fromPairedSecret).toEqual(["ca.crt", "token"]);
  });

  it("gives the TokenRequest command when the install keeps no token Secret, under the same Secret name", async () => {
    const values = { jobCluster: { ...(jobClusterValues.jobCluster as object), createTokenSecret: false } };
    const tokenRequest = await jobClusterPairing(values, options);
    expect(tokenRequest.secret.longLived).toBe(false);
    expect(tokenRequest.secret.name).toBe(pairing.secret.name);
    expect(tokenRequest.secret.commands[1]).toBe(
      "kubectl -n ci-remote create token remote-ci-gitlab-runner-fleet --duration 24h > token",
    );
  });

  it("refuses values that are not a job-cluster install, invalid values and a host that is not https", async () => {
    await expect(
      jobClusterPairing(
        { gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE0" } }] },
        options,
      ),
    ).rejects.toThrow("jobCluster.enabled: the pairing is made from the values of a job-cluster install");
    await expect(jobClusterPairing({ jobCluster: { enabled: true } }, options)).rejects.toThrow(
      "jobCluster.namespaces: at least one namespace required",
    );
    await expect(jobClusterPairing(jobClusterValues, { ...options, host: "http://203.0.113.1:6443" })).rejects.toThrow(
      "is not an https:// URL",
    );
  });
});
