import { Gitlab, GitbeakerRequestError } from "@gitbeaker/rest";
import { describe, expect, it } from "vitest";
import { requestJob, startMock, SYSTEM_ID_A, SYSTEM_ID_B } from "./helpers.js";

/** Status of a rejected gitbeaker call, so assertions can name the HTTP status. */
async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof GitbeakerRequestError) return err.cause?.response.status ?? -1;
    throw err;
  }
  return 200;
}

describe("driving the mock with the real @gitbeaker/rest client", () => {
  it("creates a runner with Users.createCIRunner and reads it back with Runners.show", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: mock.adminToken });
    const created = await api.Users.createCIRunner("instance_type", {
      description: "gitbeaker-made",
      tagList: ["k8s", "arm64"],
      runUntagged: false,
      maximumTimeout: 3600,
      accessLevel: "ref_protected",
    });
    expect(created.token).toMatch(/^glrt-/);
    expect(created.token_expires_at).toBeNull();

    const shown = await api.Runners.show(created.id);
    expect(shown).toMatchObject({
      id: created.id,
      description: "gitbeaker-made",
      tag_list: ["k8s", "arm64"],
      run_untagged: false,
      maximum_timeout: 3600,
      access_level: "ref_protected",
      runner_type: "instance_type",
      status: "never_contacted",
    });
  });

  it("lists every runner with Runners.all by following Link headers across pages", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: mock.adminToken });
    for (let i = 0; i < 23; i++) await api.Users.createCIRunner("instance_type", { description: `r${i}` });
    const all = await api.Runners.all();
    expect(all).toHaveLength(23);
    expect(new Set(all.map((r) => r.id)).size).toBe(23);
    const pagesFetched = (await mock.control.requests({ endpoint: "admin/runners/all" })).length;
    expect(pagesFetched).toBe(2);
  });

  it("exposes GitLab's pagination headers to Runners.all({ showExpanded })", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: mock.adminToken });
    for (let i = 0; i < 7; i++) await api.Users.createCIRunner("instance_type");
    const { data, paginationInfo } = await api.Runners.all({ perPage: 3, page: 2, showExpanded: true });
    expect(data).toHaveLength(3);
    expect(paginationInfo).toEqual({ total: 7, next: 3, current: 2, previous: 1, perPage: 3, totalPages: 3 });
  });

  it("filters Runners.all by tagList sent as tag_list[]", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: mock.adminToken });
    const gpu = await api.Users.createCIRunner("instance_type", { tagList: ["gpu"] });
    await api.Users.createCIRunner("instance_type", { tagList: ["cpu"] });
    const found = await api.Runners.all({ tagList: ["gpu"] });
    expect(found.map((r) => r.id)).toEqual([gpu.id]);
  });

  it("reads runner managers through the raw requester (gitbeaker has no managers method)", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: mock.adminToken });
    const runner = await api.Users.createCIRunner("instance_type");
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_A });
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_B });
    const res = await api.requester.get(`runners/${runner.id}/managers`);
    expect(res.status).toBe(200);
    expect((res.body as Array<{ system_id: string }>).map((m) => m.system_id)).toEqual([SYSTEM_ID_A, SYSTEM_ID_B]);
  });

  it("pauses with Runners.edit and deletes with Runners.remove", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: mock.adminToken });
    const runner = await api.Users.createCIRunner("instance_type");
    const edited = await api.Runners.edit(runner.id, { paused: true, description: "paused by test" });
    expect(edited).toMatchObject({ paused: true, active: false, description: "paused by test" });
    await api.Runners.remove({ runnerId: runner.id });
    expect(await statusOf(api.Runners.show(runner.id))).toBe(404);
  });

  it("registers and removes a legacy runner with Runners.create and Runners.remove({ token })", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: mock.adminToken });
    const registered = await api.Runners.create(mock.registrationToken, { description: "legacy", tagList: ["old"] });
    expect(registered.token).not.toMatch(/^glrt-/);
    const [view] = await mock.control.listRunners();
    expect(view).toMatchObject({
      id: registered.id,
      description: "legacy",
      tag_list: ["old"],
      registration_type: "registration_token",
    });
    await api.Runners.remove({ token: registered.token });
    expect(await mock.control.listRunners()).toEqual([]);
  });

  it("verifies a runner token sent as PRIVATE-TOKEN, the way runner 17.9 authenticates", async () => {
    const mock = await startMock();
    const created = await new Gitlab({ host: mock.url, token: mock.adminToken }).Users.createCIRunner("instance_type");
    const asRunner = new Gitlab({ host: mock.url, token: created.token });
    await asRunner.Runners.verify({ systemId: SYSTEM_ID_A });
    expect((await mock.control.managers(created.id)).map((m) => m.system_id)).toEqual([SYSTEM_ID_A]);
  });

  it("is rejected with 401 when the admin token is wrong", async () => {
    const mock = await startMock();
    const api = new Gitlab({ host: mock.url, token: "glpat-not-the-admin" });
    expect(await statusOf(api.Runners.all())).toBe(401);
  });
});
