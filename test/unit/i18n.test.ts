// Messages queued for other people speak the recipient's chosen language, else Russian.
import { describe, expect, it } from "vitest";
import { createI18n, recipientTranslators, translator } from "../../src/bot/i18n.ts";
import type { LocaleId } from "../../src/repositories/locales.ts";

describe("translations for queued messages", () => {
  const i18n = createI18n();

  it("default to Russian", () => {
    expect(translator(i18n)("button-route")).toBe("Мой маршрут");
    expect(translator(i18n, null)("button-route")).toBe("Мой маршрут");
    expect(translator(i18n, "en")("button-route")).toBe("My route");
  });

  it("follow each recipient's chosen language, and Russian for those who chose none", async () => {
    const chosen = new Map<number, LocaleId>([[1, "en"], [2, "ru"]]);
    let asked: readonly number[] = [];
    const tr = await recipientTranslators(i18n, { of: async (ids) => ((asked = ids), new Map([...chosen].filter(([id]) => ids.includes(id)))) }, [1, 2, 3]);
    expect(asked).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((id) => tr.locale(id))).toEqual(["en", "ru", "ru"]);
    expect([1, 2, 3].map((id) => tr.t(id)("button-route"))).toEqual(["My route", "Мой маршрут", "Мой маршрут"]);
  });
});
