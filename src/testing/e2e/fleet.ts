// Small pure pieces the kind and real-runner tiers share: the manager identity the entrypoint derives, the
// glrt- token a test creates through the mock's admin REST API (as an operator would with GitLab), and the
// scenario values pointed at a mock GitLab with the tokens it issued.
import { createHash } from "node:crypto";
import type { Runner, Values } from "../../generated/values.js";

export interface ManagerIdentity {
  /** values systemIdSeed. */
  seed?: string;
  namespace: string;
  release: string;
  pod: string;
}

/** The system_id files/entrypoint.sh writes: s_ + 12 hex of sha256("seed/namespace/release/pod"). */
export function managerSystemId(id: ManagerIdentity): string {
  const digest = createHash("sha256")
    .update(`${id.seed ?? ""}/${id.namespace}/${id.release}/${id.pod}`)
    .digest("hex");
  return `s_${digest.slice(0, 12)}`;
}

export interface CreatedRunner {
  id: number;
  token: string;
}

/**
 * `POST /api/v4/user/runners` with the admin PRIVATE-TOKEN: the documented way to get a glrt- token (GitLab's
 * "create an instance runner" API), answered by the mock as GitLab does.
 */
export async function createRunnerThroughAdminApi(
  gitlabUrl: string,
  adminToken: string,
  runner: { description?: string; tag_list?: string[]; run_untagged?: boolean; runner_type?: "instance_type" } = {},
): Promise<CreatedRunner> {
  const body = { runner_type: "instance_type", run_untagged: true, ...runner };
  const res = await fetch(`${gitlabUrl.replace(/\/+$/, "")}/api/v4/user/runners`, {
    method: "POST",
    headers: { "PRIVATE-TOKEN": adminToken, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/v4/user/runners answered ${res.status}: ${text.slice(0, 200)}`);
  const parsed = JSON.parse(text) as { id?: unknown; token?: unknown };
  if (typeof parsed.id !== "number" || typeof parsed.token !== "string" || !parsed.token.startsWith("glrt-")) {
    throw new Error(`POST /api/v4/user/runners gave no glrt- token: ${text.slice(0, 200)}`);
  }
  return { id: parsed.id, token: parsed.token };
}

/**
 * A scenario's values aimed at a mock GitLab: gitlabUrl replaced, every runner entry's token replaced by the
 * one the mock issued for it (by entry name; an existingSecret becomes a chart-created Secret), and the private
 * CA dropped (the mock speaks plain HTTP inside the cluster). Entries without a token in `tokens` are an error,
 * so a scenario never silently keeps a fake token the mock would reject.
 */
export function valuesForMock(
  values: Partial<Values>,
  gitlabUrl: string,
  tokens: Record<string, string>,
): Partial<Values> {
  const runners = (values.runners ?? []).map((runner): Runner => {
    const token = tokens[runner.name];
    if (token === undefined) throw new Error(`no mock token for runner entry ${runner.name}`);
    return { ...runner, token: { kind: runner.token?.kind ?? "authentication", value: token } };
  });
  const { gitlabCA: _ca, ...rest } = values;
  return { ...rest, gitlabUrl, runners: runners as Values["runners"] };
}
