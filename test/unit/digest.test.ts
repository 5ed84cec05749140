// The digest's choice of names: counts from the database, the first few names of each
// list in order of urgency, one line a person.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDigest, DIGEST_HIGHLIGHTS, type DigestData, type DigestPerson } from "../../src/core/digest.ts";

const person = (personId: number): DigestPerson => ({ personId, name: `Педагог ${personId}` });
const list = <P extends DigestPerson>(top: P[], count = top.length) => ({ count, top });

function data(o: Partial<DigestData> = {}): DigestData {
  return {
    caseload: 10,
    finished: list([]),
    routesConfirmed: 0,
    itemsDone: 0,
    overdue: { ...list([]), items: 0 },
    silent: list([]),
    youngWithoutSupport: list([]),
    ...o,
  };
}

describe("buildDigest", () => {
  it("is empty when nothing happened and nothing needs attention", () => {
    const d = buildDigest(data());
    expect(d.empty).toBe(true);
    expect(d.highlights).toEqual([]);
    expect(d.caseload).toBe(10);
  });

  it("takes the counts as given, not from the names shown", () => {
    const d = buildDigest(data({ silent: list([person(1)], 40), overdue: { ...list([{ ...person(2), count: 3 }], 12), items: 30 }, itemsDone: 4, routesConfirmed: 2 }));
    expect(d.counts).toEqual({ finished: 0, routesConfirmed: 2, itemsDone: 4, overdueItems: 30, overduePeople: 12, silent: 40, youngWithoutSupport: 0 });
    expect(d.empty).toBe(false);
  });

  it("names overdue first, then young teachers alone, fresh deficits, silence; each person once", () => {
    const d = buildDigest(
      data({
        overdue: { ...list([{ ...person(1), count: 2 }]), items: 2 },
        youngWithoutSupport: list([person(2), person(1)]),
        finished: list([{ ...person(3), deficits: ["digital"] }, { ...person(4), deficits: [] }]),
        silent: list([person(5), person(2)]),
      }),
    );
    expect(d.highlights.map((h) => [h.personId, h.reason.kind])).toEqual([
      [1, "overdue"],
      [2, "young"],
      [3, "deficits"],
      [5, "silent"],
    ]);
    expect(d.highlights[2]!.reason).toEqual({ kind: "deficits", groups: ["digital"] });
  });

  // The database returns only the first DIGEST_HIGHLIGHTS names of each list. That is
  // enough: the names chosen from the full lists are the same.
  it("chooses the same names from each list's first few as from the whole lists", () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 15 });
    fc.assert(
      fc.property(ids, ids, ids, ids, (overdue, young, finished, silent) => {
        const full = {
          overdue: overdue.map((id, k) => ({ ...person(id), count: 20 - k })),
          young: young.map(person),
          finished: finished.map((id, k) => ({ ...person(id), deficits: k % 3 === 2 ? [] : ["subject"] })),
          silent: silent.map(person),
        };
        const first = <T>(xs: T[]) => xs.slice(0, DIGEST_HIGHLIGHTS);
        const fromFull = buildDigest(
          data({ overdue: { ...list(full.overdue), items: 1 }, youngWithoutSupport: list(full.young), finished: list(full.finished), silent: list(full.silent) }),
          Number.MAX_SAFE_INTEGER,
        ).highlights.slice(0, DIGEST_HIGHLIGHTS);
        const fromFirst = buildDigest(
          data({
            overdue: { ...list(first(full.overdue), overdue.length), items: 1 },
            youngWithoutSupport: list(first(full.young), young.length),
            // Only those with deficits are ranked and returned by the database.
            finished: list(first(full.finished.filter((p) => p.deficits.length > 0)), finished.length),
            silent: list(first(full.silent), silent.length),
          }),
        ).highlights;
        expect(fromFirst).toEqual(fromFull);
      }),
      { numRuns: 500, seed: Number(process.env.FC_SEED ?? 20261123) },
    );
  });
});
