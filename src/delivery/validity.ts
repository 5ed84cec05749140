// How long a queued message is worth delivering. Pure: no database, no grammY.
// Transient failures (network, 5xx, 429) are retried until this moment; a message
// still undelivered then is EXPIRED instead of arriving when it no longer matters.
import { addDays, atLocal, localDate } from "../core/schedule.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Reminders are about a day; everything not named here (mentoring notices, broadcasts, a methodist's notes) keeps a week. */
export const REMINDER_VALIDITY_MS = DAY;
export const DEFAULT_VALIDITY_MS = 7 * DAY;

/**
 * When a message of `kind`, due at `dueAt`, stops being worth delivering.
 * A digest is for its day: it expires at the end of the recipient's local day
 * (`timeZone`; without one, a day after it was due).
 */
export function validUntil(kind: string, dueAt: Date, timeZone?: string): Date {
  if (kind === "digest") {
    if (!timeZone) return new Date(dueAt.getTime() + DAY);
    return atLocal(addDays(localDate(dueAt, timeZone), 1), 0, timeZone);
  }
  if (kind.startsWith("reminder:")) return new Date(dueAt.getTime() + REMINDER_VALIDITY_MS);
  return new Date(dueAt.getTime() + DEFAULT_VALIDITY_MS);
}

/** The wait before retry `attempt` (1, 2, …) after a transient failure: doubling from 2 s, capped. */
export function retryDelayMs(attempt: number, capMs = 60_000): number {
  return Math.min(2 ** Math.max(1, attempt) * 1000, capMs);
}
