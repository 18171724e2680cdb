import type { RequestLogEntry } from "./types.js";

/** Bounded, so a runner polling for hours cannot grow the mock without limit; the oldest entries go first. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly limit: number) {}

  add(entry: Omit<RequestLogEntry, "seq">): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(filter: { endpoint?: string; limit?: number } = {}): RequestLogEntry[] {
    let out = filter.endpoint ? this.entries.filter((e) => e.endpoint === filter.endpoint) : this.entries;
    if (filter.limit !== undefined) out = out.slice(-filter.limit);
    return out.map((e) => ({ ...e }));
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
