// Local time for scheduled messages: a person's day, hour and quiet hours in an IANA
// time zone. Pure functions of an instant; the clock is the caller's.

const HOUR = 3_600_000;

/** The zone's offset from UTC at an instant, in minutes (Europe/Moscow → 180). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The local date, "YYYY-MM-DD". */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant);
}

export function localHour(instant: Date, timeZone: string): number {
  return new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000).getUTCHours();
}

/** The instant of `hour`:00 local time on a local date. */
export function atLocal(date: string, hour: number, timeZone: string): Date {
  const guess = Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
  return new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60_000);
}

/** Adds days to a local date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);
}

/** Whether a local hour falls in quiet hours [from, to), which may wrap midnight (22–8). */
export function isQuiet(hour: number, [from, to]: readonly [number, number]): boolean {
  if (from === to) return false;
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

/**
 * The quiet hours that apply to a message a person asked to get at `hour` (a
 * methodist's digest at their chosen hour): when that hour falls in the quiet hours,
 * the quiet hours end at it for this message, so a digest chosen for 6:00 arrives at
 * 6:00 and is not held until 8:00. Every other message keeps the quiet hours as they are.
 */
export function quietHoursFor(hour: number, quiet: readonly [number, number]): readonly [number, number] {
  return isQuiet(hour, quiet) ? [quiet[0], hour] : quiet;
}

/** The next start of quiet hours after the instant (none when quiet hours are off). */
export function quietStartAfter(instant: Date, timeZone: string, quiet: readonly [number, number]): Date | undefined {
  if (quiet[0] === quiet[1]) return undefined;
  const today = localDate(instant, timeZone);
  const start = atLocal(today, quiet[0], timeZone);
  return start > instant ? start : atLocal(addDays(today, 1), quiet[0], timeZone);
}

/** The instant itself, or the end of the quiet hours it falls in. */
export function afterQuietHours(instant: Date, timeZone: string, quiet: readonly [number, number]): Date {
  if (!isQuiet(localHour(instant, timeZone), quiet)) return instant;
  const today = localDate(instant, timeZone);
  const end = atLocal(today, quiet[1], timeZone);
  return end > instant ? end : atLocal(addDays(today, 1), quiet[1], timeZone);
}
