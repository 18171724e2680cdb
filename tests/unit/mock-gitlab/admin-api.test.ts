import { describe, expect, it } from "vitest";
import {
  admin,
  call,
  createRunner,
  INFO_17_9,
  INFO_19_4,
  requestJob,
  startMock,
  SYSTEM_ID_A,
  SYSTEM_ID_B,
} from "./helpers.js";

const HOUR = 60 * 60 * 1000;

describe("admin API authentication", () => {
  const endpoints: Array<[string, string]> = [
    ["POST", "/api/v4/user/runners"],
    ["GET", "/api/v4/runners/all"],
    ["GET", "/api/v4/runners/1"],
    ["PUT", "/api/v4/runners/1"],
    ["DELETE", "/api/v4/runners/1"],
    ["GET", "/api/v4/runners/1/managers"],
  ];

  it.each(endpoints)("%s %s answers 401 without a token and with a wrong one", async (method, path) => {
    const mock = await startMock({ adminToken: "glpat-admin-secret-1" });
    const json = method === "POST" || method === "PUT" ? { runner_type: "instance_type" } : undefined;
    const missing = await call(mock, method, path, { ...(json ? { json } : {}) });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ message: "401 Unauthorized" });
    const wrong = await call(mock, method, path, {
      headers: { "PRIVATE-TOKEN": "glpat-wrong" },
      ...(json ? { json } : {}),
    });
    expect(wrong.status).toBe(401);
  });

  it("does not accept a runner token as admin token", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await call(mock, "GET", "/api/v4/runners/all", { headers: { "PRIVATE-TOKEN": runner.token } });
    expect(res.status).toBe(401);
  });

  it("accepts the admin token as an Authorization: Bearer header", async () => {
    const mock = await startMock();
    const res = await call(mock, "GET", "/api/v4/runners/all", {
      headers: { Authorization: `Bearer ${mock.adminToken}` },
    });
    expect(res.status).toBe(200);
  });
});

describe("POST /api/v4/user/runners", () => {
  it("creates a runner and returns 201 {id, token: glrt-…, token_expires_at: null}", async () => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/api/v4/user/runners", {
      headers: admin(mock),
      json: {
        runner_type: "instance_type",
        description: "fleet-a",
        tag_list: ["k8s", "amd64"],
        run_untagged: false,
        locked: true,
        access_level: "ref_protected",
        paused: false,
        maximum_timeout: 3600,
        maintenance_note: "managed by helm",
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Object.keys(res.body).sort()).toEqual(["id", "token", "token_expires_at"]);
    expect(res.body.token).toMatch(/^glrt-[A-Za-z0-9]{20}$/);
    expect(res.body.token_expires_at).toBeNull();

    const show = await call(mock, "GET", `/api/v4/runners/${res.body.id}`, { headers: admin(mock) });
    expect(show.body).toMatchObject({
      description: "fleet-a",
      tag_list: ["k8s", "amd64"],
      run_untagged: false,
      locked: true,
      access_level: "ref_protected",
      maximum_timeout: 3600,
      maintenance_note: "managed by helm",
      runner_type: "instance_type",
      is_shared: true,
    });
  });

  it("accepts form-encoded parameters with a comma-separated tag_list, as curl sends them", async () => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/api/v4/user/runners", {
      headers: { ...admin(mock), "Content-Type": "application/x-www-form-urlencoded" },
      body: "runner_type=instance_type&tag_list=a,b&run_untagged=false",
    });
    expect(res.status).toBe(201);
    const show = await call(mock, "GET", `/api/v4/runners/${res.body.id}`, { headers: admin(mock) });
    expect(show.body).toMatchObject({ tag_list: ["a", "b"], run_untagged: false });
  });

  it("requires group_id for group runners and project_id for project runners", async () => {
    const mock = await startMock();
    const group = await call(mock, "POST", "/api/v4/user/runners", {
      headers: admin(mock),
      json: { runner_type: "group_type" },
    });
    expect(group.status).toBe(400);
    expect(group.body.message).toContain("group_id");
    const project = await call(mock, "POST", "/api/v4/user/runners", {
      headers: admin(mock),
      json: { runner_type: "project_type", project_id: 7 },
    });
    expect(project.status).toBe(201);
    const show = await call(mock, "GET", `/api/v4/runners/${project.body.id}`, { headers: admin(mock) });
    expect(show.body).toMatchObject({ runner_type: "project_type", is_shared: false });
  });

  it.each([
    [{}, "runner_type is missing"],
    [{ runner_type: "shared" }, "runner_type does not have a valid value"],
    [{ runner_type: "instance_type", tag_list: 5 }, "tag_list is invalid"],
    [{ runner_type: "instance_type", maximum_timeout: 60 }, "maximum_timeout"],
    [{ runner_type: "instance_type", access_level: "everyone" }, "access_level"],
    [{ runner_type: "instance_type", paused: "maybe" }, "paused is invalid"],
  ])("rejects %j with 400", async (json, message) => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/api/v4/user/runners", { headers: admin(mock), json });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
    expect(await mock.control.listRunners()).toEqual([]);
  });
});

