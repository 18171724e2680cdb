export type WaitOutcome = "changed" | "timeout" | "aborted";

/**
 * Per-runner queue versions: the opaque value sent as `X-GitLab-Last-Update` and echoed back by the runner
 * as `last_update`. Rails ticks a runner's value whenever its queue may have changed; Workhorse parks a poll
 * whose `last_update` is current until the value changes or its long-poll timeout passes.
 */
export class QueueVersions {
  private counter = 0;
  private readonly versions = new Map<number, string>();
  private readonly waiters = new Map<number, Set<() => void>>();

  current(runnerId: number): string {
    let version = this.versions.get(runnerId);
    if (version === undefined) {
      version = this.nextVersion();
      this.versions.set(runnerId, version);
    }
    return version;
  }

  /** Changes the version of each runner and wakes its parked polls. */
  bump(runnerIds: Iterable<number>): void {
    for (const id of runnerIds) {
      this.versions.set(id, this.nextVersion());
      this.wake(id);
    }
  }

  /** Resolves when the runner's version changes, after `ms`, or when `signal` aborts (client went away). */
  wait(runnerId: number, ms: number, signal: AbortSignal): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve("aborted");
        return;
      }
      let set = this.waiters.get(runnerId);
      if (!set) {
        set = new Set();
        this.waiters.set(runnerId, set);
      }
      const waiters = set;
      let done = false;
      const finish = (outcome: WaitOutcome): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        waiters.delete(onChange);
        signal.removeEventListener("abort", onAbort);
        resolve(outcome);
      };
      const onChange = (): void => finish("changed");
      const onAbort = (): void => finish("aborted");
      const timer = setTimeout(() => finish("timeout"), ms);
      waiters.add(onChange);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  waiting(runnerId: number): number {
    return this.waiters.get(runnerId)?.size ?? 0;
  }

  /** Releases every parked poll, e.g. on reset or shutdown, so no request hangs. */
  wakeAll(): void {
    for (const id of [...this.waiters.keys()]) this.wake(id);
  }

  forget(runnerId: number): void {
    this.wake(runnerId);
    this.versions.delete(runnerId);
  }

  private wake(runnerId: number): void {
    const set = this.waiters.get(runnerId);
    if (!set) return;
    this.waiters.delete(runnerId);
    for (const notify of [...set]) notify();
  }

  // Never restarts, so a `last_update` from before a reset can never look current by accident.
  private nextVersion(): string {
    this.counter += 1;
    return String(this.counter);
  }
}
