import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Position } from "../../src/core/instrument.ts";
import {
  addMonths,
  alternativeFor,
  buildRoute,
  eligible,
  entryKey,
  FORMATS,
  levelsOf,
  routeProgress,
  scheduleItems,
  servedBy,
  type CatalogueEntry,
  type Format,
  type RoutePlan,
  type RouteRequest,
  type RouteTarget,
} from "../../src/core/route.ts";

const DAY = 86_400_000;
const RUNS = 500;
// A fixed seed keeps CI reproducible; FC_SEED=<number> explores other cases
// (a failure prints its seed and counterexample).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });

const COMPETENCIES = ["subject", "methodological", "psychological", "communicative", "digital", "management", "quality", "team"] as const;
const POSITION_CODES: readonly Position[] = ["TEACHER", "HEAD", "DEPUTY", "UNIT_HEAD"];
const SUBJECTS = ["math", "physics", "primary", "history_social"] as const;
const LEVELS = ["preschool", "primary", "basic", "secondary"] as const;
const ACTIVITY_TYPES = ["SEMINAR", "WEBINAR", "WORKSHOP", "MASTER_CLASS", "CONFERENCE", "INTERNSHIP"] as const;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const CATALOGUE_FROM = utc(2026, 6, 1);
const CATALOGUE_DAYS = (utc(2028, 1, 1).getTime() - CATALOGUE_FROM.getTime()) / DAY;

// ---------------------------------------------------------------- generators

const formatArb: fc.Arbitrary<Format> = fc.constantFrom(...FORMATS);

/** Both null, or a pair inside [2026-06-01, 2028-01-01] with endsOn >= startsOn. */
const datesArb: fc.Arbitrary<{ startsOn: Date | null; endsOn: Date | null }> = fc.oneof(
  fc.constant({ startsOn: null, endsOn: null }),
  fc
    .tuple(fc.integer({ min: 0, max: CATALOGUE_DAYS }), fc.integer({ min: 0, max: CATALOGUE_DAYS }))
    .map(([a, b]) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return { startsOn: new Date(CATALOGUE_FROM.getTime() + lo * DAY), endsOn: new Date(CATALOGUE_FROM.getTime() + hi * DAY) };
    }),
);

const kindAndTypeArb: fc.Arbitrary<{ kind: CatalogueEntry["kind"]; type: string; hours: number }> = fc.oneof(
  fc.integer({ min: 16, max: 144 }).map((hours) => ({ kind: "programme" as const, type: "ADVANCED", hours })),
  fc.integer({ min: 250, max: 600 }).map((hours) => ({ kind: "programme" as const, type: "RETRAINING", hours })),
  fc
    .tuple(fc.constantFrom(...ACTIVITY_TYPES), fc.integer({ min: 1, max: 40 }))
    .map(([type, hours]) => ({ kind: "activity" as const, type, hours })),
);

/** Everything but the id. */
const entryBodyArb: fc.Arbitrary<Omit<CatalogueEntry, "id">> = fc
  .record({
    kth: kindAndTypeArb,
    competencies: fc.subarray([...COMPETENCIES], { minLength: 1 }),
    format: formatArb,
    positions: fc.oneof(fc.constant([] as Position[]), fc.subarray([...POSITION_CODES])),
    subjects: fc.oneof(fc.constant([] as string[]), fc.subarray([...SUBJECTS])),
    levels: fc.oneof(fc.constant([] as string[]), fc.subarray([...LEVELS])),
    regional: fc.boolean(),
    dates: datesArb,
  })
  .map(({ kth, dates, ...rest }) => ({ ...kth, ...rest, ...dates }));

/** 0–40 entries with unique ids (ids are shuffled so that id order carries no meaning). */
const catalogueArb: fc.Arbitrary<CatalogueEntry[]> = fc
  .array(entryBodyArb, { maxLength: 40 })
  .chain((bodies) =>
    fc
      .shuffledSubarray(
        bodies.map((_, i) => `id${String(i).padStart(2, "0")}`),
        { minLength: bodies.length, maxLength: bodies.length },
      )
      .map((ids) => bodies.map((b, i) => ({ ...b, id: ids[i]! }))),
  );

const targetArb: fc.Arbitrary<RouteTarget> = fc.record({
  competency: fc.constantFrom(...COMPETENCIES),
  level: fc.constantFrom("DEFICIT" as const, "DEVELOP" as const),
  score: fc.integer({ min: 0, max: 74 }),
});

