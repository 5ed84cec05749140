import { describe, expect, it } from "vitest";
import { retryDelayMs, validUntil } from "../../src/delivery/validity.ts";

const at = (iso: string) => new Date(iso);

describe("validUntil: how long a queued message is worth delivering", () => {
  const noQuiet = (timeZone: string) => ({ timeZone, quietHours: [0, 0] as const });
  const quiet = (timeZone: string) => ({ timeZone, quietHours: [22, 8] as const });

  it("a digest is for its day: until the recipient's local midnight", () => {
    // 08:00 in Moscow (UTC+3) → 00:00 Moscow the next day.
    expect(validUntil("digest", at("2026-11-24T05:00:00Z"), noQuiet("Europe/Moscow"))).toEqual(at("2026-11-24T21:00:00Z"));
    // 08:00 in Novosibirsk (UTC+7).
    expect(validUntil("digest", at("2026-11-24T01:00:00Z"), noQuiet("Asia/Novosibirsk"))).toEqual(at("2026-11-24T17:00:00Z"));
    expect(validUntil("digest", at("2026-11-24T05:00:00Z"))).toEqual(at("2026-11-25T05:00:00Z"));
  });

  it("a scheduled message is never retried into the recipient's quiet hours", () => {
    // Due 08:00 Moscow: quiet hours begin at 22:00 Moscow (19:00 UTC), before midnight and before a day has passed.
    expect(validUntil("digest", at("2026-11-24T05:00:00Z"), quiet("Europe/Moscow"))).toEqual(at("2026-11-24T19:00:00Z"));
    expect(validUntil("reminder:route", at("2026-11-24T05:00:00Z"), quiet("Europe/Moscow"))).toEqual(at("2026-11-24T19:00:00Z"));
    expect(validUntil("mentoring:checkin", at("2026-11-24T05:00:00Z"), quiet("Asia/Novosibirsk"))).toEqual(at("2026-11-24T15:00:00Z"));
    // Quiet hours that do not wrap midnight (1–6): due 07:00 → 01:00 the next day.
    expect(validUntil("reminder:route", at("2026-11-24T04:00:00Z"), { timeZone: "Europe/Moscow", quietHours: [1, 6] })).toEqual(at("2026-11-24T22:00:00Z"));
  });

  it("reminders keep a day; mentoring notices, broadcasts and a methodist's notes a week", () => {
    const due = at("2026-11-24T05:00:00Z");
    for (const kind of ["reminder:diagnostic", "reminder:route", "reminder:repeat"]) expect(validUntil(kind, due)).toEqual(at("2026-11-25T05:00:00Z"));
    for (const kind of ["broadcast", "mentoring", "mentoring:checkin", "recommendation", "route-comment", "route-approved"]) {
      expect(validUntil(kind, due)).toEqual(at("2026-12-01T05:00:00Z"));
    }
  });
});

describe("retryDelayMs", () => {
  it("doubles from 2 s and stops at the cap (a minute unless told)", () => {
    expect([1, 2, 3, 4, 5, 6, 8, 20].map((n) => retryDelayMs(n))).toEqual([2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * 1000));
    expect(retryDelayMs(9, 300_000)).toBe(300_000);
    expect(retryDelayMs(6, 30_000)).toBe(30_000);
  });
});
