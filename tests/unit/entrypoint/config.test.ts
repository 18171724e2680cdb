// files/entrypoint.sh: runner system_id and config.toml rendering from the template and secrets.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import type { Env, Sandbox } from "./harness.js";
import { useSandbox } from "./harness.js";

const sandbox = useSandbox();

/** A start that gets through to `run`, which exits 0 at once. */
const quickStart: Env = { FLEET_VERIFY_TOKENS: "false", FAKE_RUN_EXIT: "0" };

async function prepareAlpha(sb: Sandbox): Promise<void> {
  await sb.writeSecret("alpha/token", "glrt-alpha-token\n");
  await sb.writeStandardTemplate([{ name: "alpha", kind: "authentication" }]);
}

async function systemIdFor(sb: Sandbox, env: Env): Promise<string> {
  const result = await sb.run({ ...quickStart, ...env });
  expect(result.code, result.stderr).toBe(0);
  const id = await readFile(sb.systemIdFile, "utf8");
  await sb.resetLog();
  return id;
}

const expectedSystemId = (seed: string, namespace: string, release: string, pod: string): string =>
  `s_${createHash("sha256").update(`${seed}/${namespace}/${release}/${pod}`).digest("hex").slice(0, 12)}`;

describe("runner system_id", () => {
  it("is s_ + 12 hex chars derived from seed, namespace, release and pod name, stable across starts", async () => {
    const sb = sandbox();
    await prepareAlpha(sb);
    const pod = {
      POD_NAME: "fleet-manager-0",
      POD_NAMESPACE: "ci",
      FLEET_RELEASE: "fleet",
      FLEET_SYSTEM_ID_SEED: "seed-1",
    };

    const first = await systemIdFor(sb, pod);
    expect(first).toMatch(/^s_[0-9a-f]{12}$/);
    expect(first).toMatch(/^[sr]_[0-9a-zA-Z]{12}$/); // what gitlab-runner accepts in .runner_system_id
    expect(first).toBe(expectedSystemId("seed-1", "ci", "fleet", "fleet-manager-0"));

    // A restarted pod with an empty config dir gets the same id again.
    await writeFile(sb.systemIdFile, "r_000000000000");
    const second = await systemIdFor(sb, pod);
    expect(second).toBe(first);

    const otherPod = await systemIdFor(sb, { ...pod, POD_NAME: "fleet-manager-1" });
    const otherSeed = await systemIdFor(sb, { ...pod, FLEET_SYSTEM_ID_SEED: "seed-2" });
    const otherNamespace = await systemIdFor(sb, { ...pod, POD_NAMESPACE: "ci-2" });
    const otherRelease = await systemIdFor(sb, { ...pod, FLEET_RELEASE: "fleet-2" });
    for (const id of [otherPod, otherSeed, otherNamespace, otherRelease]) expect(id).toMatch(/^s_[0-9a-f]{12}$/);
    expect(new Set([first, otherPod, otherSeed, otherNamespace, otherRelease]).size).toBe(5);
  });

  it("is logged, and an unset POD_NAME stops the start", async () => {
    const sb = sandbox();
    await prepareAlpha(sb);
    const ok = await sb.run(quickStart);
    const id = await readFile(sb.systemIdFile, "utf8");
    expect(ok.stderr).toContain(`runner system_id ${id}`);

    await sb.resetLog();
    const missing = await sb.run({ ...quickStart, POD_NAME: undefined });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("POD_NAME is required");
    expect(await sb.invocations()).toEqual([]);
  });
});

