import type { Clock } from "../../src/core/clock.ts";

/** A clock that moves only when the test moves it; timers set on it fire as it passes them. */
export class TestClock implements Clock {
  private t: number;
  private timers: { at: number; fn: () => void }[] = [];
  constructor(start = "2026-11-23T09:00:00Z") {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due) x.fn();
  }
  timer(at: Date, fn: () => void): () => void {
    const entry = { at: at.getTime(), fn };
    if (entry.at <= this.t) {
      // Already due: fire on the next turn, as a real zero-delay timer would.
      let cancelled = false;
      queueMicrotask(() => cancelled || fn());
      return () => void (cancelled = true);
    }
    this.timers.push(entry);
    return () => void (this.timers = this.timers.filter((x) => x !== entry));
  }
  /** When the earliest timer set on this clock falls due (undefined: none). */
  get nextTimer(): Date | undefined {
    const at = Math.min(...this.timers.map((x) => x.at));
    return Number.isFinite(at) ? new Date(at) : undefined;
  }
}
