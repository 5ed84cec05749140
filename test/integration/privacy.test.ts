// Consent and its withdrawal: nothing stored before consent, everything removed by /forget.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { answerMany, consent, onboard, startDiagnostic } from "../support/journey.ts";

const targets = await databaseTargets();

describe.each(targets)("consent and /forget on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  const stored = async (telegramId: number) => {
    const where = { person: { telegramId: BigInt(telegramId) } };
    return {
      people: await h.prisma.person.count({ where: { telegramId: BigInt(telegramId) } }),
      attempts: await h.prisma.attempt.count({ where }),
      answers: await h.prisma.answer.count({ where: { attempt: where } }),
      results: await h.prisma.groupResult.count({ where: { attempt: where } }),
      routes: await h.prisma.route.count({ where }),
      sessions: await h.prisma.session.count({ where: { key: `conv:${telegramId}` } }),
    };
  };
  const nothing = { people: 0, attempts: 0, answers: 0, results: 0, routes: 0, sessions: 0 };

  it("stores nothing when consent is declined", async () => {
    const u = h.api.user(3001);
    u.send("/start");
    await u.nextMessage();
    const consentMessage = await u.nextMessage();
    await u.answerTo(u.click(consentMessage, "Не даю согласия"));
    expect((await u.nextMessage()).text).toContain("ничего не сохраняю");
    u.send("Иванов Иван");
    expect((await u.nextMessage()).text).toContain("/start");
    u.send("/forget");
    expect((await u.nextMessage()).text).toBe("У меня нет ваших данных.");
    expect(await stored(3001)).toEqual(nothing);
  });

  it("/forget removes the profile, attempts, answers and results after confirmation, and no one else's", async () => {
    const other = h.api.user(3002);
    await answerMany(other, await startDiagnostic(other, await onboard(other)), 3, 1);

    const u = h.api.user(3003);
    const last = await answerMany(u, await startDiagnostic(u, await onboard(u)), 25, 0);
    expect(last.photo).toBeDefined();
    const result = await u.nextMessage();
    await u.answerTo(u.click(result, "Построить маршрут"));
    await u.nextMessage();
    // A second, unfinished attempt as well.
    u.send("/diagnostic");
    const offer = await u.nextMessage();
    await u.answerTo(u.click(offer, "Пройти диагностику"));
    await u.nextMessage();
    await answerMany(u, await u.nextMessage(), 2, 2);
    expect(await stored(3003)).toMatchObject({ people: 1, attempts: 2, answers: 27, results: 5, routes: 1 });

    u.send("/forget");
    const confirm = await u.nextMessage();
    expect(confirm.text).toContain("Отменить это будет нельзя");
    // The confirmation says everything it deletes.
    for (const deleted of ["профиль", "ответы и результаты диагностики", "маршруты", "номерами удостоверений", "рекомендации и комментарии методиста", "наставничество", "встречи", "оценки и отзывы"]) {
      expect(confirm.text).toContain(deleted);
    }
    await u.answerTo(u.click(confirm, "Нет, оставить"));
    expect((await u.nextMessage()).text).toBe("Хорошо, ничего не удаляю.");
    expect((await stored(3003)).people).toBe(1);

    u.send("/menu");
    const menu = await u.nextMessage();
    await u.answerTo(u.click(menu, "Удалить мои данные"));
    const again = await u.nextMessage();
    await u.answerTo(u.click(again, "Да, удалить всё"));
    expect((await u.nextMessage()).text).toContain("все ваши данные удалены");
    expect(await stored(3003)).toEqual(nothing);
    expect(await stored(3002)).toMatchObject({ people: 1, attempts: 1, answers: 3 });

    // Afterwards the bot treats the person as new.
    u.send("/start");
    expect((await u.nextMessage()).text).toContain("Здравствуйте");
  });

  it("/privacy lists everything stored and who sees it, and does not ask for consent already given", async () => {
    const stranger = h.api.user(3005);
    stranger.send("/privacy");
    const before = (await stranger.nextMessage()).text!;
    expect(before.startsWith("Согласие на обработку персональных данных")).toBe(true);
    expect(before).toContain("Пока вы не согласитесь, я ничего о вас не сохраняю.");

    const u = h.api.user(3006);
    await onboard(u);
    u.send("/privacy");
    const text = (await u.nextMessage()).text!;
    expect(text).not.toContain("Пока вы не согласитесь");
    expect(text).toContain("Вы уже дали согласие");
    expect(text).not.toContain("номер пользователя");
    for (const stored of ["идентификатор пользователя Telegram", "@username", "образовательный маршрут", "номера удостоверений", "рекомендации методиста", "наставничество", "встречи с заметками", "оценки и отзывы"]) {
      expect(text).toContain(stored);
    }
    // Mentors are among those who see data: what, and from when.
    expect(text).toMatch(/• наставник, которому ушёл ваш запрос, — .*когда пара составлена — ещё ваш контакт в Telegram/);
  });

  it("/forget in the middle of the profile form closes the form and deletes its state", async () => {
    const u = h.api.user(3004);
    await consent(u);
    u.send("Сидорова Анна");
    await u.nextMessage();
    expect(await stored(3004)).toMatchObject({ people: 1, sessions: 1 });
    u.send("/forget");
    const confirm = await u.nextMessage();
    await u.answerTo(u.click(confirm, "Да, удалить всё"));
    expect((await u.nextMessage()).text).toContain("все ваши данные удалены");
    expect(await stored(3004)).toEqual(nothing);
    u.send("Учитель");
    expect((await u.nextMessage()).text).toContain("/start");
  });
});
