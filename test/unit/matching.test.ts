import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  offerable,
  rankMentors,
  type Match,
  type MenteeProfile,
  type MentorCandidate,
} from "../../src/core/matching.ts";

const RUNS = 500;
// A fixed seed keeps CI reproducible; FC_SEED=<number> explores other cases
// (a failure prints its seed and counterexample).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });

const SUBJECTS = ["math", "physics", "primary", "russian_lit"] as const;
const STRENGTHS = ["subject", "methodological", "psychological", "communicative", "digital"] as const;
const ORGS = ["o1", "o2", "o3"] as const;
const MUNICIPALITIES = ["m1", "m2"] as const;
const STATUSES: readonly MentorCandidate["status"][] = ["ACTIVE", "PAUSED", "STOPPED"];

// ---------------------------------------------------------------- generators

const idArb = fc.integer({ min: 1, max: 200 });
const orgArb = fc.option(fc.constantFrom(...ORGS), { nil: null });
const municipalityArb = fc.option(fc.constantFrom(...MUNICIPALITIES), { nil: null });

const candidateArb: fc.Arbitrary<MentorCandidate> = fc
  .record({
    personId: idArb,
    subjects: fc.subarray([...SUBJECTS]),
    strengths: fc.shuffledSubarray([...STRENGTHS]),
    organizationId: orgArb,
    municipalityId: municipalityArb,
    capacity: fc.integer({ min: 1, max: 5 }),
    status: fc.constantFrom(...STATUSES),
  })
  .chain((c) => fc.integer({ min: 0, max: c.capacity }).map((taken) => ({ ...c, taken })));

const candidatesArb = (minLength = 0) =>
  fc.uniqueArray(candidateArb, { minLength, maxLength: 30, selector: (c) => c.personId });

const menteeArb = (candidates: readonly MentorCandidate[]): fc.Arbitrary<MenteeProfile> =>
  fc.record({
    // Sometimes the mentee is one of the candidates (a mentor may also be a mentee).
    personId: candidates.length > 0 ? fc.oneof(idArb, fc.constantFrom(...candidates.map((c) => c.personId))) : idArb,
    subjects: fc.subarray([...SUBJECTS]),
    needs: fc.shuffledSubarray([...STRENGTHS]),
    organizationId: orgArb,
    municipalityId: municipalityArb,
    young: fc.boolean(),
  });

interface Scenario {
  mentee: MenteeProfile;
  candidates: MentorCandidate[];
  passed: Set<number>;
}

const scenarioArb = (minCandidates = 0): fc.Arbitrary<Scenario> =>
  candidatesArb(minCandidates).chain((candidates) =>
    fc
      .tuple(menteeArb(candidates), fc.subarray(candidates.map((c) => c.personId)))
      .map(([mentee, passed]) => ({ mentee, candidates, passed: new Set(passed) })),
  );

/**
 * A scenario with one chosen candidate (by index) made offerable, so metamorphic
 * properties always have a ranked mentor to compare.
 */
const targetedScenarioArb: fc.Arbitrary<Scenario & { index: number }> = scenarioArb(1).chain((s) =>
  fc.nat({ max: s.candidates.length - 1 }).map((index) => {
    const target = s.candidates[index]!;
    const candidates = s.candidates.map((c, i) =>
      i === index ? { ...c, status: "ACTIVE" as const, taken: Math.min(c.taken, c.capacity - 1) } : c,
    );
    const passed = new Set([...s.passed].filter((id) => id !== target.personId));
    // Person ids are 1..200, so 0 is never a candidate.
    const mentee = s.mentee.personId === target.personId ? { ...s.mentee, personId: 0 } : s.mentee;
    return { mentee, candidates, passed, index };
  }),
);

// ---------------------------------------------------------------- helpers

const find = (ranked: readonly Match[], personId: number): Match | undefined => ranked.find((m) => m.personId === personId);
const rankOf = (ranked: readonly Match[], personId: number): number => ranked.findIndex((m) => m.personId === personId);

const replaceAt = (candidates: readonly MentorCandidate[], index: number, next: MentorCandidate): MentorCandidate[] =>
  candidates.map((c, i) => (i === index ? next : c));

/** Ranks before and after a change to one candidate; the target must stay offered with no lower score or rank. */
function assertNotWorse(s: Scenario & { index: number }, changed: MentorCandidate): void {
  const id = s.candidates[s.index]!.personId;
  const before = rankMentors(s.mentee, s.candidates, s.passed);
  const after = rankMentors(s.mentee, replaceAt(s.candidates, s.index, changed), s.passed);
  const b = find(before, id);
  const a = find(after, id);
  expect(b).toBeDefined();
  expect(a).toBeDefined();
  expect(a!.score).toBeGreaterThanOrEqual(b!.score);
  // Every other candidate is unchanged, so the target cannot fall in the ranking.
  expect(rankOf(after, id)).toBeLessThanOrEqual(rankOf(before, id));
}

