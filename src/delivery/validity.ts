// How long a queued message is worth delivering. Pure: no database, no grammY.
// Transient failures (network, 5xx, 429) are retried until this moment; a message
// still undelivered then is EXPIRED instead of arriving when it no longer matters.
import { addDays, atLocal, localDate, quietStartAfter } from "../core/schedule.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Reminders are about a day; everything not named here (mentoring notices, broadcasts, a methodist's notes) keeps a week. */
export const REMINDER_VALIDITY_MS = DAY;
export const DEFAULT_VALIDITY_MS = 7 * DAY;

/** The recipient's local time, for a scheduled message that keeps the quiet hours. */
export interface LocalTime {
  timeZone: string;
  quietHours: readonly [number, number];
}

/**
 * When a message of `kind`, due at `dueAt`, stops being worth delivering.
 * A digest is for its day: it expires at the end of the recipient's local day
 * (without their local time, a day after it was due). A scheduled message (one given
 * the recipient's local time) also expires when their quiet hours begin, so that a
 * retry never reaches anyone at night.
 */
export function validUntil(kind: string, dueAt: Date, local?: LocalTime): Date {
  const until =
    kind === "digest"
      ? local
        ? atLocal(addDays(localDate(dueAt, local.timeZone), 1), 0, local.timeZone)
        : new Date(dueAt.getTime() + DAY)
      : new Date(dueAt.getTime() + (kind.startsWith("reminder:") ? REMINDER_VALIDITY_MS : DEFAULT_VALIDITY_MS));
  const quiet = local && quietStartAfter(dueAt, local.timeZone, local.quietHours);
  return quiet && quiet < until ? quiet : until;
}

/** The wait before retry `attempt` (1, 2, …) after a transient failure: doubling from 2 s, capped. */
export function retryDelayMs(attempt: number, capMs = 60_000): number {
  return Math.min(2 ** Math.max(1, attempt) * 1000, capMs);
}
