import { describe, expect, it } from "vitest";
import { allIndicators, unitIndicators, type PersonFacts, type StaffUnit } from "../../src/core/indicators.ts";

const person = (id: number, o: Partial<PersonFacts> = {}): PersonFacts => ({
  personId: id,
  municipalityId: "m1",
  organizationId: "o1",
  manager: false,
  young: false,
  diagnosed: false,
  routed: false,
  registerProgrammeDone: false,
  qualityProgrammeDone: false,
  mentored: false,
  ...o,
});

// A region of two municipalities: o1 (m1, 10 teachers, 2 managers), o2 (m1, staff unknown), o3 (m2, 5 and 1, nobody registered).
const staff: StaffUnit[] = [
  { organizationId: "o1", municipalityId: "m1", teachers: 10, managers: 2 },
  { organizationId: "o2", municipalityId: "m1", teachers: null, managers: null },
  { organizationId: "o3", municipalityId: "m2", teachers: 5, managers: 1 },
];
const people: PersonFacts[] = [
  person(1, { diagnosed: true, routed: true, registerProgrammeDone: true }),
  person(2, { diagnosed: true, routed: true }),
  person(3, { diagnosed: true, young: true, mentored: true }),
  person(4, { young: true }),
  person(5, { manager: true, diagnosed: true, routed: true, qualityProgrammeDone: true, registerProgrammeDone: true }),
  person(6, { organizationId: "o2", diagnosed: true }),
  // Outside the directory: a free-text organization, counted in the region only.
  person(7, { organizationId: null, municipalityId: null, diagnosed: true, routed: true }),
];
const methodists = [
  { methodistId: 100, municipalityId: null, caseload: 120 },
  { methodistId: 101, municipalityId: "m1", caseload: 300 },
];
const providers = [
  { provider: "РИРО", register: 6, other: 4 },
  { provider: "Академия", register: 2, other: 0 },
];

describe("efficiency indicators", () => {
  const units = allIndicators("62", people, staff, methodists, providers);
  const unit = (level: string, id: string) => units.find((u) => u.level === level && u.id === id)!;

  it("computes the region against staff (unknown when any staff number is missing) and against the registered", () => {
    const r = unit("region", "62");
    // o2's staff is unknown, so the region's staff total is unknown too.
    expect(r.values[1].staff).toEqual({ numerator: 6, denominator: null, share: null });
    expect(r.values[1].registered).toEqual({ numerator: 6, denominator: 7, share: 6 / 7 });
    expect(r.values[2].registered).toEqual({ numerator: 4, denominator: 7, share: 4 / 7 });
    // 3 counts teachers only: person 5 is a manager.
    expect(r.values[3].registered).toEqual({ numerator: 1, denominator: 6, share: 1 / 6 });
    expect(r.values[4].registered).toEqual({ numerator: 1, denominator: 1, share: 1 });
    // 5: registered young teachers only (the directory has no count of them).
    expect(r.values[5].registered).toEqual({ numerator: 1, denominator: 2, share: 0.5 });
    expect(r.values[5].staff.denominator).toBeNull();
    expect(r.values[5].met).toBe(false);
    // 6: register programmes among everything the providers run.
    expect(r.values[6].staff).toEqual({ numerator: 8, denominator: 12, share: 8 / 12 });
    // 7: one regional methodist; a municipal one is over the cap.
    expect(r.values[7].value).toBeNull(); // staff teachers unknown
    expect(r.values[7].met).toBe(false);
  });

  it("computes a municipality and an organization against their staff", () => {
    const o1 = unit("organization", "o1");
    expect(o1.values[1].staff).toEqual({ numerator: 4, denominator: 12, share: 4 / 12 });
    expect(o1.values[3].staff).toEqual({ numerator: 1, denominator: 10, share: 0.1 });
    expect(o1.values[3].met).toBe(false);
    expect(o1.values[4].staff).toEqual({ numerator: 1, denominator: 2, share: 0.5 });
    expect(o1.values[4].met).toBe(true);
    const m2 = unit("municipality", "m2");
    // Nobody registered: zero over the staff, no share against the registered.
    expect(m2.values[1].staff).toEqual({ numerator: 0, denominator: 6, share: 0 });
    expect(m2.values[1].registered).toEqual({ numerator: 0, denominator: 0, share: null });
    expect(m2.values[7].value).toBeNull(); // no methodist serves it
    const m1 = unit("municipality", "m1");
    expect(m1.values[1].staff.denominator).toBeNull(); // o2 unknown
    expect(m1.values[1].registered).toEqual({ numerator: 5, denominator: 6, share: 5 / 6 });
  });

  it("lists the region, every municipality and every organization once", () => {
    expect(units.map((u) => `${u.level}:${u.id}`)).toEqual(["region:62", "municipality:m1", "municipality:m2", "organization:o1", "organization:o2", "organization:o3"]);
  });

  it("judges targets: 30% for 3, 40% for 4, 70% for 5, at most 250 per methodist for 7", () => {
    const teachers = Array.from({ length: 10 }, (_, i) => person(i + 1, { registerProgrammeDone: i < 3, young: i < 10, mentored: i < 7 }));
    const u = unitIndicators("organization", "o", teachers, [{ organizationId: "o", municipalityId: "m", teachers: 10, managers: 0 }], [{ methodistId: 1, municipalityId: "m", caseload: 250 }], []);
    expect(u.values[3].met).toBe(true); // 3 of 10
    expect(u.values[5].met).toBe(true); // 7 of 10
    expect(u.values[4].met).toBeNull(); // no managers: no share
    expect(u.values[7]).toMatchObject({ value: 10, met: true });
  });

  it("indicator 7 with no data is not met, and an empty caseload does not hide too many teachers per methodist", () => {
    const staff = (teachers: number | null) => [{ organizationId: "o", municipalityId: "m", teachers, managers: 0 }];
    const idle = [{ methodistId: 1, municipalityId: "m", caseload: 0 }];
    // Nobody assigned and the staff unknown: nothing to judge.
    expect(unitIndicators("organization", "o", [], staff(null), idle, []).values[7].met).toBeNull();
    // No methodist at all.
    expect(unitIndicators("organization", "o", [], staff(100), [], []).values[7].met).toBeNull();
    // Nobody assigned yet, but 400 staff teachers for one methodist.
    expect(unitIndicators("organization", "o", [], staff(400), idle, []).values[7]).toMatchObject({ value: 400, met: false });
  });
});
