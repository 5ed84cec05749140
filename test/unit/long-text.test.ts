// Long answers split for Telegram, and the deficit map's order.
import { describe, expect, it } from "vitest";
import { rankedDeficits, type MapCell } from "../../src/core/analysis.ts";
import { MESSAGE_LIMIT, splitText } from "../../src/bot/views/long-text.ts";

describe("splitText", () => {
  it("keeps a short text whole", () => {
    expect(splitText("Заголовок\n\nстрока")).toEqual(["Заголовок\n\nстрока"]);
  });

  it("cuts only at line breaks, each part within the limit, no line lost or changed", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${"Муниципалитет с длинным названием ".repeat(5)}— Предметные 100%`);
    const text = ["Карта дефицитов", "", ...lines].join("\n");
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(parts.join("\n").split("\n").filter(Boolean)).toEqual(text.split("\n").filter(Boolean));
  });

  it("cuts a line longer than the limit at a space, losing no word", () => {
    const words = Array.from({ length: 50 }, (_, i) => `слово${i}`);
    const parts = splitText(words.join(" "), 40);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(40);
    expect(parts.join(" ").split(" ")).toEqual(words);
  });

  it("cuts a line without spaces hard", () => {
    expect(splitText("a".repeat(25), 10)).toEqual(["a".repeat(10), "a".repeat(10), "a".repeat(5)]);
  });
});

describe("rankedDeficits", () => {
  const cell = (withDeficit: number, diagnosed = 3): MapCell => ({ diagnosed, withDeficit, share: withDeficit / diagnosed, change: null });
  const groups = ["subject", "methodological", "psychological", "communicative", "digital"];

  it("lists every group with a deficit, most frequent first, equal shares in the instrument's order", () => {
    // Inserted in another order than the instrument's: the order must not depend on it.
    const cells = { digital: cell(1), communicative: cell(1), subject: cell(3), psychological: cell(1), methodological: cell(2), team: cell(0) };
    expect(rankedDeficits(cells, groups).map(([g]) => g)).toEqual(["subject", "methodological", "psychological", "communicative", "digital"]);
  });

  it("leaves out groups nobody has as a deficit and municipalities without diagnostics", () => {
    expect(rankedDeficits({ subject: cell(0), digital: { diagnosed: 0, withDeficit: 0, share: null, change: null } }, groups)).toEqual([]);
  });
});