describe("config.toml rendering", () => {
  it("replaces secret placeholders with the TOML-escaped file content, keeps everything else, mode 0600", async () => {
    const sb = sandbox();
    const tricky = 'he said "hi" \\ back\\slash\nsecond line\ttab\r\nend';
    const paths = {
      token: await sb.writeSecret("alpha/token", "glrt-alpha-token\n"), // trailing newline as kubectl often writes it
      access: await sb.writeSecret("alpha/cache-s3-access-key", "AKIAFAKE"),
      secret: await sb.writeSecret("alpha/cache-s3-secret-key", tricky),
      bearer: await sb.writeSecret("alpha/cluster-token", "eyJhbGciOi.fake.jwt"),
    };
    const template = [
      "concurrent = 4",
      'listen_address = ":9252"',
      "[[runners]]",
      '  name = "alpha"',
      '  url = "https://gitlab.example.com"',
      `  token = "fleet-secret-file:${paths.token}"`,
      '  executor = "kubernetes"',
      '  environment = ["A=1", "B=two words"]',
      "  [runners.cache]",
      '    Type = "s3"',
      "    [runners.cache.s3]",
      `      AccessKey = "fleet-secret-file:${paths.access}"`,
      `      SecretKey = "fleet-secret-file:${paths.secret}"`,
      '      BucketName = "cache"',
      "  [runners.kubernetes]",
      "    host = 'https://k8s.example.com'",
      `    bearer_token = "fleet-secret-file:${paths.bearer}"`,
      "    helper_image = 'C:\\not\\escaped\\in\\literal'",
      '    image = "alpine"', // no newline at the end of the template
    ].join("\n");
    await sb.writeTemplate(template);

    const result = await sb.run({ ...quickStart, FLEET_RUNNERS: "alpha:authentication" });
    expect(result.code, result.stderr).toBe(0);

    const rendered = await readFile(sb.configFile, "utf8");
    expect(rendered).not.toContain("fleet-secret-file:");
    const config = parse(rendered) as {
      runners: { token: string; cache: { s3: Record<string, string> }; kubernetes: Record<string, string> }[];
    };
    const runner = config.runners[0];
    expect(runner?.token).toBe("glrt-alpha-token");
    expect(runner?.cache.s3.AccessKey).toBe("AKIAFAKE");
    expect(runner?.cache.s3.SecretKey).toBe(tricky);
    expect(runner?.kubernetes.bearer_token).toBe("eyJhbGciOi.fake.jwt");

    // Everything else is the template, parsed the same way.
    const expected = template
      .replace(`"fleet-secret-file:${paths.token}"`, JSON.stringify("glrt-alpha-token"))
      .replace(`"fleet-secret-file:${paths.access}"`, JSON.stringify("AKIAFAKE"))
      .replace(`"fleet-secret-file:${paths.secret}"`, JSON.stringify(tricky))
      .replace(`"fleet-secret-file:${paths.bearer}"`, JSON.stringify("eyJhbGciOi.fake.jwt"));
    expect(parse(rendered)).toEqual(parse(expected));
    // Lines without a placeholder are copied byte for byte.
    const renderedLines = rendered.split("\n");
    expect(renderedLines.at(-1)).toBe("");
    template.split("\n").forEach((line, i) => {
      if (!line.includes("fleet-secret-file:")) expect(renderedLines[i]).toBe(line);
    });

    expect((await stat(sb.configFile)).mode & 0o777).toBe(0o600);
    expect(existsSync(`${sb.configFile}.tmp`)).toBe(false);
    expect(result.stderr).toContain(`wrote ${sb.configFile}`);
  });

  it("replaces an existing (e.g. world-readable) config.toml with a 0600 one", async () => {
    const sb = sandbox();
    await prepareAlpha(sb);
    const first = await sb.run(quickStart);
    expect(first.code).toBe(0);
    await writeFile(sb.configFile, "stale = true\n");
    await chmod(sb.configFile, 0o644);
    await sb.resetLog();
    const second = await sb.run(quickStart);
    expect(second.code).toBe(0);
    expect((await stat(sb.configFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(sb.configFile, "utf8")).not.toContain("stale");
  });

  it("exits 78 naming the path when a secret file is missing, and writes no config.toml", async () => {
    const sb = sandbox();
    await prepareAlpha(sb);
    const missing = join(sb.secretsDir, "alpha", "cache-s3-secret-key");
    await writeFile(
      sb.templatePath,
      `${await readFile(sb.templatePath, "utf8")}\n[runners.cache.s3]\nSecretKey = "fleet-secret-file:${missing}"\n`,
    );

    const result = await sb.run({ FAKE_RUN_EXIT: "0" });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/gitlab-runner-fleet error/);
    expect(result.stderr).toContain(`secret file ${missing} is missing or unreadable`);
    expect(existsSync(sb.configFile)).toBe(false);
    expect(await sb.invocations()).toEqual([]); // neither verify nor run
  });

  it.each([
    ["empty", ""],
    ["whitespace only", " \n\t\n"],
  ])("exits 78 when a token file is %s", async (_what, content) => {
    const sb = sandbox();
    await prepareAlpha(sb);
    await sb.writeSecret("alpha/token", content);
    const result = await sb.run({ FAKE_RUN_EXIT: "0" });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(`secret file ${sb.tokenPath("alpha")} is empty`);
    expect(existsSync(sb.configFile)).toBe(false);
    expect(await sb.invocations()).toEqual([]);
  });

  it("exits 78 without registering when a legacy entry's registration token or env file is missing", async () => {
    const sb = sandbox();
    await sb.writeStandardTemplate([{ name: "legacy", kind: "registration" }]);
    await sb.writeRegisterEnv("legacy", ["RUNNER_NAME=legacy"]);
    const env = { FLEET_RUNNERS: "legacy:registration", FAKE_RUN_EXIT: "0" };

    const noToken = await sb.run(env);
    expect(noToken.code).toBe(78);
    expect(noToken.stderr).toContain(`secret file ${sb.tokenPath("legacy")} is missing`);

    await sb.writeSecret("legacy/token", "GR1348941-fake-registration-token");
    await rm(join(sb.scriptsDir, "register-legacy.env"));
    const noEnv = await sb.run(env);
    expect(noEnv.code).toBe(78);
    expect(noEnv.stderr).toContain(`runner legacy: ${join(sb.scriptsDir, "register-legacy.env")} is missing`);

    expect(await sb.invocations()).toEqual([]);
    expect(existsSync(sb.configFile)).toBe(false);
  });
});
