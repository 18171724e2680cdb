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

describe("POST /api/v4/runners (legacy registration)", () => {
  it("registers a runner with the registration token and answers 201 with a non-glrt token", async () => {
    const mock = await startMock({ registrationToken: "GR1348941legacy-registration" });
    const res = await call(mock, "POST", "/api/v4/runners", {
      headers: { "RUNNER-TOKEN": "GR1348941legacy-registration" },
      json: {
        token: "GR1348941legacy-registration",
        description: "legacy-1",
        tag_list: "docker, linux",
        run_untagged: false,
        locked: true,
        access_level: "ref_protected",
        maximum_timeout: 3600,
        paused: false,
        info: { ...INFO_19_4, executor: "", shell: "" },
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Object.keys(res.body).sort()).toEqual(["id", "token", "token_expires_at"]);
    expect(Number.isInteger(res.body.id) && res.body.id > 0).toBe(true);
    expect(res.body.token).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(res.body.token.startsWith("glrt-")).toBe(false);
    expect(res.body.token_expires_at).toBeNull();

    const [runner] = await mock.control.listRunners();
    expect(runner).toMatchObject({
      id: res.body.id,
      registration_type: "registration_token",
      runner_type: "instance_type",
      description: "legacy-1",
      tag_list: ["docker", "linux"],
      run_untagged: false,
      locked: true,
      access_level: "ref_protected",
      maximum_timeout: 3600,
      status: "never_contacted",
    });
  });

  it("answers 403 for a wrong registration token and creates nothing", async () => {
    const mock = await startMock({ registrationToken: "GR1348941right" });
    const res = await call(mock, "POST", "/api/v4/runners", { json: { token: "GR1348941wrong" } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ message: "403 Forbidden" });
    expect(await mock.control.listRunners()).toEqual([]);
  });

  it("accepts the extra registration tokens it was given, and still refuses others", async () => {
    const mock = await startMock({
      registrationToken: "GR1348941main",
      extraRegistrationTokens: ["GR1348941ci-a", "GR1348941ci-b"],
    });
    for (const token of ["GR1348941main", "GR1348941ci-a", "GR1348941ci-b"]) {
      expect((await call(mock, "POST", "/api/v4/runners", { json: { token } })).status).toBe(201);
    }
    expect((await call(mock, "POST", "/api/v4/runners", { json: { token: "GR1348941ci-c" } })).status).toBe(403);
    expect(await mock.control.listRunners()).toHaveLength(3);
    const logged = JSON.stringify(await mock.control.requests({ endpoint: "runners" }));
    expect(logged).not.toContain("GR1348941ci-a");
  });

  it("answers 403 when a glrt- authentication token is used as a registration token", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await call(mock, "POST", "/api/v4/runners", { json: { token: runner.token } });
    expect(res.status).toBe(403);
  });

  it("answers 410 when legacy registration is disabled, like GitLab 17+ by default", async () => {
    const mock = await startMock({ registrationToken: "GR1348941tok", legacyRegistration: false });
    const res = await call(mock, "POST", "/api/v4/runners", { json: { token: "GR1348941tok" } });
    expect(res.status).toBe(410);
    expect(res.body.message).toContain("registration disallowed");
  });

  it("forces run_untagged for a runner registered without tags", async () => {
    const mock = await startMock({ registrationToken: "GR1348941tok" });
    await call(mock, "POST", "/api/v4/runners", { json: { token: "GR1348941tok", run_untagged: false } });
    const [runner] = await mock.control.listRunners();
    expect(runner?.run_untagged).toBe(true);
  });
});

describe("POST /api/v4/runners/verify", () => {
  it("returns 200 {id, token, token_expires_at: null} with a non-zero id and registers the manager", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await call(mock, "POST", "/api/v4/runners/verify", {
      headers: { "RUNNER-TOKEN": runner.token, Accept: "application/json" },
      json: { token: runner.token, system_id: SYSTEM_ID_A, info: INFO_19_4 },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.body).toEqual({ id: runner.id, token: runner.token, token_expires_at: null });

    const managers = await mock.control.managers(runner.id);
    expect(managers).toHaveLength(1);
    expect(managers[0]).toMatchObject({
      system_id: SYSTEM_ID_A,
      version: "19.4.0",
      revision: "a1b2c3d4",
      platform: "linux",
      architecture: "amd64",
      executor: "shell",
      // Verifying is not a heartbeat: GitLab shows the manager as never contacted until it polls.
      status: "never_contacted",
      contacted_at: null,
      ip_address: "127.0.0.1",
    });
  });

  it("updates the existing manager for the same system_id instead of adding one", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    for (const info of [INFO_17_9, INFO_19_4]) {
      await call(mock, "POST", "/api/v4/runners/verify", {
        json: { token: runner.token, system_id: SYSTEM_ID_A, info },
      });
    }
    await call(mock, "POST", "/api/v4/runners/verify", { json: { token: runner.token, system_id: SYSTEM_ID_B } });
    const managers = await mock.control.managers(runner.id);
    expect(managers.map((m) => [m.system_id, m.version])).toEqual([
      [SYSTEM_ID_A, "19.4.0"],
      [SYSTEM_ID_B, null],
    ]);
  });

  it("verifies a legacy runner token too", async () => {
    const mock = await startMock({ registrationToken: "GR1348941tok" });
    const reg = await call(mock, "POST", "/api/v4/runners", { json: { token: "GR1348941tok" } });
    const res = await call(mock, "POST", "/api/v4/runners/verify", { json: { token: reg.body.token } });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(reg.body.id);
  });

  it("answers 403 for an unknown token", async () => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/api/v4/runners/verify", {
      json: { token: "glrt-doesnotexist", system_id: SYSTEM_ID_A },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/json");
  });

  it("accepts the v17.9 PRIVATE-TOKEN header when the body carries no token", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await call(mock, "POST", "/api/v4/runners/verify", {
      headers: { "PRIVATE-TOKEN": runner.token },
      json: { system_id: SYSTEM_ID_A },
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(runner.id);
  });

  it("prefers the body token over a header token", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await call(mock, "POST", "/api/v4/runners/verify", {
      headers: { "RUNNER-TOKEN": runner.token },
      json: { token: "glrt-stale-token-in-body" },
    });
    expect(res.status).toBe(403);
  });

  it("answers 400 when no token is sent anywhere", async () => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/api/v4/runners/verify", { json: { system_id: SYSTEM_ID_A } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/token is missing/);
  });
});