describe("GET /api/v4/runners/:id", () => {
  it("returns GitLab's runner details shape", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock, { description: "d", tag_list: ["x"] });
    const res = await call(mock, "GET", `/api/v4/runners/${runner.id}`, { headers: admin(mock) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Object.keys(res.body).sort()).toEqual(
      [
        "access_level",
        "active",
        "architecture",
        "contacted_at",
        "created_at",
        "description",
        "groups",
        "id",
        "ip_address",
        "is_shared",
        "job_execution_status",
        "locked",
        "maintenance_note",
        "maximum_timeout",
        "name",
        "online",
        "paused",
        "platform",
        "projects",
        "revision",
        "run_untagged",
        "runner_type",
        "status",
        "tag_list",
        "version",
      ].sort(),
    );
    expect(res.body).toMatchObject({
      id: runner.id,
      active: true,
      paused: false,
      online: false,
      status: "never_contacted",
      contacted_at: null,
      version: null,
      job_execution_status: "idle",
    });
  });

  it("reports version, platform and ip from the most recently contacted manager", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_A, info: INFO_17_9 });
    await new Promise((r) => setTimeout(r, 5));
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_B, info: INFO_19_4 });
    const res = await call(mock, "GET", `/api/v4/runners/${runner.id}`, { headers: admin(mock) });
    expect(res.body).toMatchObject({
      status: "online",
      online: true,
      version: "19.4.0",
      revision: "a1b2c3d4",
      platform: "linux",
      architecture: "amd64",
      ip_address: "127.0.0.1",
      name: "gitlab-runner",
    });
    expect(Date.parse(res.body.contacted_at)).not.toBeNaN();
  });

  it("reports offline after two hours without contact and stale after seven days", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const mock = await startMock({ now: () => now });
    const runner = await createRunner(mock);
    await requestJob(mock, runner.token);
    const status = async () =>
      (await call(mock, "GET", `/api/v4/runners/${runner.id}`, { headers: admin(mock) })).body.status;
    expect(await status()).toBe("online");
    now = new Date(now.getTime() + 3 * HOUR);
    expect(await status()).toBe("offline");
    now = new Date(now.getTime() + 8 * 24 * HOUR);
    expect(await status()).toBe("stale");
  });

  it("answers 404 for an unknown runner", async () => {
    const mock = await startMock();
    const res = await call(mock, "GET", "/api/v4/runners/4242", { headers: admin(mock) });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "404 Runner Not Found" });
  });
});

