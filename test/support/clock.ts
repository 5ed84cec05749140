import type { Clock } from "../../src/core/clock.ts";

/** A clock that moves only when the test moves it. */
export class TestClock implements Clock {
  private t: number;
  constructor(start = "2026-11-23T09:00:00Z") {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