describe("DELETE /api/v4/runners (legacy unregister)", () => {
  it("reads the token from a JSON body on DELETE, deletes the runner with 204, then answers 403", async () => {
    const mock = await startMock({ registrationToken: "GR1348941tok" });
    const reg = await call(mock, "POST", "/api/v4/runners", { json: { token: "GR1348941tok" } });
    const del = await call(mock, "DELETE", "/api/v4/runners", { json: { token: reg.body.token } });
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect(await mock.control.listRunners()).toEqual([]);
    const again = await call(mock, "DELETE", "/api/v4/runners", { json: { token: reg.body.token } });
    expect(again.status).toBe(403);
  });
});

describe("DELETE /api/v4/runners/managers", () => {
  it("deletes only the manager of the given system_id and keeps the runner", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_A });
    await requestJob(mock, runner.token, { system_id: SYSTEM_ID_B });
    const del = await call(mock, "DELETE", "/api/v4/runners/managers", {
      json: { token: runner.token, system_id: SYSTEM_ID_A },
    });
    expect(del.status).toBe(204);
    expect((await mock.control.managers(runner.id)).map((m) => m.system_id)).toEqual([SYSTEM_ID_B]);
    const show = await call(mock, "GET", `/api/v4/runners/${runner.id}`, { headers: admin(mock) });
    expect(show.status).toBe(200);
  });

  it("answers 404 for an unknown system_id, 403 for an unknown token and 400 without system_id", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const unknownManager = await call(mock, "DELETE", "/api/v4/runners/managers", {
      json: { token: runner.token, system_id: SYSTEM_ID_B },
    });
    expect(unknownManager.status).toBe(404);
    const unknownToken = await call(mock, "DELETE", "/api/v4/runners/managers", {
      json: { token: "glrt-nope", system_id: SYSTEM_ID_A },
    });
    expect(unknownToken.status).toBe(403);
    const noSystemId = await call(mock, "DELETE", "/api/v4/runners/managers", { json: { token: runner.token } });
    expect(noSystemId.status).toBe(400);
  });
});

describe("POST /api/v4/runners/reset_authentication_token", () => {
  it("rotates the token: 201 with the new token and no expiry; the old token stops working", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await call(mock, "POST", "/api/v4/runners/reset_authentication_token", {
      json: { token: runner.token },
    });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^glrt-/);
    expect(res.body.token).not.toBe(runner.token);
    expect(res.body.token_expires_at).toBeNull();
    expect((await requestJob(mock, runner.token)).status).toBe(403);
    expect((await requestJob(mock, res.body.token)).status).toBe(204);
  });
});