function mentor(overrides: Partial<MentorCandidate> & { personId: number }): MentorCandidate {
  return {
    subjects: ["math"],
    strengths: [],
    organizationId: "o3",
    municipalityId: "m2",
    capacity: 3,
    taken: 1,
    status: "ACTIVE",
    ...overrides,
  };
}

const MENTEE: MenteeProfile = {
  personId: 999,
  subjects: ["math"],
  needs: ["methodological", "digital"],
  organizationId: "o1",
  municipalityId: "m1",
  young: false,
};

// ---------------------------------------------------------------- properties

describe("rankMentors properties", () => {
  it("never offers a mentor at capacity, paused or stopped, passed over, or the mentee themself", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ mentee, candidates, passed }) => {
        const ranked = rankMentors(mentee, candidates, passed);
        const byId = new Map(candidates.map((c) => [c.personId, c]));
        for (const m of ranked) {
          const c = byId.get(m.personId);
          expect(c).toBeDefined();
          expect(c!.taken).toBeLessThan(c!.capacity);
          expect(c!.status).toBe("ACTIVE");
          expect(passed.has(m.personId)).toBe(false);
          expect(m.personId).not.toBe(mentee.personId);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("offers every offerable mentor exactly once and nothing else", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ mentee, candidates, passed }) => {
        const ranked = rankMentors(mentee, candidates, passed);
        const ids = ranked.map((m) => m.personId);
        expect(new Set(ids).size).toBe(ids.length);
        const expected = candidates.filter((c) => offerable(c, mentee, passed)).map((c) => c.personId);
        expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      }),
      { numRuns: RUNS },
    );
  });

  it("without a passed set, offers exactly the active mentors with free places other than the mentee", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ mentee, candidates }) => {
        const ids = rankMentors(mentee, candidates).map((m) => m.personId);
        const expected = candidates
          .filter((c) => c.status === "ACTIVE" && c.taken < c.capacity && c.personId !== mentee.personId)
          .map((c) => c.personId);
        expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      }),
      { numRuns: RUNS },
    );
  });

  it("is sorted by score descending, ties by personId ascending, and deterministic regardless of input order", () => {
    fc.assert(
      fc.property(
        scenarioArb().chain((s) => fc.shuffledSubarray(s.candidates, { minLength: s.candidates.length }).map((shuffled) => ({ ...s, shuffled }))),
        ({ mentee, candidates, passed, shuffled }) => {
          const ranked = rankMentors(mentee, candidates, passed);
          for (let i = 1; i < ranked.length; i++) {
            const prev = ranked[i - 1]!;
            const cur = ranked[i]!;
            expect(prev.score >= cur.score).toBe(true);
            if (prev.score === cur.score) expect(prev.personId).toBeLessThan(cur.personId);
          }
          expect(rankMentors(mentee, candidates, passed)).toEqual(ranked);
          expect(rankMentors(mentee, shuffled, passed)).toEqual(ranked);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("covers the mentee's needs that are among the mentor's strengths, in the order of needs", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ mentee, candidates, passed }) => {
        const byId = new Map(candidates.map((c) => [c.personId, c]));
        for (const m of rankMentors(mentee, candidates, passed)) {
          const c = byId.get(m.personId)!;
          expect(m.covers).toEqual(mentee.needs.filter((n) => c.strengths.includes(n)));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("types the pair: young → YOUNG_SPECIALIST, else covers → COMPETENCY, else shared subject → SUBJECT, else COMPETENCY", () => {
    fc.assert(
      fc.property(scenarioArb(), ({ mentee, candidates, passed }) => {
        const byId = new Map(candidates.map((c) => [c.personId, c]));
        for (const m of rankMentors(mentee, candidates, passed)) {
          const c = byId.get(m.personId)!;
          const covers = mentee.needs.filter((n) => c.strengths.includes(n));
          const shared = c.subjects.some((s) => mentee.subjects.includes(s));
          const expected = mentee.young ? "YOUNG_SPECIALIST" : covers.length > 0 ? "COMPETENCY" : shared ? "SUBJECT" : "COMPETENCY";
          expect(m.type).toBe(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  describe("monotonic preferences (metamorphic)", () => {
    it("giving a mentor one more of the mentee's needs as a strength never lowers its score or rank", () => {
      fc.assert(
        fc.property(targetedScenarioArb, fc.nat(), (s, pick) => {
          const target = s.candidates[s.index]!;
          const missing = s.mentee.needs.filter((n) => !target.strengths.includes(n));
          const need = missing.length > 0 ? missing[pick % missing.length]! : undefined;
          const changed = need === undefined ? target : { ...target, strengths: [...target.strengths, need] };
          assertNotWorse(s, changed);
          if (need !== undefined) {
            // The new strength is now covered.
            const after = rankMentors(s.mentee, replaceAt(s.candidates, s.index, changed), s.passed);
            expect(find(after, target.personId)!.covers).toContain(need);
          }
        }),
        { numRuns: RUNS },
      );
    });

    it("moving a mentor to the mentee's organization never lowers its score or rank", () => {
      fc.assert(
        fc.property(targetedScenarioArb, (s) => {
          const target = s.candidates[s.index]!;
          assertNotWorse(s, { ...target, organizationId: s.mentee.organizationId });
        }),
        { numRuns: RUNS },
      );
    });

    it("adding a subject shared with the mentee never lowers a mentor's score or rank", () => {
      fc.assert(
        fc.property(targetedScenarioArb, fc.nat(), (s, pick) => {
          const target = s.candidates[s.index]!;
          const subjects = s.mentee.subjects;
          const subject = subjects.length > 0 ? subjects[pick % subjects.length]! : undefined;
          const changed =
            subject === undefined || target.subjects.includes(subject) ? target : { ...target, subjects: [...target.subjects, subject] };
          assertNotWorse(s, changed);
        }),
        { numRuns: RUNS },
      );
    });
  });
});

// ---------------------------------------------------------------- examples

describe("rankMentors examples", () => {
  it("ranks same organization over same municipality over elsewhere in the region", () => {
    // Ids are chosen so the personId tie-break alone would give the reverse order.
    const sameOrg = mentor({ personId: 3, organizationId: "o1", municipalityId: "m1" });
    const sameMunicipality = mentor({ personId: 2, organizationId: "o2", municipalityId: "m1" });
    const elsewhere = mentor({ personId: 1, organizationId: "o3", municipalityId: "m2" });
    const ranked = rankMentors(MENTEE, [elsewhere, sameMunicipality, sameOrg]);
    expect(ranked.map((m) => m.personId)).toEqual([3, 2, 1]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[1]!.score).toBeGreaterThan(ranked[2]!.score);
    expect(ranked[0]!.reasons).toContain("organization");
    expect(ranked[1]!.reasons).toContain("municipality");
    expect(ranked[2]!.reasons).not.toContain("organization");
    expect(ranked[2]!.reasons).not.toContain("municipality");
  });

  it("ranks a mentor covering two needs over one covering one", () => {
    const two = mentor({ personId: 2, strengths: ["digital", "methodological"] });
    const one = mentor({ personId: 1, strengths: ["digital"] });
    const ranked = rankMentors(MENTEE, [one, two]);
    expect(ranked.map((m) => m.personId)).toEqual([2, 1]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[0]!.covers).toEqual(["methodological", "digital"]);
    expect(ranked[1]!.covers).toEqual(["digital"]);
  });

  it("ranks a mentor with several free places over one with a single place left", () => {
    const lastPlace = mentor({ personId: 1, capacity: 2, taken: 1 });
    const several = mentor({ personId: 2, capacity: 5, taken: 1 });
    const ranked = rankMentors(MENTEE, [lastPlace, several]);
    expect(ranked.map((m) => m.personId)).toEqual([2, 1]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[0]!.reasons).toContain("free-places");
    expect(ranked[1]!.reasons).not.toContain("free-places");
  });

  it("gives a young mentee YOUNG_SPECIALIST pairs", () => {
    const young = { ...MENTEE, young: true };
    const ranked = rankMentors(young, [
      mentor({ personId: 1, strengths: ["digital"] }),
      mentor({ personId: 2, subjects: ["math"] }),
      mentor({ personId: 3, subjects: ["physics"] }),
    ]);
    expect(ranked).toHaveLength(3);
    for (const m of ranked) expect(m.type).toBe("YOUNG_SPECIALIST");
  });

  it("types a non-young mentee's pairs by covers, then shared subject", () => {
    const ranked = rankMentors(MENTEE, [
      mentor({ personId: 1, strengths: ["digital"], subjects: ["physics"] }),
      mentor({ personId: 2, subjects: ["math"] }),
      mentor({ personId: 3, subjects: ["physics"] }),
    ]);
    const typeOf = (id: number) => find(ranked, id)?.type;
    expect(typeOf(1)).toBe("COMPETENCY");
    expect(typeOf(2)).toBe("SUBJECT");
    expect(typeOf(3)).toBe("COMPETENCY");
  });

  it("leaves out full, paused, stopped and passed-over mentors and the mentee", () => {
    const ranked = rankMentors(
      MENTEE,
      [
        mentor({ personId: 1, capacity: 2, taken: 2 }),
        mentor({ personId: 2, status: "PAUSED" }),
        mentor({ personId: 3, status: "STOPPED" }),
        mentor({ personId: 4 }),
        mentor({ personId: MENTEE.personId }),
        mentor({ personId: 5 }),
      ],
      new Set([4]),
    );
    expect(ranked.map((m) => m.personId)).toEqual([5]);
  });

  it("gives [] for an empty candidate list", () => {
    expect(rankMentors(MENTEE, [])).toEqual([]);
    expect(rankMentors({ ...MENTEE, young: true }, [], new Set([1, 2]))).toEqual([]);
  });
});
