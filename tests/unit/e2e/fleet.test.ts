import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGitLab, type MockGitLab } from "../../../src/mock-gitlab/index.js";
import { createRunnerThroughAdminApi, managerSystemId, valuesForMock } from "../../../src/testing/e2e/fleet.js";

describe("managerSystemId", () => {
  it("is the system_id files/entrypoint.sh derives with sha256sum", async () => {
    const id = { seed: "cluster-a", namespace: "gitlab-runners", release: "fleet", pod: "fleet-gitlab-runner-fleet-0" };
    const { stdout } = await execa("bash", [
      "-c",
      'printf "%s/%s/%s/%s" "$0" "$1" "$2" "$3" | sha256sum',
      id.seed,
      id.namespace,
      id.release,
      id.pod,
    ]);
    expect(managerSystemId(id)).toBe(`s_${stdout.slice(0, 12)}`);
    expect(managerSystemId({ ...id, pod: "fleet-gitlab-runner-fleet-1" })).not.toBe(managerSystemId(id));
  });
});

describe("createRunnerThroughAdminApi", () => {
  let mock: MockGitLab;
  beforeAll(async () => {
    mock = await startMockGitLab();
  });
  afterAll(() => mock.close());

  it("creates an instance runner with a glrt- token through POST /api/v4/user/runners", async () => {
    const created = await createRunnerThroughAdminApi(mock.url, mock.adminToken, {
      description: "e2e",
      tag_list: ["kind"],
    });
    expect(created.token).toMatch(/^glrt-/);
    const runner = (await mock.control.listRunners()).find((r) => r.id === created.id);
    expect(runner).toMatchObject({
      token: created.token,
      runner_type: "instance_type",
      tag_list: ["kind"],
      run_untagged: true,
    });
    expect((await mock.control.requests({ endpoint: "admin/user/runners" })).map((r) => r.status)).toContain(201);
  });

  it("fails with GitLab's status when the admin token is wrong", async () => {
    await expect(createRunnerThroughAdminApi(mock.url, "glpat-FAKEWRONG")).rejects.toThrow(/answered 401/);
  });
});

describe("valuesForMock", () => {
  it("replaces gitlabUrl, every entry's token (existingSecret too) and drops the private CA", () => {
    const values = valuesForMock(
      {
        gitlabUrl: "https://gitlab.internal.example",
        gitlabCA: { secretName: "gitlab-ca" },
        runners: [
          { name: "a", token: { value: "glrt-FAKEA" } },
          { name: "b", token: { kind: "registration", existingSecret: { name: "legacy" } } },
        ],
      },
      "http://mock-gitlab.mock.svc:8080",
      { a: "glrt-fromMockA", b: "GR1348941fromMock" },
    );
    expect(values).toEqual({
      gitlabUrl: "http://mock-gitlab.mock.svc:8080",
      runners: [
        { name: "a", token: { kind: "authentication", value: "glrt-fromMockA" } },
        { name: "b", token: { kind: "registration", value: "GR1348941fromMock" } },
      ],
    });
  });

  it("refuses an entry the mock issued no token for", () => {
    expect(() => valuesForMock({ runners: [{ name: "a", token: { value: "glrt-FAKEA" } }] }, "http://x", {})).toThrow(
      "no mock token for runner entry a",
    );
  });
});
