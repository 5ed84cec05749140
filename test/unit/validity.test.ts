import { describe, expect, it } from "vitest";
import { retryDelayMs, validUntil } from "../../src/delivery/validity.ts";

const at = (iso: string) => new Date(iso);

describe("validUntil: how long a queued message is worth delivering", () => {
  it("a digest is for its day: until the recipient's local midnight", () => {
    // 08:00 in Moscow (UTC+3) → 00:00 Moscow the next day.
    expect(validUntil("digest", at("2026-11-24T05:00:00Z"), "Europe/Moscow")).toEqual(at("2026-11-24T21:00:00Z"));
    // 08:00 in Novosibirsk (UTC+7).
    expect(validUntil("digest", at("2026-11-24T01:00:00Z"), "Asia/Novosibirsk")).toEqual(at("2026-11-24T17:00:00Z"));
    expect(validUntil("digest", at("2026-11-24T05:00:00Z"))).toEqual(at("2026-11-25T05:00:00Z"));
  });

  it("reminders keep a day; mentoring notices, broadcasts and a methodist's notes a week", () => {
    const due = at("2026-11-24T05:00:00Z");
    for (const kind of ["reminder:diagnostic", "reminder:route", "reminder:repeat"]) expect(validUntil(kind, due)).toEqual(at("2026-11-25T05:00:00Z"));
    for (const kind of ["broadcast", "mentoring", "mentoring:checkin", "recommendation", "route-comment", "route-approved"]) {
      expect(validUntil(kind, due, "Europe/Moscow")).toEqual(at("2026-12-01T05:00:00Z"));
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
