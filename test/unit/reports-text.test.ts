// The coordinator's report texts write shares for the reader's language: a decimal
// comma in Russian, and a share that is not zero never as «0 %».
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.ts";
import { deficitMapText, recommendationsText } from "../../src/bot/views/reports.ts";

const i18n = createI18n();
const t = (locale: string) => (key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
const nbsp = (s: string) => s.replace(/\u00a0/g, " ");
const group = (code: string) => ({ subject: "Предметные", digital: "Цифровые" })[code] ?? code;

describe("report texts", () => {
  it("write shares with a decimal comma in Russian and a point in English", () => {
    const recs = [{ unit: "kasimov", level: "municipality" as const, diagnosed: 3, focus: [{ competency: "subject", share: 2 / 3, items: [] }] }];
    expect(nbsp(recommendationsText(t("ru"), recs, { kasimov: "Касимов" }, group, "2026"))).toContain("• Предметные — 66,7 % — ");
    expect(recommendationsText(t("en"), recs, { kasimov: "Kasimov" }, group, "2026")).toContain("• Предметные — 66.7% — ");
  });

  it("never show a share that is not zero as 0 %, and sign the change in percentage points", () => {
    const cell = (withDeficit: number, diagnosed: number, change: number | null) => ({ withDeficit, diagnosed, share: withDeficit / diagnosed, change });
    const map = { big: { subject: cell(1, 2_500, null), digital: cell(1, 1_000, -0.004) } };
    const text = nbsp(deficitMapText(t("ru"), map as never, { big: "Большой" }, group, "2026"));
    expect(text).toContain("Предметные <0,1 %");
    expect(text).toContain("Цифровые 0,1 % (−0,4)");
    expect(text).not.toMatch(/ 0 %/);
  });
});
