// files/entrypoint.sh: the backoff between start attempts (its own file: it takes seconds, and
// vitest runs files in parallel).
import { describe, expect, it } from "vitest";
import { useSandbox, waitFor } from "./harness.js";

const sandbox = useSandbox();

async function prepareAlpha(sb: ReturnType<typeof sandbox>): Promise<void> {
  await sb.writeSecret("alpha/token", "glrt-alpha-token");
  await sb.writeStandardTemplate([{ name: "alpha", kind: "authentication" }]);
}

describe("backoff between start attempts", () => {
  it("retries back off exponentially from FLEET_BACKOFF_BASE_SECONDS, capped at FLEET_BACKOFF_MAX_SECONDS", async () => {
    const sb = sandbox();
    await prepareAlpha(sb);
    const started = Date.now();
    const result = await sb.run({
      FLEET_START_ATTEMPTS: "4",
      FLEET_BACKOFF_BASE_SECONDS: "1",
      FLEET_BACKOFF_MAX_SECONDS: "2",
      FAKE_VERIFY_REJECT: "alpha",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.match(/retrying in \d+s/g)).toEqual(["retrying in 1s", "retrying in 2s", "retrying in 2s"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect((await sb.invocations("verify")).length).toBe(4);
  });

  it("SIGTERM during the retry backoff ends the start at once, with no further attempt", async () => {
    const sb = sandbox();
    await prepareAlpha(sb);
    const running = sb.start({
      FAKE_VERIFY_REJECT: "alpha",
      FLEET_BACKOFF_BASE_SECONDS: "30",
      FLEET_BACKOFF_MAX_SECONDS: "300",
    });
    await waitFor(() => running.stderr().includes("retrying in 30s"), { what: "the backoff" });
    const sent = Date.now();
    running.signal("SIGTERM");
    const result = await running.wait(10_000);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(result.code).toBe(0);
    expect((await sb.invocations()).map((c) => c.argv[0])).toEqual(["verify"]);
    expect(result.stderr).toContain("SIGTERM received before gitlab-runner started: exiting");
  });
});
