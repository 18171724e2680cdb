import { badRequest } from "./http.js";
import { optBool, optEnum, optInt, optObject, optString, optTagList, type Params } from "./params.js";
import type { NewRunner, RunnerPatch } from "./store.js";
import type { AccessLevel, RunnerInfo, RunnerType } from "./types.js";

export const RUNNER_TYPES: readonly RunnerType[] = ["instance_type", "group_type", "project_type"];
export const ACCESS_LEVELS: readonly AccessLevel[] = ["not_protected", "ref_protected"];

// Rails validates maximum_timeout >= 600 s on the runner model.
const MIN_MAXIMUM_TIMEOUT = 600;

/** Attributes shared by legacy registration, `POST /user/runners` and `PUT /runners/:id`. */
export function parseRunnerAttributes(params: Params): RunnerPatch {
  const patch: RunnerPatch = {};
  const description = optString(params, "description");
  if (description !== undefined) patch.description = description;
  const tagList = optTagList(params, "tag_list");
  if (tagList !== undefined) patch.tagList = tagList;
  const runUntagged = optBool(params, "run_untagged");
  if (runUntagged !== undefined) patch.runUntagged = runUntagged;
  const locked = optBool(params, "locked");
  if (locked !== undefined) patch.locked = locked;
  const accessLevel = optEnum(params, "access_level", ACCESS_LEVELS);
  if (accessLevel !== undefined) patch.accessLevel = accessLevel;
  // `active` is the pre-16.0 inverse of `paused`; `paused` wins when both are sent.
  const active = optBool(params, "active");
  const paused = optBool(params, "paused");
  if (paused !== undefined) patch.paused = paused;
  else if (active !== undefined) patch.paused = !active;
  const maximumTimeout = optInt(params, "maximum_timeout", { min: 0 });
  if (maximumTimeout !== undefined) {
    if (maximumTimeout < MIN_MAXIMUM_TIMEOUT) throw badRequest("maximum_timeout needs to be at least 10 minutes");
    patch.maximumTimeout = maximumTimeout;
  }
  // `maintainer_note` is the deprecated spelling some clients still send.
  const note = optString(params, "maintenance_note") ?? optString(params, "maintainer_note");
  if (note !== undefined) patch.maintenanceNote = note;
  return patch;
}

/** `POST /user/runners`: group and project runners must name their owner, as in GitLab. */
export function parseCreateRunner(params: Params): NewRunner {
  const runnerType = optEnum(params, "runner_type", RUNNER_TYPES);
  if (runnerType === undefined) throw badRequest("runner_type is missing");
  const groupId = optInt(params, "group_id", { min: 1 });
  const projectId = optInt(params, "project_id", { min: 1 });
  if (runnerType === "group_type" && groupId === undefined) throw badRequest("group_id is missing");
  if (runnerType === "project_type" && projectId === undefined) throw badRequest("project_id is missing");
  return {
    ...parseRunnerAttributes(params),
    runnerType,
    registrationType: "authenticated_user",
    groupId: runnerType === "group_type" ? (groupId ?? null) : null,
    projectId: runnerType === "project_type" ? (projectId ?? null) : null,
  };
}

const INFO_STRINGS = ["name", "version", "revision", "platform", "architecture", "executor", "shell"] as const;

/** The runner's `info` object (sent with job requests and verify); its string fields and `features` are type-checked like Grape would. */
export function optRunnerInfo(params: Params): RunnerInfo | undefined {
  const info = optObject(params, "info");
  if (info === undefined) return undefined;
  for (const key of INFO_STRINGS) {
    if (info[key] !== undefined && typeof info[key] !== "string") throw badRequest(`info[${key}] is invalid`);
  }
  const features = optObject(info, "features");
  if (features && Object.values(features).some((v) => typeof v !== "boolean")) {
    throw badRequest("info[features] is invalid");
  }
  return info;
}