const requestArb: fc.Arbitrary<RouteRequest> = fc.record({
  targets: fc.uniqueArray(targetArb, { maxLength: 6, selector: (t) => t.competency }),
  person: fc.record({
    position: fc.constantFrom(...POSITION_CODES),
    subjects: fc.subarray([...SUBJECTS]),
    levels: fc.subarray([...LEVELS]),
  }),
  preferredFormat: fc.option(formatArb, { nil: null }),
  hoursBudget: fc.integer({ min: 0, max: 400 }),
  start: fc.date({ min: utc(2026, 1, 1), max: new Date(utc(2028, 1, 1).getTime() - 1), noInvalidDate: true }),
  months: fc.integer({ min: 1, max: 12 }),
});

/** A catalogue and a request; the request sometimes excludes some of the catalogue. */
const scenarioArb: fc.Arbitrary<{ catalogue: CatalogueEntry[]; req: RouteRequest }> = fc
  .tuple(catalogueArb, requestArb)
  .chain(([catalogue, req]) =>
    fc
      .option(fc.subarray(catalogue.map(entryKey)), { nil: undefined })
      .map((excluded) => ({ catalogue, req: excluded ? { ...req, exclude: new Set(excluded) } : req })),
  );

// ---------------------------------------------------------------- helpers

/** The period buildRoute works over for a request (independent of targets and catalogue). */
const periodOf = (req: RouteRequest): { start: Date; end: Date } => {
  const { start, end } = buildRoute({ ...req, targets: [] }, []);
  return { start, end };
};

const isMidnight = (d: Date) => d.getTime() % DAY === 0;

const servable = (competency: string, req: RouteRequest, catalogue: readonly CatalogueEntry[], start: Date, end: Date) =>
  catalogue.some((e) => e.competencies.includes(competency) && eligible(e, req, start, end));

const sumHours = (entries: readonly CatalogueEntry[]) => entries.reduce((s, e) => s + e.hours, 0);

// ---------------------------------------------------------------- properties

