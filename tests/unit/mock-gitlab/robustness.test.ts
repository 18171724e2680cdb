import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import type { MockGitLab } from "../../../src/mock-gitlab/index.js";
import { admin, call, createRunner, requestJob, startMock } from "./helpers.js";

/** Proves the server is still up and answering after an abuse attempt. */
async function stillServes(mock: MockGitLab): Promise<void> {
  expect((await call(mock, "GET", "/__mock/state")).status).toBe(200);
}

function rawRequest(mock: MockGitLab, payload: string, opts: { half?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(mock.port, "127.0.0.1", () => {
      socket.write(payload);
      if (opts.half) socket.end();
    });
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString()));
    socket.on("close", () => resolve(data));
    socket.on("error", () => resolve(data));
    setTimeout(() => socket.destroy(), 500);
  });
}

describe("malformed input", () => {
  it.each([
    ["invalid JSON", "{not json"],
    ["a JSON array", "[1,2]"],
    ["a JSON string", '"token"'],
  ])("answers 400 {message} for %s", async (_label, body) => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/api/v4/jobs/request", {
      headers: { "Content-Type": "application/json" },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(typeof res.body.message).toBe("string");
    await stillServes(mock);
  });

  it.each([
    [{ token: 42 }, "token is invalid"],
    [{ token: "t", system_id: 7 }, "system_id is invalid"],
    [{ token: "t", last_update: false }, "last_update is invalid"],
    [{ token: "t", info: "19.4.0" }, "info is invalid"],
    [{ token: "t", info: { version: 19 } }, "info[version] is invalid"],
    [{ token: "t", info: { features: { cancelable: "yes" } } }, "info[features] is invalid"],
  ])("answers 400 for wrong types in a job request: %j", async (json, message) => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/api/v4/jobs/request", { json });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  it("parses a JSON body even when the client labels it text/plain (fetch's default)", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await fetch(`${mock.url}/api/v4/jobs/request`, {
      method: "POST",
      body: JSON.stringify({ token: runner.token }),
    });
    expect(res.status).toBe(204);
  });

  it("answers 413 for a body over maxBodyBytes", async () => {
    const mock = await startMock({ maxBodyBytes: 1024 });
    const res = await call(mock, "POST", "/api/v4/jobs/request", { json: { token: "t", pad: "x".repeat(4096) } });
    expect(res.status).toBe(413);
    await stillServes(mock);
  });

  it("answers 404 for unknown paths and non-numeric ids, 405 with Allow for a wrong method", async () => {
    const mock = await startMock();
    const unknown = await call(mock, "GET", "/api/v4/projects");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: "404 Not Found" });
    expect((await call(mock, "PUT", "/api/v4/jobs/abc", { json: {} })).status).toBe(404);
    expect((await call(mock, "GET", "/api/v4/runners/99999999999999999999", { headers: admin(mock) })).status).toBe(
      404,
    );
    const wrongMethod = await call(mock, "GET", "/api/v4/jobs/request");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("survives garbage on the socket, a half-sent body and a protocol-relative path", async () => {
    const mock = await startMock();
    await rawRequest(mock, "\x00\x01\x02 not http at all\r\n\r\n");
    await rawRequest(
      mock,
      'POST /api/v4/jobs/request HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"tok',
      { half: true },
    );
    await new Promise((r) => setTimeout(r, 50));
    const [halfSent] = await mock.control.requests({ endpoint: "jobs/request" });
    expect(halfSent).toMatchObject({ status: null, body: null });
    const reply = await rawRequest(
      mock,
      "GET //evil.example/api/v4/runners/all HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
    await stillServes(mock);
    const runner = await createRunner(mock);
    expect((await requestJob(mock, runner.token)).status).toBe(204);
  });

  it("ignores an unsafe Host header when building URLs for the runner", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await mock.control.enqueueJob({ script: ["true"] });
    const reply = await rawRequest(
      mock,
      [
        "POST /api/v4/jobs/request HTTP/1.1",
        "Host: evil.example/<script>",
        "Content-Type: application/json",
        "Connection: close",
        `Content-Length: ${JSON.stringify({ token: runner.token }).length}`,
        "",
        JSON.stringify({ token: runner.token }),
      ].join("\r\n"),
    );
    expect(reply).toMatch(/^HTTP\/1\.1 201/);
    expect(reply).toContain(`"CI_SERVER_URL","value":"${mock.url}"`);
  });
});
