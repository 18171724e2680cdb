// tokenExpiresInSeconds: the mock hands out expiring runner tokens, the way a GitLab instance with
// runner token expiration does, so a runner (or the chart's entrypoint tests) can rotate against it.
import { describe, expect, it } from "vitest";
import { call, createRunner, startMock } from "./helpers.js";

const NOW = new Date("2026-01-02T03:04:05.000Z");
const IN_ONE_HOUR = "2026-01-02T04:04:05.000Z";

describe("tokenExpiresInSeconds", () => {
  it("register, verify and reset_authentication_token answer token_expires_at = now + lifetime", async () => {
    const mock = await startMock({
      tokenExpiresInSeconds: 3600,
      now: () => NOW,
      registrationToken: "GR1348941expiring",
    });
    const registered = await call(mock, "POST", "/api/v4/runners", {
      json: { token: "GR1348941expiring", description: "legacy" },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.token_expires_at).toBe(IN_ONE_HOUR);

    const runner = await createRunner(mock);
    const verified = await call(mock, "POST", "/api/v4/runners/verify", { json: { token: runner.token } });
    expect(verified.status).toBe(200);
    expect(verified.body.token_expires_at).toBe(IN_ONE_HOUR);

    const reset = await call(mock, "POST", "/api/v4/runners/reset_authentication_token", {
      json: { token: runner.token },
    });
    expect(reset.status).toBe(201);
    expect(reset.body.token_expires_at).toBe(IN_ONE_HOUR);
    // The replaced token is dead at once; the new one verifies.
    expect((await call(mock, "POST", "/api/v4/runners/verify", { json: { token: runner.token } })).status).toBe(403);
    expect((await call(mock, "POST", "/api/v4/runners/verify", { json: { token: reset.body.token } })).status).toBe(
      200,
    );
  });

  it("rejects a lifetime below one second", async () => {
    await expect(startMock({ tokenExpiresInSeconds: 0 })).rejects.toThrow(
      /tokenExpiresInSeconds must be an integer >= 1/,
    );
  });
});