describe("buildRoute properties", () => {
  it("stays within the hours budget and totals the items' hours", () => {
    fc.assert(
      fc.property(scenarioArb, ({ catalogue, req }) => {
        const plan = buildRoute(req, catalogue);
        expect(plan.totalHours).toBe(sumHours(plan.items.map((i) => i.entry)));
        expect(plan.totalHours).toBeLessThanOrEqual(req.hoursBudget);
      }),
      { numRuns: RUNS },
    );
  });

  it("schedules every item inside the period, at day precision", () => {
    fc.assert(
      fc.property(scenarioArb, ({ catalogue, req }) => {
        const plan = buildRoute(req, catalogue);
        expect(isMidnight(plan.start)).toBe(true);
        expect(plan.start.getTime()).toBe(Date.UTC(req.start.getUTCFullYear(), req.start.getUTCMonth(), req.start.getUTCDate()));
        expect(plan.end.getTime()).toBe(addMonths(plan.start, req.months).getTime());
        for (const item of plan.items) {
          expect(isMidnight(item.due)).toBe(true);
          expect(item.due.getTime()).toBeGreaterThanOrEqual(plan.start.getTime());
          expect(item.due.getTime()).toBeLessThanOrEqual(plan.end.getTime());
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("accounts for every target: served or reported, never both", () => {
    fc.assert(
      fc.property(scenarioArb, ({ catalogue, req }) => {
        const plan = buildRoute(req, catalogue);
        const targets = req.targets.map((t) => t.competency);
        const unserved = plan.unserved.map((u) => u.competency);
        expect(new Set(unserved).size).toBe(unserved.length);
        // A target is served by an item of its own or by an item whose entry also lists it.
        for (const c of targets) {
          const served = servedBy(plan.items, c).length > 0;
          expect(served !== unserved.includes(c)).toBe(true);
        }
        // Items serve targets only; unserved lists exactly the targets no item serves.
        for (const item of plan.items) expect(targets).toContain(item.competency);
        expect([...unserved].sort()).toEqual(targets.filter((c) => servedBy(plan.items, c).length === 0).sort());
      }),
      { numRuns: RUNS },
    );
  });

  it('reports "no-match" exactly for targets no eligible entry serves', () => {
    fc.assert(
      fc.property(scenarioArb, ({ catalogue, req }) => {
        const plan = buildRoute(req, catalogue);
        for (const t of req.targets) {
          const noMatch = plan.unserved.some((u) => u.competency === t.competency && u.why === "no-match");
          expect(noMatch).toBe(!servable(t.competency, req, catalogue, plan.start, plan.end));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("serves every servable target when the budget covers all eligible entries", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 100 }), ({ catalogue, req: base }, extra) => {
        const { start, end } = periodOf(base);
        const budget = sumHours(catalogue.filter((e) => eligible(e, base, start, end))) + extra;
        const req = { ...base, hoursBudget: budget };
        const plan = buildRoute(req, catalogue);
        for (const u of plan.unserved) expect(u).toEqual({ competency: u.competency, why: "no-match" });
      }),
      { numRuns: RUNS },
    );
  });

  it("never plans an entry twice, and every item's entry is eligible and lists its competency", () => {
    fc.assert(
      fc.property(scenarioArb, ({ catalogue, req }) => {
        const plan = buildRoute(req, catalogue);
        const keys = plan.items.map((i) => entryKey(i.entry));
        expect(new Set(keys).size).toBe(keys.length);
        for (const item of plan.items) {
          expect(item.entry.competencies).toContain(item.competency);
          expect(eligible(item.entry, req, plan.start, plan.end)).toBe(true);
          expect(catalogue).toContain(item.entry);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("never plans an excluded entry", () => {
    fc.assert(
      fc.property(
        fc.tuple(catalogueArb, requestArb).chain(([catalogue, req]) =>
          fc.subarray(catalogue.map(entryKey), { minLength: Math.min(1, catalogue.length) }).map((excluded) => ({ catalogue, req, excluded })),
        ),
        ({ catalogue, req, excluded }) => {
          const plan = buildRoute({ ...req, exclude: new Set(excluded) }, catalogue);
          const keys = new Set(plan.items.map((i) => entryKey(i.entry)));
          for (const k of excluded) expect(keys.has(k)).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("closes a deficit with a formal programme first when one is eligible and the budget is large", () => {
    fc.assert(
      fc.property(scenarioArb, ({ catalogue, req: base }) => {
        const req = { ...base, hoursBudget: Math.max(base.hoursBudget, sumHours(catalogue)) };
        const plan = buildRoute(req, catalogue);
        for (const t of req.targets) {
          if (t.level !== "DEFICIT") continue;
          const programme = catalogue.some(
            (e) => e.kind === "programme" && e.hours <= req.hoursBudget && e.competencies.includes(t.competency) && eligible(e, req, plan.start, plan.end),
          );
          if (!programme) continue;
          // The deficit is served by a programme: its own first item, or one chosen for another deficit.
          const serving = servedBy(plan.items, t.competency).map((i) => plan.items[i]!);
          expect(serving.length, `items serving deficit ${t.competency}`).toBeGreaterThan(0);
          expect(serving.some((i) => i.entry.kind === "programme"), `deficit ${t.competency}: ${serving.map((i) => entryKey(i.entry)).join(", ")}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(scenarioArb, ({ catalogue, req }) => {
        expect(buildRoute(req, catalogue)).toEqual(buildRoute(req, catalogue));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- examples

const entry = (over: Partial<CatalogueEntry> & Pick<CatalogueEntry, "id">): CatalogueEntry => ({
  kind: "programme",
  type: "ADVANCED",
  competencies: ["digital"],
  hours: 36,
  format: "IN_PERSON",
  positions: [],
  subjects: [],
  levels: [],
  regional: false,
  startsOn: null,
  endsOn: null,
  ...over,
});

const request = (over: Partial<RouteRequest> = {}): RouteRequest => ({
  targets: [{ competency: "digital", level: "DEFICIT", score: 20 }],
  person: { position: "TEACHER", subjects: ["math"], levels: ["basic"] },
  preferredFormat: null,
  hoursBudget: 144,
  start: utc(2026, 9, 1),
  months: 6,
  ...over,
});

const firstFor = (plan: RoutePlan, competency: string) => plan.items.find((i) => i.competency === competency);

describe("buildRoute examples", () => {
  it("prefers a regional programme to a federal one of equal fit", () => {
    const catalogue = [entry({ id: "fed" }), entry({ id: "reg", regional: true })];
    const plan = buildRoute(request(), catalogue);
    const first = firstFor(plan, "digital")!;
    expect(first.entry.id).toBe("reg");
    expect(first.reasons).toContain("regional");
    expect(plan.items.map((i) => i.entry.id)).not.toContain("fed");
  });

  it("prefers the person's format", () => {
    const catalogue = [entry({ id: "a-inperson", format: "IN_PERSON" }), entry({ id: "b-distance", format: "DISTANCE" })];
    const first = firstFor(buildRoute(request({ preferredFormat: "DISTANCE" }), catalogue), "digital")!;
    expect(first.entry.id).toBe("b-distance");
    expect(first.reasons).toContain("format");
    // Without a preference the tie goes to the id order.
    expect(firstFor(buildRoute(request(), catalogue), "digital")!.entry.id).toBe("a-inperson");
  });

  it("never picks entries for other subjects and prefers the person's subject to a generic entry", () => {
    const catalogue = [
      entry({ id: "physics", subjects: ["physics"], regional: true }),
      entry({ id: "generic" }),
      entry({ id: "math", subjects: ["math"] }),
    ];
    const plan = buildRoute(request({ hoursBudget: 1000 }), catalogue);
    const ids = plan.items.map((i) => i.entry.id);
    expect(ids).not.toContain("physics");
    expect(firstFor(plan, "digital")!.entry.id).toBe("math");
    expect(firstFor(plan, "digital")!.reasons).toContain("subject");

    // With only the other subject's entry, the target has no match.
    const none = buildRoute(request(), [entry({ id: "physics", subjects: ["physics"] })]);
    expect(none.items).toEqual([]);
    expect(none.unserved).toEqual([{ competency: "digital", why: "no-match" }]);
  });

  it("serves every deficit with activities on a tight budget rather than leaving one unserved", () => {
    const catalogue = [
      entry({ id: "p-digital", competencies: ["digital"], hours: 36 }),
      entry({ id: "p-team", competencies: ["team"], hours: 36 }),
      entry({ id: "a-digital", kind: "activity", type: "SEMINAR", competencies: ["digital"], hours: 8 }),
      entry({ id: "a-team", kind: "activity", type: "WEBINAR", competencies: ["team"], hours: 4 }),
    ];
    const req = request({
      hoursBudget: 20,
      targets: [
        { competency: "digital", level: "DEFICIT", score: 10 },
        { competency: "team", level: "DEFICIT", score: 30 },
      ],
    });
    const plan = buildRoute(req, catalogue);
    expect(plan.unserved).toEqual([]);
    expect(plan.items.map((i) => [i.competency, i.entry.id])).toEqual([
      ["digital", "a-digital"],
      ["team", "a-team"],
    ]);
    // No programme is in the route: practice is not "besides the programme".
    expect(plan.items.some((i) => i.reasons.includes("practice-for-deficit"))).toBe(false);
    expect(plan.totalHours).toBe(12);
  });

  it("adds practice besides the programme for a deficit when the budget allows", () => {
    const catalogue = [
      entry({ id: "prog", hours: 36 }),
      entry({ id: "sem", kind: "activity", type: "SEMINAR", hours: 6 }),
    ];
    const plan = buildRoute(request({ hoursBudget: 42 }), catalogue);
    expect(plan.items.map((i) => i.entry.id)).toEqual(["prog", "sem"]);
    expect(plan.items[0]!.reasons).toContain("formal-for-deficit");
    expect(plan.items[1]!.reasons[0]).toBe("practice-for-deficit");
    expect(buildRoute(request({ hoursBudget: 41 }), catalogue).items.map((i) => i.entry.id)).toEqual(["prog"]);
  });
});

describe("scheduleItems", () => {
  it("spreads 4 items over 6 months at increasing due dates, the last on the period's end", () => {
    const start = utc(2026, 9, 1);
    const end = addMonths(start, 6);
    const items = ["a", "b", "c", "d"].map((id) => ({ entry: entry({ id }), competency: "digital", reasons: [] }));
    const scheduled = scheduleItems(items, start, end);
    expect(scheduled).toHaveLength(4);
    const dues = scheduled.map((i) => i.due.getTime());
    for (let i = 1; i < dues.length; i++) expect(dues[i]!).toBeGreaterThan(dues[i - 1]!);
    expect(dues[0]!).toBeGreaterThan(start.getTime());
    expect(dues[3]).toBe(end.getTime());
    expect(scheduled.every((i) => isMidnight(i.due))).toBe(true);
    // Roughly even quarters of the period (181 days).
    expect(dues.map((d) => (d - start.getTime()) / DAY)).toEqual([45, 91, 136, 181]);
  });

  it("makes an item with dates inside the period due when it ends, earlier or later than its slot", () => {
    const start = utc(2026, 9, 1);
    const end = addMonths(start, 6);
    const endsOn = new Date(Date.UTC(2026, 9, 20, 15, 30));
    const [item] = scheduleItems([{ entry: entry({ id: "x", startsOn: utc(2026, 9, 10), endsOn }), competency: "digital", reasons: [] }, { entry: entry({ id: "y" }), competency: "digital", reasons: [] }], start, end);
    // Slot 1 of 2 is 2026-12-01; the course ends 2026-10-20, so that is when it is due.
    expect(item!.due).toEqual(utc(2026, 10, 20));
    // A course ending after the period keeps its slot.
    const [outside] = scheduleItems([{ entry: entry({ id: "x", endsOn: utc(2027, 6, 1) }), competency: "digital", reasons: [] }, { entry: entry({ id: "y" }), competency: "digital", reasons: [] }], start, end);
    expect(outside!.due).toEqual(new Date(start.getTime() + Math.round(181 / 2) * DAY));
    const [late] = scheduleItems(
      [{ entry: entry({ id: "x", startsOn: utc(2026, 9, 10), endsOn: new Date(Date.UTC(2026, 11, 20, 15, 30)) }), competency: "digital", reasons: [] }, { entry: entry({ id: "y" }), competency: "digital", reasons: [] }],
      start,
      end,
    );
    expect(late!.due).toEqual(utc(2026, 12, 20));
  });
});

describe("alternativeFor", () => {
  const catalogue = [
    entry({ id: "p1", regional: true }),
    entry({ id: "p2" }),
    entry({ id: "p3", hours: 72 }),
    entry({ id: "other", competencies: ["team"] }),
  ];

  it("offers a different entry for the same competency that is not in the plan", () => {
    const req = request({ hoursBudget: 36 });
    const plan = buildRoute(req, catalogue);
    expect(plan.items.map((i) => i.entry.id)).toEqual(["p1"]);
    const alt = alternativeFor(plan, 0, req, catalogue)!;
    expect(alt).toBeDefined();
    expect(alt.competency).toBe("digital");
    expect(alt.entry.competencies).toContain("digital");
    expect(plan.items.map((i) => entryKey(i.entry))).not.toContain(entryKey(alt.entry));
    // Within the budget left after dropping p1 (36 h): p2, not the 72-hour p3.
    expect(alt.entry.id).toBe("p2");
    expect(alt.due).toEqual(plan.items[0]!.due);
  });

  it("returns undefined when nothing is left, or for a missing index", () => {
    const req = request({ hoursBudget: 36 });
    const plan = buildRoute(req, [entry({ id: "only" }), entry({ id: "other", competencies: ["team"] })]);
    expect(plan.items).toHaveLength(1);
    expect(alternativeFor(plan, 0, req, [entry({ id: "only" }), entry({ id: "other", competencies: ["team"] })])).toBeUndefined();
    expect(alternativeFor(plan, 5, req, catalogue)).toBeUndefined();
  });

  it("never offers an entry already in the plan (property)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ catalogue, req }, n) => {
        const plan = buildRoute(req, catalogue);
        fc.pre(plan.items.length > 0);
        const index = n % plan.items.length;
        const item = plan.items[index]!;
        const alt = alternativeFor(plan, index, req, catalogue);
        if (alt === undefined) return;
        expect(alt.competency).toBe(item.competency);
        expect(alt.entry.competencies).toContain(item.competency);
        expect(plan.items.map((i) => entryKey(i.entry))).not.toContain(entryKey(alt.entry));
        expect(eligible(alt.entry, req, plan.start, plan.end)).toBe(true);
        expect(plan.totalHours - item.entry.hours + alt.entry.hours).toBeLessThanOrEqual(req.hoursBudget);
        expect(alt.due.getTime()).toBeGreaterThanOrEqual(plan.start.getTime());
        expect(alt.due.getTime()).toBeLessThanOrEqual(plan.end.getTime());
      }),
      { numRuns: RUNS },
    );
  });
});

describe("routeProgress", () => {
  it("counts closed items and hours done, leaving skipped hours out", () => {
    expect(
      routeProgress([
        { hours: 10, status: "DONE" },
        { hours: 10, status: "SKIPPED" },
        { hours: 10, status: "IN_PROGRESS" },
        { hours: 10, status: "PLANNED" },
      ]),
    ).toEqual({ percent: 50, hoursDone: 10, hoursTotal: 30, finished: false });
  });

  it("is finished when every item is done or skipped", () => {
    expect(
      routeProgress([
        { hours: 10, status: "DONE" },
        { hours: 6, status: "SKIPPED" },
        { hours: 4, status: "DONE" },
      ]),
    ).toEqual({ percent: 100, hoursDone: 14, hoursTotal: 14, finished: true });
  });

  it("is empty and unfinished without items", () => {
    expect(routeProgress([])).toEqual({ percent: 0, hoursDone: 0, hoursTotal: 0, finished: false });
  });
});

describe("levelsOf", () => {
  it("maps organization types to levels of education", () => {
    expect(levelsOf("KINDERGARTEN", [])).toEqual(["preschool"]);
    expect(levelsOf("SCHOOL", ["primary"])).toEqual(["primary"]);
    expect(levelsOf("SCHOOL", ["primary", "math"])).toEqual(["primary", "basic", "secondary"]);
    expect(levelsOf("SCHOOL", [])).toEqual(["primary", "basic", "secondary"]);
    expect(levelsOf("COLLEGE", [])).toEqual(["vocational"]);
    expect(levelsOf("UNKNOWN", ["math"])).toEqual([]);
    expect(levelsOf(null, [])).toEqual([]);
    expect(levelsOf(undefined, [])).toEqual([]);
  });
});

// Pinned examples of the cases the properties above found; see the report that came with this file.
describe("buildRoute and alternativeFor edge cases", () => {
  it('does not report "budget" for a target whose only entry went to another target, however large the budget', () => {
    const catalogue = [entry({ id: "shared", competencies: ["subject", "management"], hours: 16 })];
    const req = request({
      hoursBudget: 1000,
      targets: [
        { competency: "subject", level: "DEFICIT", score: 0 },
        { competency: "management", level: "DEFICIT", score: 0 },
      ],
    });
    const plan = buildRoute(req, catalogue);
    expect(plan.items.map((i) => [i.competency, i.entry.id])).toEqual([["management", "shared"]]);
    expect(plan.unserved).not.toContainEqual({ competency: "subject", why: "budget" });
  });

  it("closes a deficit with the eligible programme, not only a short activity, when the budget is ample", () => {
    const catalogue = [
      entry({ id: "prog", hours: 36, format: "IN_PERSON" }),
      entry({ id: "web", kind: "activity", type: "WEBINAR", hours: 2, format: "DISTANCE", regional: true }),
    ];
    const plan = buildRoute(request({ hoursBudget: 1000, preferredFormat: "DISTANCE" }), catalogue);
    expect(firstFor(plan, "digital")!.entry.id).toBe("prog");
    expect(plan.items.map((i) => i.entry.id)).toContain("prog");
  });

  it("dates an alternative by its course's end when that is inside the period and after the replaced slot", () => {
    const catalogue = [
      entry({ id: "p1", regional: true }),
      entry({ id: "p2", startsOn: utc(2026, 10, 1), endsOn: utc(2027, 1, 15) }),
      entry({ id: "t", competencies: ["team"] }),
    ];
    const req = request({
      hoursBudget: 72,
      person: { position: "TEACHER", subjects: [], levels: [] },
      targets: [
        { competency: "digital", level: "DEFICIT", score: 10 },
        { competency: "team", level: "DEFICIT", score: 20 },
      ],
    });
    const plan = buildRoute(req, catalogue);
    expect(plan.items.map((i) => [i.entry.id, i.due])).toEqual([
      ["p1", utc(2026, 12, 1)],
      ["t", utc(2027, 3, 1)],
    ]);
    const alt = alternativeFor(plan, 0, req, catalogue)!;
    expect(alt.entry.id).toBe("p2");
    expect(alt.due).toEqual(utc(2027, 1, 15));
  });
});

describe("the teacher's edits, local activities and the format (issue 12, items 6-8)", () => {
  const two = [
    { competency: "digital", level: "DEFICIT" as const, score: 10 },
    { competency: "team", level: "DEVELOP" as const, score: 60 },
  ];

  it("keeps a chosen replacement and leaves out what was dropped when the route is built again", () => {
    const catalogue = [
      entry({ id: "p1", hours: 36 }),
      entry({ id: "p2", hours: 40, format: "DISTANCE" }),
      entry({ id: "s1", kind: "activity", type: "SEMINAR", competencies: ["team"], hours: 4 }),
      entry({ id: "s2", kind: "activity", type: "SEMINAR", competencies: ["team"], hours: 6 }),
    ];
    const first = buildRoute(request({ targets: two, hoursBudget: 72 }), catalogue);
    expect(first.items.map((i) => i.entry.id).sort()).toEqual(["p1", "s1"]);
    // p1 replaced by p2, s1 dropped; then in-person and 120 hours.
    const again = buildRoute(
      request({ targets: two, hoursBudget: 120, preferredFormat: "IN_PERSON", exclude: new Set(["programme:p1", "activity:s1"]), keep: [{ competency: "digital", key: "programme:p2" }] }),
      catalogue,
    );
    expect(again.items.map((i) => i.entry.id).sort()).toEqual(["p2", "s2"]);
  });

  it("does not keep a choice that no longer fits the hours", () => {
    const catalogue = [entry({ id: "p1", hours: 36 }), entry({ id: "p2", hours: 40 })];
    const plan = buildRoute(request({ hoursBudget: 36, exclude: new Set(["programme:p1"]), keep: [{ competency: "digital", key: "programme:p2" }] }), catalogue);
    expect(plan.items).toEqual([]);
    expect(plan.unserved).toEqual([{ competency: "digital", why: "budget" }]);
  });

  it("still adds a programme for a deficit whose kept choice is practice", () => {
    const catalogue = [entry({ id: "p1", hours: 36 }), entry({ id: "s1", kind: "activity", type: "SEMINAR", hours: 4 }), entry({ id: "s2", kind: "activity", type: "SEMINAR", hours: 6 })];
    const plan = buildRoute(request({ hoursBudget: 72, keep: [{ competency: "digital", key: "activity:s2" }] }), catalogue);
    expect(plan.items.map((i) => i.entry.id).sort()).toEqual(["p1", "s2"]);
  });

  it("offers a local activity only to the people of its municipality", () => {
    const local = entry({ id: "mmo", kind: "activity", type: "COMMUNITY", hours: 12, municipality: "ryazan" });
    const kasimov = request({ person: { position: "TEACHER", subjects: ["math"], levels: ["basic"], municipality: "kasimov" } });
    const ryazan = request({ person: { position: "TEACHER", subjects: ["math"], levels: ["basic"], municipality: "ryazan" } });
    const period = [utc(2026, 9, 1), utc(2027, 3, 1)] as const;
    expect(eligible(local, kasimov, ...period)).toBe(false);
    expect(eligible(local, request(), ...period)).toBe(false);
    expect(eligible(local, ryazan, ...period)).toBe(true);
    expect(eligible({ ...local, municipality: null }, kasimov, ...period)).toBe(true);
  });

  it("names the groups whose items are all in another format than the preferred one", () => {
    const catalogue = [entry({ id: "p1", format: "DISTANCE" }), entry({ id: "t1", competencies: ["team"], format: "IN_PERSON", hours: 16 })];
    const plan = buildRoute(request({ targets: [two[0]!, { competency: "team", level: "DEFICIT", score: 20 }], preferredFormat: "IN_PERSON" }), catalogue);
    expect(plan.items).toHaveLength(2);
    expect(plan.offFormat).toEqual(["digital"]);
    expect(buildRoute(request({ preferredFormat: null }), catalogue).offFormat).toEqual([]);
  });

  it("lists the items by due date", () => {
    const catalogue = [
      entry({ id: "p1", hours: 36, startsOn: utc(2027, 2, 1), endsOn: utc(2027, 2, 20) }),
      entry({ id: "s1", kind: "activity", type: "SEMINAR", competencies: ["team"], hours: 4, startsOn: utc(2026, 10, 5), endsOn: utc(2026, 10, 5) }),
    ];
    const plan = buildRoute(request({ targets: two, hoursBudget: 72 }), catalogue);
    expect(plan.items.map((i) => i.entry.id)).toEqual(["s1", "p1"]);
    const dues = plan.items.map((i) => i.due.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });
});
