export type WaitOutcome = "changed" | "timeout" | "aborted";

interface ParkedPoll {
  readonly runnerId: number;
  readonly wake: () => void;
}

/**
 * Per-runner queue versions: the opaque value sent as `X-GitLab-Last-Update` and echoed back by the runner
 * as `last_update`. Rails ticks a runner's value whenever its queue may have changed; Workhorse parks a poll
 * whose `last_update` is current until the value changes or its long-poll timeout passes.
 *
 * Unlike Workhorse, a new job does not wake every parked poll of every runner that could run it (with 1,000
 * polls that is 999 empty replies per job): `offer` wakes the single longest-parked poll that can take it.
 * The others keep waiting; their version has moved on, so their timeout answer carries the new one.
 */
export class QueueVersions {
  private counter = 0;
  private readonly versions = new Map<number, string>();
  // Insertion order is parking order, so offers go to the longest-waiting poll first.
  private readonly parked = new Set<ParkedPoll>();

  current(runnerId: number): string {
    let version = this.versions.get(runnerId);
    if (version === undefined) {
      version = this.nextVersion();
      this.versions.set(runnerId, version);
    }
    return version;
  }

  /** Changes the version of each runner and wakes all its parked polls (its tags, pause state or existence changed). */
  bump(runnerIds: Iterable<number>): void {
    const ids = new Set(runnerIds);
    this.tick(ids);
    this.wakeWhere((poll) => ids.has(poll.runnerId));
  }

  /** Changes the version of each runner without waking anything (a job arrived that `offer` hands out). */
  tick(runnerIds: Iterable<number>): void {
    for (const id of runnerIds) this.versions.set(id, this.nextVersion());
  }

  /** Wakes the longest-parked poll whose runner `canTake` a job; false when no parked poll can. */
  offer(canTake: (runnerId: number) => boolean): boolean {
    for (const poll of this.parked) {
      if (!canTake(poll.runnerId)) continue;
      poll.wake();
      return true;
    }
    return false;
  }

  /** Resolves when the poll is woken, after `ms`, or when `signal` aborts (client went away). */
  wait(runnerId: number, ms: number, signal: AbortSignal): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve("aborted");
        return;
      }
      let done = false;
      const finish = (outcome: WaitOutcome): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.parked.delete(poll);
        signal.removeEventListener("abort", onAbort);
        resolve(outcome);
      };
      const poll: ParkedPoll = { runnerId, wake: () => finish("changed") };
      const onAbort = (): void => finish("aborted");
      const timer = setTimeout(() => finish("timeout"), ms);
      this.parked.add(poll);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  waiting(runnerId: number): number {
    let count = 0;
    for (const poll of this.parked) if (poll.runnerId === runnerId) count += 1;
    return count;
  }

  /** Releases every parked poll, e.g. on reset or shutdown, so no request hangs. */
  wakeAll(): void {
    this.wakeWhere(() => true);
  }

  forget(runnerId: number): void {
    this.wakeWhere((poll) => poll.runnerId === runnerId);
    this.versions.delete(runnerId);
  }

  private wakeWhere(predicate: (poll: ParkedPoll) => boolean): void {
    for (const poll of [...this.parked]) if (predicate(poll)) poll.wake();
  }

  // Never restarts, so a `last_update` from before a reset can never look current by accident.
  private nextVersion(): string {
    this.counter += 1;
    return String(this.counter);
  }
}
