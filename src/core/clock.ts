/** Time source; tests pass a clock they control. */
export interface Clock {
  now(): Date;
  /**
   * Calls `fn` once this clock reaches `at`; returns a function that cancels it.
   * A clock without it is served by a real timer (setTimer below). A test clock
   * implements it so that moving the clock fires what falls due.
   */
  timer?(at: Date, fn: () => void): () => void;
}

export const systemClock: Clock = { now: () => new Date() };

/** The longest delay a Node timer takes (about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

/** Calls `fn` when `clock` reaches `at` (at once if it has); returns a function that cancels it. */
export function setTimer(clock: Clock, at: Date, fn: () => void): () => void {
  if (clock.timer) return clock.timer(at, fn);
  const handle = setTimeout(fn, Math.min(MAX_DELAY, Math.max(0, at.getTime() - clock.now().getTime())));
  handle.unref?.();
  return () => clearTimeout(handle);
}
