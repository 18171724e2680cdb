/**
 * Runs the mock GitLab until SIGINT/SIGTERM.
 *
 *   tsx scripts/mock-gitlab.ts --port 8080 [--host 127.0.0.1] [--admin-token T] [--registration-token T]
 *                              [--long-poll-seconds S] [--quiet]
 *
 * Tokens may also come from MOCK_GITLAB_ADMIN_TOKEN / MOCK_GITLAB_REGISTRATION_TOKEN, which keeps them out of
 * `ps` output. Request logs go to stdout as JSON lines; the banner goes to stderr so stdout stays parseable.
 */
import { parseArgs } from "node:util";
import { createJsonLineLogger, startMockGitLab } from "../src/mock-gitlab/index.js";

const USAGE = `usage: tsx scripts/mock-gitlab.ts --port N [--host 127.0.0.1] [--admin-token T]
       [--registration-token T] [--long-poll-seconds S] [--quiet]`;

function fail(message: string): never {
  process.stderr.write(`mock-gitlab: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function intOption(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) fail(`--${name} must be an integer between 0 and ${max}`);
  return Number(value);
}

/** Shows enough of a secret the user chose to recognise it, and nothing more. */
const hint = (secret: string): string => `${secret.slice(0, 4)}… (${secret.length} chars)`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string", default: "127.0.0.1" },
        "admin-token": { type: "string" },
        "registration-token": { type: "string" },
        "long-poll-seconds": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const adminToken = values["admin-token"] ?? process.env.MOCK_GITLAB_ADMIN_TOKEN;
  const registrationToken = values["registration-token"] ?? process.env.MOCK_GITLAB_REGISTRATION_TOKEN;
  // Comma-separated; GitLab tokens never contain a comma.
  const extraRegistrationTokens = (process.env.MOCK_GITLAB_EXTRA_REGISTRATION_TOKENS ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const mock = await startMockGitLab({
    port: intOption("port", values.port, 0, 65535),
    host: values.host,
    longPollMs: intOption("long-poll-seconds", values["long-poll-seconds"], 0, 3600) * 1000,
    ...(adminToken ? { adminToken } : {}),
    ...(registrationToken ? { registrationToken } : {}),
    ...(extraRegistrationTokens.length > 0 ? { extraRegistrationTokens } : {}),
    ...(values.quiet ? {} : { logger: createJsonLineLogger(process.stdout) }),
  });

  // Generated tokens are printed because there is no other way to learn them; chosen ones only as a hint.
  const banner = [
    `mock GitLab listening on ${mock.url}`,
    `  runner url:          ${mock.url}`,
    `  admin token:         ${adminToken ? `${hint(adminToken)} as given` : `${mock.adminToken} (generated)`}`,
    `  registration token:  ${registrationToken ? `${hint(registrationToken)} as given` : `${mock.registrationToken} (generated)`}`,
    `  control API:         ${mock.url}/__mock/state`,
  ];
  process.stderr.write(`${banner.join("\n")}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stderr.write(`mock-gitlab: ${signal}, shutting down\n`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`mock-gitlab: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
