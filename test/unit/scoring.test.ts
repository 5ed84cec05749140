import { describe, expect, it } from "vitest";
import { pointsFor, type Instrument } from "../../src/core/instrument.ts";
import { compareWithPrevious, levelFor, mainDeficits, scoreGroups, type AnswerPoints } from "../../src/core/scoring.ts";

const t = { deficitBelow: 50, confidentFrom: 75 };
const l = (ru: string) => ({ ru });

const instrument: Instrument = {
  id: "demo",
  version: "1",
  title: l("Демо"),
  audience: ["TEACHER"],
  scale: [l("0"), l("1"), l("2"), l("3")],
  groups: [
    { code: "a", title: l("A"), short: l("A"), deficit: l("a") },
    { code: "b", title: l("B"), short: l("B"), deficit: l("b") },
  ],
  items: [
    { id: "a1", group: "a", type: "scale", text: l("a1"), hint: l("a1") },
    { id: "a2", group: "a", type: "case", text: l("a2"), hint: l("a2"), options: [{ text: l("x"), score: 0 }, { text: l("y"), score: 2 }, { text: l("z"), score: 1 }] },
    { id: "b1", group: "b", type: "scale", text: l("b1"), hint: l("b1") },
    { id: "b2", group: "b", type: "scale", text: l("b2"), hint: l("b2") },
  ],
};

const item = (id: string) => instrument.items.find((i) => i.id === id)!;
const ans = (id: string, choice: number): AnswerPoints => ({ itemId: id, ...pointsFor(instrument, item(id), choice)! });

describe("levelFor", () => {
  it("puts the thresholds on the upper level", () => {
    expect(levelFor(0, t)).toBe("DEFICIT");
    expect(levelFor(49, t)).toBe("DEFICIT");
    expect(levelFor(50, t)).toBe("DEVELOP");
    expect(levelFor(74, t)).toBe("DEVELOP");
    expect(levelFor(75, t)).toBe("CONFIDENT");
    expect(levelFor(100, t)).toBe("CONFIDENT");
  });
  it("follows configured thresholds", () => {
    expect(levelFor(60, { deficitBelow: 40, confidentFrom: 60 })).toBe("CONFIDENT");
    expect(levelFor(39, { deficitBelow: 40, confidentFrom: 60 })).toBe("DEFICIT");
  });
});

describe("pointsFor", () => {
  it("scores a scale answer by its position and a case option by its points", () => {
    expect(pointsFor(instrument, item("a1"), 0)).toEqual({ points: 0, maxPoints: 3 });
    expect(pointsFor(instrument, item("a1"), 3)).toEqual({ points: 3, maxPoints: 3 });
    expect(pointsFor(instrument, item("a2"), 1)).toEqual({ points: 2, maxPoints: 2 });
    expect(pointsFor(instrument, item("a2"), 2)).toEqual({ points: 1, maxPoints: 2 });
  });
  it("refuses choices that do not exist", () => {
    expect(pointsFor(instrument, item("a1"), 4)).toBeUndefined();
    expect(pointsFor(instrument, item("a1"), -1)).toBeUndefined();
    expect(pointsFor(instrument, item("a2"), 3)).toBeUndefined();
    expect(pointsFor(instrument, item("a2"), 1.5)).toBeUndefined();
  });
});

describe("scoreGroups", () => {
  it("averages item shares per group into 0–100, each item counted equally", () => {
    // a: 1/3 and 2/2 → (33.3 + 100) / 2 = 66.7 → 67; b: 0 and 3/3 → 50
    const scores = scoreGroups(instrument, [ans("a1", 1), ans("a2", 1), ans("b1", 0), ans("b2", 3)], t);
    expect(scores).toEqual([
      { group: "a", score: 67, level: "DEVELOP" },
      { group: "b", score: 50, level: "DEVELOP" },
    ]);
  });
  it("gives 0 for the weakest answers and 100 for the best", () => {
    const worst = scoreGroups(instrument, [ans("a1", 0), ans("a2", 0), ans("b1", 0), ans("b2", 0)], t);
    const best = scoreGroups(instrument, [ans("a1", 3), ans("a2", 1), ans("b1", 3), ans("b2", 3)], t);
    expect(worst.map((s) => [s.score, s.level])).toEqual([[0, "DEFICIT"], [0, "DEFICIT"]]);
    expect(best.map((s) => [s.score, s.level])).toEqual([[100, "CONFIDENT"], [100, "CONFIDENT"]]);
  });
  it("leaves out a group with no answers and ignores answers to unknown items", () => {
    const scores = scoreGroups(instrument, [ans("b1", 3), { itemId: "zz", points: 0, maxPoints: 3 }], t);
    expect(scores).toEqual([{ group: "b", score: 100, level: "CONFIDENT" }]);
  });
});

describe("mainDeficits", () => {
  it("names the weakest items of deficit groups, weakest first", () => {
    const answers = [ans("a1", 0), ans("a2", 2), ans("b1", 0), ans("b2", 1)];
    const scores = scoreGroups(instrument, answers, t); // a: 25 deficit, b: 17 deficit
    expect(mainDeficits(instrument, answers, scores).map((d) => d.itemId)).toEqual(["a1", "b1", "b2"]);
    expect(mainDeficits(instrument, answers, scores, 2)).toHaveLength(2);
  });
  it("falls back to groups to develop when there is no deficit, and skips items at half or more", () => {
    const answers = [ans("a1", 1), ans("a2", 1), ans("b1", 3), ans("b2", 3)];
    const scores = scoreGroups(instrument, answers, t); // a: 67 develop, b: 100
    expect(mainDeficits(instrument, answers, scores).map((d) => d.itemId)).toEqual(["a1"]);
  });
  it("finds nothing in a confident profile", () => {
    const answers = [ans("a1", 3), ans("a2", 1), ans("b1", 3), ans("b2", 3)];
    expect(mainDeficits(instrument, answers, scoreGroups(instrument, answers, t))).toEqual([]);
  });
});

describe("compareWithPrevious", () => {
  it("gives the change per group against the previous attempt", () => {
    const now = [
      { group: "a", score: 60, level: "DEVELOP" as const },
      { group: "b", score: 40, level: "DEFICIT" as const },
    ];
    expect(compareWithPrevious(now, [{ group: "a", score: 45, level: "DEFICIT" }])).toEqual([
      { group: "a", score: 60, level: "DEVELOP", previous: 45, delta: 15 },
      { group: "b", score: 40, level: "DEFICIT" },
    ]);
    expect(compareWithPrevious(now).every((c) => c.delta === undefined)).toBe(true);
  });
});