describe("GET /api/v4/runners/all", () => {
  it("paginates with X-Total, X-Total-Pages, X-Page, X-Per-Page, X-Next-Page, X-Prev-Page and Link", async () => {
    const mock = await startMock();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createRunner(mock, { description: `r${i}` })).id);
    const page2 = await call(mock, "GET", "/api/v4/runners/all?page=2&per_page=2", { headers: admin(mock) });
    expect(page2.status).toBe(200);
    expect(page2.body.map((r: { id: number }) => r.id)).toEqual(ids.slice(2, 4));
    expect(page2.headers.get("x-total")).toBe("5");
    expect(page2.headers.get("x-total-pages")).toBe("3");
    expect(page2.headers.get("x-page")).toBe("2");
    expect(page2.headers.get("x-per-page")).toBe("2");
    expect(page2.headers.get("x-next-page")).toBe("3");
    expect(page2.headers.get("x-prev-page")).toBe("1");
    expect(page2.headers.get("link")).toContain(`<${mock.url}/api/v4/runners/all?page=3&per_page=2>; rel="next"`);
    expect(page2.headers.get("link")).toContain('rel="last"');

    const last = await call(mock, "GET", "/api/v4/runners/all?page=3&per_page=2", { headers: admin(mock) });
    expect(last.body).toHaveLength(1);
    expect(last.headers.get("x-next-page")).toBe("");
    expect(last.headers.get("link")).not.toContain('rel="next"');
  });

  it("lists entries in GitLab's runner shape and defaults to 20 per page", async () => {
    const mock = await startMock();
    for (let i = 0; i < 21; i++) await createRunner(mock);
    const res = await call(mock, "GET", "/api/v4/runners/all", { headers: admin(mock) });
    expect(res.body).toHaveLength(20);
    expect(res.headers.get("x-per-page")).toBe("20");
    expect(Object.keys(res.body[0]).sort()).toEqual(
      [
        "active",
        "created_at",
        "description",
        "id",
        "ip_address",
        "is_shared",
        "job_execution_status",
        "name",
        "online",
        "paused",
        "runner_type",
        "status",
      ].sort(),
    );
  });

  it("filters by type, paused, tag_list and status", async () => {
    const mock = await startMock();
    const a = await createRunner(mock, { tag_list: ["x", "y"] });
    const b = await createRunner(mock, { runner_type: "group_type", group_id: 3, paused: true });
    const c = await createRunner(mock, { tag_list: ["x"] });
    await requestJob(mock, c.token);
    const ids = async (query: string) =>
      (await call(mock, "GET", `/api/v4/runners/all?${query}`, { headers: admin(mock) })).body.map(
        (r: { id: number }) => r.id,
      );
    expect(await ids("type=group_type")).toEqual([b.id]);
    expect(await ids("paused=true")).toEqual([b.id]);
    expect(await ids("tag_list=x,y")).toEqual([a.id]);
    expect(await ids("tag_list[]=x")).toEqual([a.id, c.id]);
    expect(await ids("status=online")).toEqual([c.id]);
    expect(await ids("status=never_contacted")).toEqual([a.id, b.id]);
    const bad = await call(mock, "GET", "/api/v4/runners/all?status=sleeping", { headers: admin(mock) });
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/v4/runners/:id/managers", () => {
  it("lists one entry per system_id with GitLab's manager fields", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_A, info: INFO_19_4 });
    await call(mock, "POST", "/api/v4/runners/verify", {
      json: { token: runner.token, system_id: SYSTEM_ID_B, info: INFO_17_9 },
    });
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_A, info: INFO_19_4 });
    const res = await call(mock, "GET", `/api/v4/runners/${runner.id}/managers`, { headers: admin(mock) });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    const [a, b] = res.body;
    expect(Object.keys(a).sort()).toEqual(
      [
        "architecture",
        "contacted_at",
        "created_at",
        "id",
        "ip_address",
        "job_execution_status",
        "platform",
        "revision",
        "status",
        "system_id",
        "version",
      ].sort(),
    );
    expect(a).toMatchObject({
      system_id: SYSTEM_ID_A,
      version: "19.4.0",
      platform: "linux",
      architecture: "amd64",
      status: "online",
      ip_address: "127.0.0.1",
    });
    expect(b).toMatchObject({
      system_id: SYSTEM_ID_B,
      version: "17.9.0",
      architecture: "arm64",
      status: "never_contacted",
      contacted_at: null,
    });
    expect(Number.isInteger(a.id) && a.id !== b.id).toBe(true);
  });
});

describe("PUT and DELETE /api/v4/runners/:id", () => {
  it("edits runner attributes and returns the details", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await call(mock, "PUT", `/api/v4/runners/${runner.id}`, {
      headers: admin(mock),
      json: { description: "renamed", tag_list: ["new"], paused: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: "renamed", tag_list: ["new"], paused: true, active: false });
  });

  it("deletes a runner with 204; its token and details are gone afterwards", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await requestJob(mock, runner.token);
    const del = await call(mock, "DELETE", `/api/v4/runners/${runner.id}`, { headers: admin(mock) });
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect((await call(mock, "GET", `/api/v4/runners/${runner.id}`, { headers: admin(mock) })).status).toBe(404);
    expect((await requestJob(mock, runner.token)).status).toBe(403);
    expect((await call(mock, "DELETE", `/api/v4/runners/${runner.id}`, { headers: admin(mock) })).status).toBe(404);
  });
});
