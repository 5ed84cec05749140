// Where a number meets a noun, the noun agrees with it (Fluent plural selectors).
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.ts";

const i18n = createI18n();
const ru = (key: string, vars: Record<string, string | number>) => i18n.t("ru", key, vars);
const en = (key: string, vars: Record<string, string | number>) => i18n.t("en", key, vars);

describe("plural forms", () => {
  it("agree in Russian: one, few, many", () => {
    expect(ru("broadcast-queued", { count: 1 })).toContain("в очередь: 1 получатель.");
    expect(ru("broadcast-queued", { count: 2 })).toContain("в очередь: 2 получателя.");
    expect(ru("broadcast-queued", { count: 11 })).toContain("в очередь: 11 получателей.");
    expect(ru("reminder-diagnostic-1d", { n: 2 })).toContain("ответили на 2 вопроса.");
    expect(ru("reminder-diagnostic-1d", { n: 21 })).toContain("ответили на 21 вопрос.");
    expect(ru("reminder-repeat-months", { months: 1 })).toContain("прошёл 1 месяц.");
    expect(ru("reminder-repeat-months", { months: 6 })).toContain("прошло 6 месяцев.");
    expect(ru("diagnostic-intro", { total: 15, minutes: 6 })).toContain("15 вопросов, примерно 6 минут.");
    expect(ru("diagnostic-intro", { total: 22, minutes: 1 })).toContain("22 вопроса, примерно 1 минута.");
    expect(ru("admin-over-cap", { cap: 250 })).toBe("больше нормы в 250 педагогов на методиста");
    expect(ru("card-text-invalid", { min: 1, max: 1 })).toContain("до 1 символа.");
    expect(ru("experience-years", { n: 10 })).toBe("10 лет");
    expect(ru("experience-years", { n: 2 })).toBe("2 года");
    expect(ru("experience-years", { n: 21 })).toBe("21 год");
    expect(ru("experience-years", { n: 0 })).toBe("меньше года");
  });

  it("agree in English: one, other", () => {
    expect(en("broadcast-queued", { count: 1 })).toContain("1 recipient.");
    expect(en("broadcast-queued", { count: 2 })).toContain("2 recipients.");
    expect(en("reminder-diagnostic-1d", { n: 1 })).toContain("answered 1 question.");
    expect(en("experience-years", { n: 1 })).toBe("1 year");
    expect(en("mentoring-request-sent", { name: "A", days: 1 })).toContain("within 1 day.");
  });
});
