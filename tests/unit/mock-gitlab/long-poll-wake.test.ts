import { describe, expect, it } from "vitest";
import { QueueVersions } from "../../../src/mock-gitlab/queue.js";
import { createRunner, requestJob, startMock, type CallResult } from "./helpers.js";
import type { MockGitLab } from "../../../src/mock-gitlab/index.js";

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parks one long poll per runner (last_update current) and returns the pending answers. */
async function parkPolls(mock: MockGitLab, runners: { id: number; token: string }[]): Promise<Promise<CallResult>[]> {
  const polls: Promise<CallResult>[] = [];
  for (const runner of runners) {
    const version = (await requestJob(mock, runner.token)).headers.get("x-gitlab-last-update");
    polls.push(requestJob(mock, runner.token, { last_update: version }));
  }
  await settle(150);
  expect(runners.map((r) => mock.state.queue.waiting(r.id))).toEqual(runners.map(() => 1));
  return polls;
}

describe("a new job wakes only the parked polls that can use it", () => {
  it("wakes one of five parked polls for one job: one 201, no empty replies, four still parked", async () => {
    const mock = await startMock({ longPollMs: 10_000 });
    const runners = await Promise.all(Array.from({ length: 5 }, () => createRunner(mock)));
    const polls = await parkPolls(mock, runners);
    const answered: number[] = [];
    polls.forEach((poll, index) => void poll.then((res) => answered.push(res.status === 201 ? index : -res.status)));
    await mock.control.enqueueJob({ script: ["true"] });
    await settle(300);
    expect(answered).toEqual([0]); // the longest-parked poll, and nobody woken for nothing
    expect(runners.slice(1).map((r) => mock.state.queue.waiting(r.id))).toEqual([1, 1, 1, 1]);
  });

  it("wakes a poll whose runner carries the job's tags, not an older one that cannot run it", async () => {
    const mock = await startMock({ longPollMs: 10_000 });
    const untagged = await createRunner(mock, { run_untagged: true });
    const tagged = await createRunner(mock, { tag_list: ["gpu"] });
    const [untaggedPoll, taggedPoll] = await parkPolls(mock, [untagged, tagged]);
    let untaggedAnswered = false;
    void untaggedPoll!.then(() => (untaggedAnswered = true));
    await mock.control.enqueueJob({ script: ["true"], tags: ["gpu"] });
    expect((await taggedPoll!).status).toBe(201);
    await settle(100);
    expect(untaggedAnswered).toBe(false);
    expect(mock.state.queue.waiting(untagged.id)).toBe(1);
  });

  it("hands each of three jobs to a different parked poll", async () => {
    const mock = await startMock({ longPollMs: 10_000 });
    const runners = await Promise.all(Array.from({ length: 4 }, () => createRunner(mock)));
    const polls = await parkPolls(mock, runners);
    for (let i = 0; i < 3; i++) await mock.control.enqueueJob({ script: ["true"] });
    const answers = await Promise.all(polls.slice(0, 3));
    expect(answers.map((res) => res.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((res) => res.body.id)).size).toBe(3);
    expect(mock.state.queue.waiting(runners[3]!.id)).toBe(1);
  });
});

describe("QueueVersions.offer", () => {
  it("wakes the longest-parked poll among the runners that can take the job, and only that one", async () => {
    const queue = new QueueVersions();
    const signal = new AbortController().signal;
    const outcomes: string[] = [];
    const park = (id: number) => void queue.wait(id, 5_000, signal).then((o) => outcomes.push(`${id}:${o}`));
    park(1);
    park(2);
    park(3);
    expect(queue.offer((id) => id !== 1)).toBe(true);
    await settle(0);
    expect(outcomes).toEqual(["2:changed"]);
    expect(queue.offer((id) => id === 9)).toBe(false);
    queue.wakeAll();
    await settle(0);
    expect(outcomes.sort()).toEqual(["1:changed", "2:changed", "3:changed"]);
  });
});
