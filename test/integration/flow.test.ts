// Flow fixes of issue 12: /cancel wherever one is (item 11), /admin from the teacher's
// profile form for staff (item 16), the mentor search without a repeated step (item 18),
// «Стать наставником» under a result without deficits (item 22), the mentee told of a
// logged meeting and «Цели из маршрута» in the second person (item 23).
//
// One app per database; each test has its own Telegram ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { answerMany, buttons, consent, onboard, questionNumber, startDiagnostic } from "../support/journey.ts";
import { seedCompletedAttempt, seedMentorProfile, seedPerson, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();
const COORDINATOR = 870_001;

describe.each(targets)("flow fixes on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target, { ADMIN_TELEGRAM_IDS: String(COORDINATOR) });
  });
  afterAll(async () => {
    await h?.close();
  });

  const seed = (): SeedContext => ({ prisma: h.prisma, api: h.api, now: h.clock.now() });

  it("/cancel pauses the diagnostic keeping its answers, leaves a form, and says when nothing is open", async () => {
    const u = h.api.user(870_101);
    // Before consent: nothing is open, and the command is known.
    u.send("/cancel");
    expect((await u.nextMessage()).text).toBe("Сейчас нечего отменять: ни одна форма не открыта.");

    let q = await startDiagnostic(u, await onboard(u));
    q = await answerMany(u, q, 2, 1);
    expect(questionNumber(q)).toBe(3);
    u.send("/cancel");
    const paused = await u.nextMessage();
    expect(paused.text).toContain("Диагностика на паузе. Сохранено ответов: 2 из 25");
    expect(paused.text).not.toContain("Такой команды я не знаю");
    const attempt = await h.prisma.attempt.findFirstOrThrow({ where: { person: { telegramId: 870_101n } }, include: { answers: true } });
    expect(attempt).toMatchObject({ completedAt: null, cursor: 2 });
    expect(attempt.answers).toHaveLength(2);
    // It goes on where it stopped.
    await u.answerTo(u.click(paused, "Продолжить"));
    expect(questionNumber(await u.nextMessage())).toBe(3);

    // The profile form (opened again from the profile): left, and said so.
    u.send("/profile");
    await u.answerTo(u.click(await u.nextMessage(), "Изменить профиль"));
    expect((await u.nextMessage()).text).toContain("Как вас зовут");
    u.send("/cancel");
    expect((await u.nextMessage()).text).toContain("Заполнение профиля остановлено");
    // Nothing else open now but the diagnostic: it is paused again, never «unknown command».
    u.send("/cancel");
    expect((await u.nextMessage()).text).toContain("Диагностика на паузе");
  });

  it("/cancel leaves the meeting log and a methodist's broadcast, each saying what was left; then nothing is open", async () => {
    const s = seed();
    const mentor = await seedPerson(s, { telegramId: 870_111, fullName: "Наставникова Нина Петровна" });
    const mentee = await seedPerson(s, { telegramId: 870_112, fullName: "Подопечная Полина Игоревна" });
    await seedMentorProfile(s, mentor.id);
    await h.prisma.mentorPair.create({ data: { mentorId: mentor.id, menteeId: mentee.id, type: "COMPETENCY", needs: ["digital"], createdAt: h.clock.now() } });
    const u = mentor.user;
    u.send("/mentoring");
    await u.answerTo(u.click(await u.nextMessage(), "Встреча: Подопечная"));
    expect((await u.nextMessage()).text).toContain("О чём была встреча");
    u.send("/cancel");
    expect((await u.nextMessage()).text).toBe("Встреча не записана.");
    expect(await h.prisma.meeting.count({ where: { pair: { mentorId: mentor.id } } })).toBe(0);
    u.send("/cancel");
    expect((await u.nextMessage()).text).toBe("Сейчас нечего отменять: ни одна форма не открыта.");

    const methodist = await seedPerson(s, { telegramId: 870_113, fullName: "Рассылкина Роза Павловна" });
    await h.prisma.personRole.create({ data: { personId: methodist.id, role: "METHODIST", grantedAt: h.clock.now() } });
    const m = methodist.user;
    m.send("/teachers");
    const list = await m.nextMessage();
    const start = buttons(list).find((b) => b.callback_data === "bcs:mine");
    expect(start).toBeDefined();
    await m.answerTo(m.press(list, "bcs:mine"));
    await m.nextMessage(); // who gets it
    m.send("/cancel");
    expect((await m.nextMessage()).text).toBe("Рассылка отменена.");
    m.send("/cancel");
    expect((await m.nextMessage()).text).toBe("Сейчас нечего отменять: ни одна форма не открыта.");
  });

  it("/cancel with nothing open says so, with the way to the menu", async () => {
    const u = h.api.user(870_102);
    await onboard(u);
    u.send("/cancel");
    const nothing = await u.nextMessage();
    expect(nothing.text).toBe("Сейчас нечего отменять: ни одна форма не открыта.");
    expect(buttons(nothing).map((b) => b.text)).toEqual(["Меню"]);
  });

  it("/admin leaves the teacher's profile form for a coordinator who teaches, and for a methodist opens their panel", async () => {
    const s = seed();
    const coordinator = await seedPerson(s, { telegramId: COORDINATOR, fullName: "Учительница Ольга Ивановна" });
    await h.prisma.personRole.create({ data: { personId: coordinator.id, role: "COORDINATOR", grantedAt: h.clock.now() } });
    const u = coordinator.user;
    u.send("/profile");
    await u.answerTo(u.click(await u.nextMessage(), "Изменить профиль"));
    expect((await u.nextMessage()).text).toContain("Как вас зовут");
    u.send("/admin");
    expect((await u.nextMessage()).text).toBe("Изменение профиля остановлено, прежний профиль сохранён.");
    expect((await u.nextMessage()).text).toContain("Раздел координатора ЦНППМ");
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: coordinator.id } })).fullName).toBe("Учительница Ольга Ивановна");
    // The form is closed: a name typed now is not taken as a profile answer.
    u.send("Другая Анна");
    expect((await u.nextMessage()).text).not.toContain("должность");

    // A methodist who does not teach, half-way through the optional teacher's profile.
    const methodist = await seedPerson(s, { telegramId: 870_103, fullName: "Методистова Вера Павловна", profileCompleted: false });
    await h.prisma.personRole.create({ data: { personId: methodist.id, role: "METHODIST", grantedAt: h.clock.now() } });
    const m = methodist.user;
    m.send("/menu");
    const panel = await m.nextMessage();
    expect(panel.text).toContain("Раздел методиста");
    await m.answerTo(m.click(panel, "Профиль педагога (если вы ведёте уроки)"));
    expect((await m.nextMessage()).text).toContain("Как вас зовут");
    m.send("/admin");
    const reply = await m.nextMessage();
    expect(reply.text).not.toContain("Сначала закончим профиль");
    expect(reply.text).toContain("Раздел методиста");
  });

  it("a result without deficits offers «Стать наставником», which opens the mentor sign-up; a result with deficits does not", async () => {
    const s = seed();
    const confident = { subject: "CONFIDENT", methodological: "CONFIDENT", psychological: "CONFIDENT", communicative: "CONFIDENT", digital: "CONFIDENT" } as const;
    const strong = await seedPerson(s, { telegramId: 870_201, fullName: "Сильная Светлана Петровна", municipalityId: "ryazan" });
    await seedCompletedAttempt(s, strong.id, h.clock.now(), confident);
    const u = strong.user;
    u.send("/results");
    expect((await u.nextMessage()).photo).toBeDefined();
    const result = await u.nextMessage();
    expect(result.text).toContain("Ваш опыт может пригодиться коллегам");
    expect(buttons(result).map((b) => b.text)).toContain("Стать наставником");
    await u.answerTo(u.click(result, "Стать наставником"));
    const signUp = await u.nextMessage();
    expect(signUp.text).toContain("Станьте наставником для коллег");
    expect(signUp.text).toContain("по вашей диагностике отмечено заранее");
    // Strengths pre-filled from the confident groups; saving makes a mentor.
    expect(buttons(signUp).filter((b) => b.text.startsWith("✅ "))).toHaveLength(5);
    await u.answerTo(u.click(signUp, "Сохранить"));
    expect((await u.nextMessage()).text).toContain("Спасибо");
    expect(await h.prisma.mentorProfile.findUnique({ where: { personId: strong.id } })).toMatchObject({ status: "ACTIVE" });
    // A mentor already: the result offers it no more.
    await u.nextMessage(); // the mentoring home
    u.send("/results");
    await u.nextMessage();
    expect(buttons(await u.nextMessage()).map((b) => b.text)).not.toContain("Стать наставником");

    const learner = await seedPerson(s, { telegramId: 870_202, fullName: "Растущая Регина Павловна", municipalityId: "ryazan" });
    await seedCompletedAttempt(s, learner.id, h.clock.now(), { ...confident, digital: "DEFICIT" });
    await h.prisma.answer.create({ data: { attemptId: (await h.prisma.attempt.findFirstOrThrow({ where: { personId: learner.id } })).id, itemId: "digital-1", choice: 0, points: 0, maxPoints: 3, answeredAt: h.clock.now() } });
    learner.user.send("/results");
    await learner.user.nextMessage();
    const withDeficits = await learner.user.nextMessage();
    expect(withDeficits.text).not.toContain("Ваш опыт может пригодиться коллегам");
    expect(buttons(withDeficits).map((b) => b.text)).not.toContain("Стать наставником");

    // Without a diagnostic, neither the sign-up nor the needs screen claims marks from one.
    const fresh = await seedPerson(s, { telegramId: 870_203, fullName: "Новая Нина Олеговна", municipalityId: "ryazan" });
    fresh.user.send("/mentoring");
    const home = await fresh.user.nextMessage();
    await fresh.user.answerTo(fresh.user.click(home, "Стать наставником"));
    const blank = await fresh.user.nextEdit();
    expect(blank.text).toContain("Станьте наставником для коллег");
    expect(blank.text).not.toContain("диагностик");
    fresh.user.send("/mentoring");
    await fresh.user.answerTo(fresh.user.click(await fresh.user.nextMessage(), "Найти наставника"));
    const needs = await fresh.user.nextEdit();
    expect(needs.text).toBe("С чем нужна помощь? Отметьте одно или несколько направлений и нажмите «Подобрать наставника».");
  });
});
