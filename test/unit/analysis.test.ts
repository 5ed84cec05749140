import { describe, expect, it } from "vitest";
import { deficitMap, programmeGap, recommendations, type DiagnosedPerson } from "../../src/core/analysis.ts";

const p = (id: number, municipalityId: string | null, organizationId: string | null, deficits: string[]): DiagnosedPerson => ({ personId: id, municipalityId, organizationId, deficits });

const current = [
  p(1, "m1", "o1", ["subject", "digital"]),
  p(2, "m1", "o1", ["digital"]),
  p(3, "m1", "o2", []),
  p(4, "m1", "o2", ["digital", "methodological"]),
  p(5, "m2", "o3", ["subject"]),
  p(6, null, null, ["digital"]), // outside the directory
];
const previous = [p(1, "m1", "o1", ["digital"]), p(2, "m1", "o1", ["digital", "subject"])];
const groups = ["subject", "methodological", "digital"];

describe("deficit map", () => {
  const map = deficitMap(current, previous, ["m1", "m2", "m3"], groups);

  it("gives the share of the diagnosed with each deficit, by municipality, and its change", () => {
    expect(map.m1!.digital).toEqual({ diagnosed: 4, withDeficit: 3, share: 0.75, change: 0.75 - 1 });
    expect(map.m1!.subject).toEqual({ diagnosed: 4, withDeficit: 1, share: 0.25, change: 0.25 - 0.5 });
    expect(map.m2!.subject).toMatchObject({ diagnosed: 1, withDeficit: 1, share: 1, change: null });
  });

  it("leaves a municipality without diagnostics empty, not zero", () => {
    expect(map.m3!.digital).toEqual({ diagnosed: 0, withDeficit: 0, share: null, change: null });
  });
});

describe("programme gap", () => {
  it("ranks competencies by deficits per catalogue item, with no item at all first", () => {
    const rows = programmeGap(
      current,
      [
        { competencies: ["digital"], kind: "programme" },
        { competencies: ["digital", "subject"], kind: "activity" },
      ],
      { methodological: 2 },
      groups,
    );
    expect(rows.map((r) => r.competency)).toEqual(["methodological", "digital", "subject"]);
    expect(rows[0]).toEqual({ competency: "methodological", deficits: 1, programmes: 0, activities: 0, unserved: 2, pressure: Infinity });
    expect(rows[1]).toMatchObject({ competency: "digital", deficits: 4, programmes: 1, activities: 1, pressure: 2 });
    expect(rows[2]).toMatchObject({ competency: "subject", deficits: 2, pressure: 2 });
  });

  it("leaves out competencies nobody lacks", () => {
    expect(programmeGap([p(1, "m1", "o1", [])], [], {}, groups)).toEqual([]);
  });
});

describe("address recommendations", () => {
  const items: Record<string, string[]> = { digital: ["P1", "P2", "P3"], subject: ["P4"], methodological: [] };
  const recs = recommendations(current, [{ id: "m1", level: "municipality" }, { id: "o2", level: "organization" }, { id: "o9", level: "organization" }], (c) => items[c] ?? []);

  it("names up to three most frequent deficits of each unit with up to two catalogue items each", () => {
    expect(recs[0]).toEqual({
      unit: "m1",
      level: "municipality",
      diagnosed: 4,
      focus: [
        { competency: "digital", share: 0.75, items: ["P1", "P2"] },
        { competency: "methodological", share: 0.25, items: [] },
        { competency: "subject", share: 0.25, items: ["P4"] },
      ],
    });
    expect(recs[1]).toMatchObject({ unit: "o2", diagnosed: 2, focus: [{ competency: "digital", share: 0.5 }, { competency: "methodological", share: 0.5 }] });
  });

  it("skips units where nobody has been diagnosed", () => {
    expect(recs.map((r) => r.unit)).toEqual(["m1", "o2"]);
  });
});
