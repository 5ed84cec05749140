// Local time for scheduled messages: quiet hours, and a person's own chosen hour inside them.
import { describe, expect, it } from "vitest";
import { afterQuietHours, isQuiet, quietHoursFor } from "../../src/core/schedule.ts";
import { validUntil } from "../../src/delivery/validity.ts";

const at = (iso: string) => new Date(iso);
const QUIET = [22, 8] as const;
const MSK = "Europe/Moscow";

describe("quiet hours", () => {
  it("wrap midnight or not, and are off when they start and end at once", () => {
    expect([21, 22, 23, 0, 7, 8].map((h) => isQuiet(h, QUIET))).toEqual([false, true, true, true, true, false]);
    expect([0, 1, 5, 6].map((h) => isQuiet(h, [1, 6]))).toEqual([false, true, true, false]);
    expect(isQuiet(3, [0, 0])).toBe(false);
  });

  it("hold a message due at 06:00 Moscow until 08:00", () => {
    expect(afterQuietHours(at("2026-11-24T03:00:00Z"), MSK, QUIET)).toEqual(at("2026-11-24T05:00:00Z"));
    expect(afterQuietHours(at("2026-11-24T09:00:00Z"), MSK, QUIET)).toEqual(at("2026-11-24T09:00:00Z"));
  });
});

describe("quietHoursFor: a methodist's own digest hour overrides the quiet hours for that digest", () => {
  it("ends the quiet hours at the chosen hour when it falls inside them", () => {
    expect(quietHoursFor(6, QUIET)).toEqual([22, 6]);
    expect(quietHoursFor(7, QUIET)).toEqual([22, 7]);
    expect(quietHoursFor(23, QUIET)).toEqual([22, 23]);
    expect(quietHoursFor(3, [1, 6])).toEqual([1, 3]);
  });

  it("leaves them as they are for an hour outside them, or when there are none", () => {
    expect(quietHoursFor(8, QUIET)).toEqual(QUIET);
    expect(quietHoursFor(14, QUIET)).toEqual(QUIET);
    expect(quietHoursFor(6, [0, 0])).toEqual([0, 0]);
  });

  it("so a digest chosen for 06:00 is due at 06:00, and still good until 22:00", () => {
    const six = at("2026-11-24T03:00:00Z"); // 06:00 Moscow
    const quiet = quietHoursFor(6, QUIET);
    expect(afterQuietHours(six, MSK, quiet)).toEqual(six);
    // Made up at 07:30 (the bot was down at 06:00): at once, not at 08:00.
    expect(afterQuietHours(at("2026-11-24T04:30:00Z"), MSK, quiet)).toEqual(at("2026-11-24T04:30:00Z"));
    // Still quiet before the chosen hour.
    expect(afterQuietHours(at("2026-11-24T02:00:00Z"), MSK, quiet)).toEqual(six);
    expect(validUntil("digest", six, { timeZone: MSK, quietHours: quiet })).toEqual(at("2026-11-24T19:00:00Z"));
  });
});
