import { describe, expect, it } from "vitest";
import { traceChecksum } from "../../../src/mock-gitlab/trace-checksum.js";
import { QueueVersions } from "../../../src/mock-gitlab/queue.js";
import { redactPath, scrubSecrets } from "../../../src/mock-gitlab/redact.js";
import { contactStatus } from "../../../src/mock-gitlab/status.js";
import { resolveConfig } from "../../../src/mock-gitlab/index.js";

describe("traceChecksum", () => {
  it("matches the IEEE check value and the runner's crc32:%08x format across chunk boundaries", () => {
    expect(traceChecksum([Buffer.from("123456789")])).toBe("crc32:cbf43926");
    expect(traceChecksum([Buffer.from("x31")])).toBe("crc32:001685f0"); // zero-padded to 8 hex digits
    expect(traceChecksum([Buffer.from("1234"), Buffer.from("56789")])).toBe("crc32:cbf43926");
    expect(traceChecksum([])).toBe("crc32:00000000");
  });
});

describe("contactStatus", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
  it("follows Rails: never_contacted, online < 2 h, offline, stale after 7 days", () => {
    expect(contactStatus(t0, null, at(1))).toBe("never_contacted");
    expect(contactStatus(t0, t0, at(1.9))).toBe("online");
    expect(contactStatus(t0, t0, at(2))).toBe("offline");
    expect(contactStatus(t0, t0, at(24 * 7))).toBe("stale");
    expect(contactStatus(t0, null, at(24 * 7))).toBe("stale");
  });
});

describe("QueueVersions", () => {
  it("wakes waiters on bump, times out otherwise, and never repeats a version", async () => {
    const queue = new QueueVersions();
    const v1 = queue.current(1);
    const signal = new AbortController().signal;
    const waiting = queue.wait(1, 5_000, signal);
    queue.bump([2]);
    queue.bump([1]);
    await expect(waiting).resolves.toBe("changed");
    expect(queue.current(1)).not.toBe(v1);
    await expect(queue.wait(1, 20, signal)).resolves.toBe("timeout");
    const ctrl = new AbortController();
    const aborted = queue.wait(1, 5_000, ctrl.signal);
    ctrl.abort();
    await expect(aborted).resolves.toBe("aborted");
    expect(queue.waiting(1)).toBe(0);
  });
});

describe("redaction helpers", () => {
  it("redacts secret query parameters but keeps the others", () => {
    expect(redactPath("/api/v4/runners/all?private_token=abc&page=2")).toBe(
      "/api/v4/runners/all?private_token=%5BREDACTED%5D&page=2",
    );
    expect(redactPath("/api/v4/runners/all?page=2")).toBe("/api/v4/runners/all?page=2");
  });

  it("scrubs known secret values anywhere but leaves short strings alone", () => {
    expect(scrubSecrets({ a: ["x glrt-abcdef123 y"] }, ["glrt-abcdef123", "abc"])).toEqual({ a: ["x [REDACTED] y"] });
  });
});

describe("resolveConfig", () => {
  it("defaults to 127.0.0.1, port 0, no long polling and random tokens", () => {
    const config = resolveConfig();
    expect(config).toMatchObject({ host: "127.0.0.1", port: 0, longPollMs: 0, legacyRegistration: true });
    expect(config.adminToken).toMatch(/^glpat-/);
    expect(config.adminToken).not.toBe(resolveConfig().adminToken);
  });

  it("rejects nonsense options at start-up", () => {
    expect(() => resolveConfig({ port: 70000 })).toThrow(RangeError);
    expect(() => resolveConfig({ longPollMs: -1 })).toThrow(RangeError);
    expect(() => resolveConfig({ adminToken: " " })).toThrow(TypeError);
  });
});
