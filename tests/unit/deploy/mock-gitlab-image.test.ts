// The mock GitLab image cannot be built here (no Docker engine), so this checks what can be: hadolint on the
// Dockerfile, its security-relevant instructions, and that its build step (tsc with the image's tsconfig) yields
// a CLI that starts and serves the API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";
import { hadolintPath } from "../../../scripts/install/lint-tools.js";

const dockerfilePath = join(chartRoot, "deploy", "mock-gitlab", "Dockerfile");
const dockerfile = readFileSync(dockerfilePath, "utf8");
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
const of = (keyword: string): string[] =>
  instructions
    .filter((line) => line.toUpperCase().startsWith(`${keyword} `))
    .map((line) => line.slice(keyword.length + 1).trim());

describe("deploy/mock-gitlab/Dockerfile", () => {
  it("passes hadolint", async () => {
    const res = await execa(hadolintPath, ["--no-color", dockerfilePath], { reject: false });
    expect(res.stdout + res.stderr, "hadolint findings").toBe("");
    expect(res.exitCode).toBe(0);
  });

  it("pins every base image to an exact version tag", () => {
    const bases = of("FROM").map((from) => from.split(/\s+/)[0] ?? "");
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(/^[\w./-]+:\d+\.\d+\.\d+-[\w.]+(@sha256:[0-9a-f]{64})?$/);
  });

  it("runs as a numeric non-root UID and GID", () => {
    const users = of("USER");
    expect(users.length).toBeGreaterThan(0);
    const last = users[users.length - 1] ?? "";
    expect(last).toMatch(/^\d+:\d+$/);
    expect(Number(last.split(":")[0])).toBeGreaterThan(0);
  });

  it("never ADDs remote URLs or archives and uses exec-form entry points", () => {
    expect(of("ADD")).toEqual([]);
    for (const form of [...of("ENTRYPOINT"), ...of("CMD")]) expect(() => JSON.parse(form)).not.toThrow();
  });
});

describe("the image's build step", () => {
  const out = mkdtempSync(join(tmpdir(), "mock-gitlab-image-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("compiles the CLI with deploy/mock-gitlab/tsconfig.json into a runnable mock", async () => {
    await execa(join(chartRoot, "node_modules", ".bin", "tsc"), [
      "-p",
      join(chartRoot, "deploy", "mock-gitlab", "tsconfig.json"),
      "--outDir",
      out,
    ]);
    writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
    const child = execa("node", [join(out, "scripts", "mock-gitlab.js"), "--host", "127.0.0.1", "--port", "0"], {
      env: { MOCK_GITLAB_ADMIN_TOKEN: "glpat-fake-admin-token-0000" },
      reject: false,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = "";
        child.stderr?.on("data", (chunk: Buffer) => {
          seen += chunk.toString();
          const m = /listening on (http:\/\/\S+)/.exec(seen);
          if (m?.[1]) resolve(m[1]);
        });
        child.once("exit", () => reject(new Error(`mock exited before listening: ${seen}`)));
      });
      const res = await fetch(`${url}/api/v4/runners/all`, {
        headers: { "PRIVATE-TOKEN": "glpat-fake-admin-token-0000" },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([]);
    } finally {
      child.kill("SIGTERM");
      await child;
    }
  }, 120_000);
});
