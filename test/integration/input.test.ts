// Bad input gets a short, helpful answer and loses nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { answer, answerMany, buttons, consent, onboard, questionNumber, startDiagnostic } from "../support/journey.ts";

const targets = await databaseTargets();

describe.each(targets)("bad input on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  const answers = async (telegramId: number) =>
    h.prisma.answer.findMany({ where: { attempt: { person: { telegramId: BigInt(telegramId) } } }, orderBy: { itemId: "asc" } });

  it("in the diagnostic: text, stickers, old and doubled buttons, a repeated /start, unknown commands", async () => {
    const u = h.api.user(2001);
    let q = await startDiagnostic(u, await onboard(u));
    const q1 = q;
    q = await answerMany(u, q, 2, 1);
    expect(questionNumber(q)).toBe(3);

    // Text where a button is expected: a hint and the same question again.
    u.send("я не знаю, что ответить");
    expect((await u.nextMessage()).text).toContain("нажмите кнопку под вопросом");
    const again = await u.nextMessage();
    expect(questionNumber(again)).toBe(3);

    // A sticker: the same.
    u.sendSticker();
    expect((await u.nextMessage()).text).toContain("нажмите кнопку под вопросом");
    expect(questionNumber(await u.nextMessage())).toBe(3);

    // Very long text.
    u.send("ы".repeat(4096));
    expect((await u.nextMessage()).text).toContain("нажмите кнопку под вопросом");
    expect(questionNumber(await u.nextMessage())).toBe(3);

    // A button on an old message: refused with a toast, the old answer kept.
    const before = await answers(2001);
    expect((await u.answerTo(u.press(q1, buttons(q1)[3]!.callback_data!))).text).toBe("На этот вопрос вы уже ответили");
    expect(await answers(2001)).toEqual(before);

    // The same button pressed twice: recorded once, the second press refused.
    const firstPress = answer(u, again, 0);
    const secondPress = answer(u, again, 3);
    expect((await u.answerTo(firstPress)).text).toBeUndefined();
    expect((await u.answerTo(secondPress)).text).toBe("На этот вопрос вы уже ответили");
    const recorded = await answers(2001);
    expect(recorded).toHaveLength(3);
    expect(recorded.find((a) => a.itemId === "subject-3")?.choice).toBe(0);
    await u.nextEdit();
    q = await u.nextMessage();
    expect(questionNumber(q)).toBe(4);

    // A repeated /start offers to continue where the person stopped.
    u.send("/start");
    const resume = await u.nextMessage();
    expect(resume.text).toContain("вопрос 4 из 25");
    await u.answerTo(u.click(resume, "Продолжить"));
    q = await u.nextMessage();
    expect(questionNumber(q)).toBe(4);

    // Unknown commands.
    u.send("/foo");
    expect((await u.nextMessage()).text).toContain("Такой команды я не знаю");
    expect(await answers(2001)).toHaveLength(3);
  });

  it("refuses tampered callback payloads and records nothing", async () => {
    const victim = h.api.user(2002);
    const vq = await startDiagnostic(victim, await onboard(victim));
    const victimAttempt = await h.prisma.attempt.findFirstOrThrow({ where: { person: { telegramId: 2002n } } });

    const u = h.api.user(2003);
    const q = await startDiagnostic(u, await onboard(u));
    const own = await h.prisma.attempt.findFirstOrThrow({ where: { person: { telegramId: 2003n } } });

    for (const data of [
      `a:${victimAttempt.id}:0:1`, // someone else's attempt
      `a:${own.id}:0:9`, // an answer that does not exist
      `a:${own.id}:5:1`, // a question not reached yet
      `a:${own.id}:0:-1`,
      "a:1:99999:1",
      "diag:drop-table",
      "p:mun:ryazan", // a profile button outside the profile form
      "x".repeat(64),
    ]) {
      expect((await u.answerTo(u.press(q, data))).text, data).toBe("Эта кнопка уже не действует");
    }
    expect(await h.prisma.answer.count({ where: { attemptId: { in: [victimAttempt.id, own.id] } } })).toBe(0);
    // Both can still answer normally.
    answer(u, q, 2);
    answer(victim, vq, 2);
    expect(questionNumber(await u.nextMessage())).toBe(2);
    expect(questionNumber(await victim.nextMessage())).toBe(2);
  });

  it("goes back to change the last answer, pauses, and continues from the menu", async () => {
    const u = h.api.user(2004);
    let q = await startDiagnostic(u, await onboard(u));
    q = await answerMany(u, q, 2, 0);
    await u.answerTo(u.click(q, "← Назад"));
    const back = await u.nextMessage();
    expect(questionNumber(back)).toBe(2);
    expect(back.text).toContain("Прежний ответ: Пока не умею");
    q = await answerMany(u, back, 1, 3);
    expect(questionNumber(q)).toBe(3);
    const recorded = await answers(2004);
    expect(recorded.map((a) => [a.itemId, a.choice])).toEqual([["subject-1", 0], ["subject-2", 3]]);

    await u.answerTo(u.click(q, "Пауза"));
    expect((await u.nextMessage()).text).toContain("Сохранено ответов: 2 из 25");
    u.send("/menu");
    const menu = await u.nextMessage();
    await u.answerTo(u.click(menu, "Продолжить диагностику (3 из 25)"));
    expect(questionNumber(await u.nextMessage())).toBe(3);
  });

  it("in the profile form: hints, /start, search misses, and a restart in the middle", async () => {
    const u = h.api.user(2005);
    await consent(u);
    u.send("12345");
    expect((await u.nextMessage()).text).toContain("Не получилось прочитать имя");
    expect((await u.nextMessage()).text).toContain("Как вас зовут");
    // A single word is a first name only: the surname is asked for, nothing is taken.
    u.send("Мария");
    expect((await u.nextMessage()).text).toBe("Это только имя. Напишите, пожалуйста, фамилию, имя и отчество, например: Иванова Мария Петровна.");
    expect((await u.nextMessage()).text).toContain("Как вас зовут");
    u.send("Петров Пётр");
    const position = await u.nextMessage();
    u.send("учитель");
    expect((await u.nextMessage()).text).toContain("выберите ответ кнопкой");
    const positionAgain = await u.nextMessage();
    expect(buttons(positionAgain).length).toBe(4);
    u.send("/start");
    expect((await u.nextMessage()).text).toContain("Сначала закончим профиль");
    await u.nextMessage();
    await u.answerTo(u.click(position, "Педагог"));
    await u.nextEdit();
    expect((await u.nextMessage()).text).toContain("муниципалитет");

    await h.restart();
    u.send("нетакогогорода");
    expect((await u.nextMessage()).text).toContain("Такого муниципалитета не нашлось");
    await u.nextMessage();
    u.send("Рязань");
    const found = await u.nextMessage();
    await u.answerTo(u.click(found, /Рязань/));
    await u.nextEdit();
    const organization = await u.nextMessage();
    // Not in the list: typed in and marked for review.
    await u.answerTo(u.click(organization, "Моей организации нет в списке"));
    await u.nextEdit();
    expect((await u.nextMessage()).text).toContain("полное название");
    u.send("МБОУ «Новая школа № 99»");
    const subjects = await u.nextMessage();
    expect((await u.answerTo(u.click(subjects, "Готово"))).text).toBe("Выберите хотя бы один вариант.");
    await u.answerTo(u.click(subjects, "Математика"));
    await u.nextEdit();
    await u.answerTo(u.click(subjects, "Готово"));
    await u.nextEdit();
    await u.nextMessage();
    u.send("сорок");
    expect((await u.nextMessage()).text).toContain("Напишите число от 0 до 60");
    await u.nextMessage();
    u.send("1");
    const age = await u.nextMessage();
    await u.answerTo(u.click(age, "25–29"));
    await u.nextEdit();
    const saved = await u.nextMessage();
    expect(saved.text).toContain("молодой педагог");
    const person = await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 2005n } });
    expect(person).toMatchObject({ fullName: "Петров Пётр", municipalityId: "ryazan", organizationId: null, organizationOther: "МБОУ «Новая школа № 99»", subjects: ["math"], experienceYears: 1 });
    // Years of experience with their noun; a greeting by the first name, not the surname.
    u.send("/profile");
    expect((await u.nextMessage()).text).toContain("Стаж: 1 год\n");
    u.send("/start");
    expect((await u.nextMessage()).text).toBe("С возвращением, Пётр!");
  });

  it("/cancel leaves the profile form without saving", async () => {
    const u = h.api.user(2006);
    await consent(u);
    u.send("/cancel");
    expect((await u.nextMessage()).text).toContain("ответы не сохранены");
    const person = await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 2006n } });
    expect(person.profileCompletedAt).toBeNull();
    // Free text where a menu is expected: the menu itself, not a screen with one «Меню» button.
    u.send("просто текст");
    const menu = await u.nextMessage();
    expect(menu.text).toBe("Здесь я понимаю кнопки и команды. Что сделаем?");
    expect(buttons(menu).map((b) => b.text)).toEqual(expect.arrayContaining(["Заполнить профиль", "Удалить мои данные"]));
    expect(buttons(menu).map((b) => b.text)).not.toEqual(["Меню"]);
  });
});
