// The mock GitLab image cannot be built here (no Docker engine), so this checks what can be: hadolint on the
// Dockerfile, its security-relevant instructions, and that its build step (tsc with the image's tsconfig) yields
// a CLI that starts and serves the API.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve as resolvePath } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";
import { hadolintPath } from "../../../scripts/install/lint-tools.js";
import { tscBuild } from "../../../scripts/build/tsc-build.js";

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

// The image's tsconfig compiles into node_modules/.cache/ in tsc's build mode (scripts/build/tsc-build.ts),
// so a warm run skips the compile. Build mode never looks at the files the roots import: the tsconfig lists
// every file the image copies as a root, and a test below fails if the program reaches any other.
const tsconfigPath = join(chartRoot, "deploy", "mock-gitlab", "tsconfig.json");
const tsconfig = JSON.parse(readFileSync(tsconfigPath, "utf8")) as {
  compilerOptions: { outDir: string; tsBuildInfoFile: string };
  include: string[];
  files: string[];
};
const fromConfig = (path: string): string => resolvePath(dirname(tsconfigPath), path);
const out = fromConfig(tsconfig.compilerOptions.outDir);
const buildInfoPath = fromConfig(tsconfig.compilerOptions.tsBuildInfoFile);
/** The project's root files, relative to the repo root (the image's /src). */
const roots = [
  ...tsconfig.files.map(fromConfig),
  ...tsconfig.include.flatMap((dir) =>
    readdirSync(fromConfig(dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => join(fromConfig(dir), file)),
  ),
].map((file) => relative(chartRoot, file));

describe("the image's build step", () => {
  beforeAll(async () => {
    const outputs = roots.map((root) => join(out, root.replace(/\.ts$/, ".js")));
    // --incremental here, not in the tsconfig: the Dockerfile's one-off compile needs no build info.
    await tscBuild(tsconfigPath, buildInfoPath, { outputs, args: ["--incremental"], stdio: "pipe" });
    writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
  }, 120_000);

  it("compiles the CLI with deploy/mock-gitlab/tsconfig.json into a runnable mock", async () => {
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
  });

  it("reaches only files the Dockerfile copies, each a root of the image's tsconfig", () => {
    const copied = of("COPY")
      .map((args) => args.split(/\s+/).filter((arg) => !arg.startsWith("--")))
      .flatMap((args) => args.slice(0, -1));
    // tsc's build info lists every file of the program, relative to itself.
    const buildInfo = JSON.parse(readFileSync(buildInfoPath, "utf8")) as { fileNames: string[] };
    const own = buildInfo.fileNames
      .map((file) => relative(chartRoot, resolvePath(dirname(buildInfoPath), file)))
      .filter((file) => !file.startsWith("node_modules/"));
    expect(own).toContain("scripts/mock-gitlab.ts");
    const outside = own.filter(
      (file) =>
        !roots.includes(file) || !copied.some((src) => file === src || (src.endsWith("/") && file.startsWith(src))),
    );
    expect(outside, "compiled but not a root or not copied into the image").toEqual([]);
  });
});
