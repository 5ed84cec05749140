import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { answer, answerMany, buttons, consent, fillProfile, onboard, questionNumber, startDiagnostic } from "../support/journey.ts";

const targets = await databaseTargets();

describe.each(targets)("teacher's journey on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("goes from /start to the chart, and a restart mid-diagnostic keeps every answer", async () => {
    const u = h.api.user(1001);
    u.send("/start");
    await u.nextMessage();
    const consentMessage = await u.nextMessage();
    // Nothing personal is stored before consent.
    expect(await h.prisma.person.count()).toBe(0);
    u.click(consentMessage, "Даю согласие");
    await u.nextEdit();
    await u.nextMessage();
    await u.nextMessage();
    const saved = await fillProfile(u);

    const person = await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 1001n } });
    expect(person).toMatchObject({ fullName: "Иванова Мария Петровна", position: "TEACHER", municipalityId: "shilovsky", experienceYears: 12, ageGroup: "FROM_45_TO_54" });
    expect(person.subjects.sort()).toEqual(["math", "physics"]);
    expect(person.organizationId).toMatch(/^shilovsky-/);

    u.click(saved, "Пройти диагностику");
    expect((await u.nextMessage()).text).toContain("25 вопросов");
    let q = await u.nextMessage();
    expect(q.text).toContain("Вопрос 1 из 25");
    // Ten answers, the weakest on the subject items.
    for (let n = 1; n <= 10; n++) {
      expect(questionNumber(q)).toBe(n);
      answer(u, q, n <= 5 ? "worst" : "best");
      q = await u.nextMessage();
    }
    expect(questionNumber(q)).toBe(11);

    await h.restart();
    u.send("/start");
    const resume = await u.nextMessage();
    expect(resume.text).toContain("вопрос 11 из 25");
    u.click(resume, "Продолжить");
    q = await u.nextMessage();
    expect(questionNumber(q)).toBe(11);
    const attempt = await h.prisma.attempt.findFirstOrThrow({ where: { personId: person.id }, include: { answers: true } });
    expect(attempt.answers).toHaveLength(10);

    for (let n = 11; n <= 25; n++) {
      answer(u, q, 2);
      q = await u.nextMessage();
      if (n < 25) expect(questionNumber(q)).toBe(n + 1);
    }
    // The chart comes first, as a PNG photo.
    expect(q.photo).toBeDefined();
    expect(Buffer.from(q.file!.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    const result = await u.nextMessage();
    expect(result.text).toContain("Диагностика завершена");
    expect(result.text).toMatch(/🔴 Предметные: \d+ · дефицит/);
    expect(result.text).toContain("Над чем поработать в первую очередь");

    const results = await h.prisma.groupResult.findMany({ where: { attemptId: attempt.id } });
    expect(results).toHaveLength(5);
    expect(results.find((r) => r.groupCode === "subject")).toMatchObject({ level: "DEFICIT" });
    expect(await h.prisma.answer.count({ where: { attemptId: attempt.id } })).toBe(25);
    expect(buttons(result).map((b) => b.text)).toContain("Меню");
  });

  it("a retake shows the change per group against the previous attempt", async () => {
    const u = h.api.user(1002);
    let last = await answerMany(u, await startDiagnostic(u, await onboard(u)), 25, 1);
    expect(last.photo).toBeDefined();
    const first = await u.nextMessage();
    expect(first.text).not.toContain("изменение с прошлого раза");

    h.clock.advance(90 * 24 * 3600 * 1000);
    u.send("/menu");
    const menu = await u.nextMessage();
    await u.answerTo(u.click(menu, "Пройти диагностику ещё раз"));
    await u.nextMessage();
    last = await answerMany(u, await u.nextMessage(), 25, "best");
    expect(last.caption).toBe("Ваш профиль компетенций");
    const second = await u.nextMessage();
    expect(second.text).toContain("изменение с прошлого раза");
    expect(second.text).toMatch(/🟢 Предметные: 100 \(\+\d+\)/);
    expect(second.text).toContain("Явных дефицитов нет");

    // «Мои результаты» shows the latest attempt with the same comparison.
    u.send("/results");
    expect((await u.nextMessage()).photo).toBeDefined();
    const shown = (await u.nextMessage()).text!;
    expect(shown).toContain("изменение с прошлого раза");
    // Thanks for completing it only right after completing: /results names the attempt's date instead.
    expect(shown).not.toContain("Диагностика завершена");
    expect(shown.startsWith("Ваш последний результат — диагностика от ")).toBe(true);
    const attempts = await h.prisma.attempt.findMany({ where: { person: { telegramId: 1002n } }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => a.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(attempts[1]!.completedAt!.getTime() - attempts[0]!.completedAt!.getTime()).toBe(90 * 24 * 3600 * 1000);
  });

  it("managers get the managers' instrument", async () => {
    const u = h.api.user(1003);
    const saved = await onboard(u, { name: "Кузнецов Олег Ильич", position: "Руководитель организации", subjects: ["История/обществознание"] });
    const q = await startDiagnostic(u, saved);
    expect(q.text).toContain("Вопрос 1 из 15");
    const last = await answerMany(u, q, 15, "worst");
    expect(last.photo).toBeDefined();
    const result = await u.nextMessage();
    expect(result.text).toMatch(/🔴 Управление[^:]*: 0 · дефицит/);
  });

  it("speaks English to a person whose Telegram is in English", async () => {
    const u = h.api.user(1004, { languageCode: "en" });
    u.send("/start");
    expect((await u.nextMessage()).text).toMatch(/^Hello/);
    const consentMessage = await u.nextMessage();
    expect(consentMessage.text).toContain("152-FZ");
    expect(buttons(consentMessage).every((b) => !/[а-я]/i.test(b.text))).toBe(true);
  });
});
