// Mentoring: a young teacher's request to an accepted pair with contacts and a
// meeting; a request that times out moves on; two mentees and one last place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import type { FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { buttons, onboard } from "../support/journey.ts";
import { seedActiveRoute, seedCompletedAttempt, seedMethodist, seedPerson, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();
const DAY = 86_400_000;

describe.each(targets)("mentoring on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  const seed = (): SeedContext => ({ prisma: h.prisma, api: h.api, now: h.clock.now() });

  async function mentor(telegramId: number, name: string, o: { municipalityId: string; strengths: string[]; capacity: number; subjects?: string[]; username?: string }) {
    // The chat's Telegram username: the bot refreshes it from each update it gets.
    h.api.user(telegramId, o.username ? { username: o.username } : {});
    const p = await seedPerson(seed(), { telegramId, fullName: name, municipalityId: o.municipalityId, ageGroup: "FROM_45_TO_54", experienceYears: 20 });
    await h.prisma.person.update({ where: { id: p.id }, data: { subjects: o.subjects ?? ["math"], username: o.username ?? null } });
    const now = h.clock.now();
    await h.prisma.mentorProfile.create({ data: { personId: p.id, subjects: o.subjects ?? ["math"], strengths: o.strengths, capacity: o.capacity, createdAt: now, updatedAt: now } });
    return p;
  }

  it("takes a young teacher from the request to an accepted pair with contacts and a logged meeting", async () => {
    const near = await mentor(6101, "Опытная Ольга Ивановна", { municipalityId: "shilovsky", strengths: ["methodological", "psychological"], capacity: 2, username: "olga_mentor" });
    await mentor(6102, "Далёкий Дмитрий", { municipalityId: "kasimov", strengths: ["digital"], capacity: 2, subjects: ["history_social"] });

    const u = h.api.user(6001, { username: "young_teacher" });
    const saved = await onboard(u, { name: "Молодая Мария", age: "25–29", experience: "1" });
    expect(saved.text).toContain("молодой педагог");
    // One press from the profile to what they need help with; no diagnostic yet, so nothing is said to come from it.
    await u.answerTo(u.click(saved, "Найти наставника"));
    let needs = await u.nextMessage();
    expect(needs.text).toBe("С чем нужна помощь? Отметьте одно или несколько направлений и нажмите «Подобрать наставника».");
    await u.answerTo(u.click(needs, /Методические/));
    needs = await u.nextEdit();
    await u.answerTo(u.click(needs, "Подобрать наставника"));
    await u.nextEdit();
    const candidates = await u.nextMessage();
    // The nearest mentor with the matching strength comes first; no contact data before acceptance.
    expect(candidates.text).toMatch(/1\. Опытная Ольга Ивановна — .*Шиловский/);
    expect(candidates.text).not.toContain("@olga_mentor");
    expect(candidates.text).not.toContain("tg://");
    await u.answerTo(u.click(candidates, "Запрос: Опытная О. И."));
    await u.nextEdit();
    expect((await u.nextMessage()).text).toContain("Запрос отправлен. Наставник: Опытная Ольга Ивановна.");

    const ask = await near.user.nextMessage();
    expect(ask.text).toContain("Запрос на наставничество.\nКоллега: Молодая Мария");
    expect(ask.text).toContain("Методические компетенции");
    await near.user.answerTo(near.user.click(ask, "Принять"));
    await h.app.scheduler.deliverSoon();
    // The mentor's chat got the request a moment ago: their message follows a second later.
    h.clock.advance(2_000);
    await h.app.scheduler.deliverSoon();
    const toMentee = await u.nextMessage();
    expect(toMentee.text).toContain("Ваш запрос принят. Наставник: Опытная Ольга Ивановна");
    expect(toMentee.text).toContain("@olga_mentor");
    const toMentor = await near.user.nextMessage();
    expect(toMentor.text).toContain("Теперь вы наставник. Наставляемый: Молодая Мария");
    expect(toMentor.text).toContain("@young_teacher");

    const pair = await h.prisma.mentorPair.findFirstOrThrow({ where: { mentorId: near.id } });
    expect(pair).toMatchObject({ status: "ACTIVE", type: "YOUNG_SPECIALIST", needs: ["methodological"] });
    expect((await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: near.id } })).taken).toBe(1);

    // The mentee logs a meeting.
    u.send("/mentoring");
    const mine = await u.nextMessage();
    expect(mine.text).toContain("Ваш наставник: Опытная Ольга Ивановна");
    await u.answerTo(u.click(mine, "Записать встречу"));
    expect((await u.nextMessage()).text).toContain("О чём была встреча");
    u.send("Разбор урока в 6 классе");
    expect((await u.nextMessage()).text).toContain("Заметка о встрече");
    u.send("Попробовать работу в группах");
    expect((await u.nextMessage()).text).toContain("Встреча записана");
    expect(await h.prisma.meeting.findMany({ where: { pairId: pair.id }, select: { topic: true, note: true } })).toEqual([{ topic: "Разбор урока в 6 классе", note: "Попробовать работу в группах" }]);

    // Goals from a route the mentee does not have yet: told about their own route, in the second person.
    u.send("/mentoring");
    await u.answerTo(u.click(await u.nextMessage(), "Цели из маршрута"));
    const noRoute = await u.nextMessage();
    expect(noRoute.text).toBe("У вас пока нет подтверждённого маршрута. Когда вы его подтвердите, пункты маршрута можно будет сделать целями пары.");
    expect(buttons(noRoute).map((b) => b.text)).toEqual(["Мой маршрут", "Наставничество"]);

    // The mentor logs a meeting: the mentee is told (through the outbox).
    near.user.send("/mentoring");
    await near.user.answerTo(near.user.click(await near.user.nextMessage(), "Встреча: Молодая"));
    expect((await near.user.nextMessage()).text).toContain("О чём была встреча");
    near.user.send("План открытого урока");
    const askNote = await near.user.nextMessage();
    expect(askNote.text).toContain("Заметка о встрече");
    await near.user.answerTo(near.user.click(askNote, "Пропустить"));
    expect((await near.user.nextMessage()).text).toContain("Встреча записана");
    h.clock.advance(2_000);
    await h.app.scheduler.deliverSoon();
    const told = await u.nextMessage();
    expect(told.text).toBe("Записана встреча в паре. Наставник: Опытная Ольга Ивановна.\nТема: План открытого урока");
    expect(buttons(told).map((b) => b.text)).toEqual(["Наставничество"]);
  });

  it("moves an unanswered request on to the next candidate after the configured days, telling the mentee", async () => {
    const first = await mentor(6201, "Молчалива Мира", { municipalityId: "sasovo", strengths: ["digital"], capacity: 1, subjects: ["physics"] });
    const second = await mentor(6202, "Отзывчивый Олег", { municipalityId: "sasovo", strengths: ["digital"], capacity: 1, subjects: ["chemistry"] });
    const mentee = await seedPerson(seed(), { telegramId: 6203, fullName: "Ждущая Жанна", municipalityId: "sasovo", ageGroup: "FROM_35_TO_44", experienceYears: 10 });
    await h.prisma.person.update({ where: { id: mentee.id }, data: { subjects: ["physics"] } });
    const person = (await h.app.deps.people.byId(mentee.id))!;
    const request = await h.app.deps.mentoring.createRequest(mentee.id, ["digital"], h.clock.now());
    const [best] = await h.app.deps.mentoringService.candidates(person, request.id);
    expect(best?.personId).toBe(first.id); // same subject
    expect(await h.app.deps.mentoringService.choose(person, request.id, first.id)).toEqual({ outcome: "asked" });

    h.clock.advance(2 * DAY);
    await h.app.scheduler.tick();
    expect((await h.prisma.mentoringRequest.findUniqueOrThrow({ where: { id: request.id } })).askedId).toBe(first.id);

    h.clock.advance(DAY + 60_000);
    await h.app.scheduler.tick();
    const moved = await h.prisma.mentoringRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(moved).toMatchObject({ status: "ASKED", askedId: second.id, passedIds: [first.id] });
    expect((await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: first.id } })).taken).toBe(0);
    const told = await mentee.user.nextMessage();
    expect(told.text).toContain("Срок ответа наставника истёк.");
    expect(told.text).toContain("Отзывчивый Олег");
    expect((await second.user.nextMessage()).text).toContain("Коллега: Ждущая Жанна");

    // The first mentor's answer comes too late: it changes nothing.
    expect((await h.app.deps.mentoringService.answer((await h.app.deps.people.byId(first.id))!, request.id, true)).result).toBe("stale");
  });

  it("gives a mentor's last place to exactly one of two mentees asking at the same moment; the other is asked onward", async () => {
    const last = await mentor(6301, "Последнее Место", { municipalityId: "skopin", strengths: ["communicative"], capacity: 1 });
    const other = await mentor(6302, "Запасной Захар", { municipalityId: "skopin", strengths: ["communicative"], capacity: 3, subjects: ["physics"] });
    const people = [];
    for (const id of [6303, 6304]) {
      const p = await seedPerson(seed(), { telegramId: id, fullName: `Наставляемый ${id}`, municipalityId: "skopin", ageGroup: "FROM_35_TO_44", experienceYears: 8 });
      await h.prisma.person.update({ where: { id: p.id }, data: { subjects: ["math"] } });
      const person = (await h.app.deps.people.byId(p.id))!;
      people.push({ person, request: await h.app.deps.mentoring.createRequest(p.id, ["communicative"], h.clock.now()) });
    }
    const outcomes = await Promise.all(people.map(({ person, request }) => h.app.deps.mentoringService.choose(person, request.id, last.id)));
    expect(outcomes.filter((o) => o.outcome === "asked")).toHaveLength(1);
    const movedOn = outcomes.find((o) => o.outcome === "moved");
    expect(movedOn).toEqual({ outcome: "moved", next: { step: "asked", mentorId: other.id } });
    expect((await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: last.id } })).taken).toBe(1);
    const requests = await h.prisma.mentoringRequest.findMany({ where: { id: { in: people.map((p) => p.request.id) } }, select: { askedId: true } });
    expect(requests.map((r) => r.askedId).sort()).toEqual([last.id, other.id].sort());

    // Many asking at once still take one place.
    const crowd = await mentor(6310, "Одно Место", { municipalityId: "skopin", strengths: ["team"], capacity: 1 });
    const askers = [];
    for (let i = 0; i < 6; i++) {
      const p = await seedPerson(seed(), { telegramId: 6320 + i, fullName: `Толпа ${i}`, municipalityId: "skopin", ageGroup: "FROM_35_TO_44", experienceYears: 8 });
      askers.push(await h.app.deps.mentoring.createRequest(p.id, ["team"], h.clock.now()));
    }
    const results = await Promise.all(askers.map((r) => h.app.deps.mentoring.ask(r.id, crowd.id, h.clock.now())));
    expect(results.filter((r) => r === "asked")).toHaveLength(1);
    expect(results.filter((r) => r === "full")).toHaveLength(5);
    expect((await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: crowd.id } })).taken).toBe(1);

    // The mentee holding the place withdraws consent: the place comes back.
    const holder = await h.prisma.mentoringRequest.findFirstOrThrow({ where: { askedId: crowd.id, status: "ASKED" }, select: { mentee: { select: { telegramId: true } } } });
    const u = h.api.user(Number(holder.mentee.telegramId));
    u.send("/forget");
    const confirm = await u.nextMessage();
    await u.answerTo(u.click(confirm, "Да, удалить всё"));
    expect((await u.nextMessage()).text).toContain("все ваши данные удалены");
    expect((await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: crowd.id } })).taken).toBe(0);
  });

  it("tells the other side of a pair when a mentor or a mentee deletes their data, frees the place, and moves a waiting request on", async () => {
    const forget = async (user: FakeUser) => {
      user.send("/forget");
      await user.answerTo(user.click(await user.nextMessage(), "Да, удалить всё"));
      expect((await user.nextMessage()).text).toContain("все ваши данные удалены");
    };
    const newsFor = async (user: FakeUser) => {
      await h.app.scheduler.deliverSoon();
      return user.nextMessage();
    };
    // A mentee leaves: the mentor hears of it, without the name, and has the place back.
    const m = await mentor(6901, "Остающаяся Ольга", { municipalityId: "pronsky", strengths: ["subject"], capacity: 1 });
    const leaving = await seedPerson(seed(), { telegramId: 6902, fullName: "Уходящая Ульяна", municipalityId: "pronsky", ageGroup: "UNDER_25", experienceYears: 0 });
    expect(typeof (await h.app.deps.mentoring.pairByHand(m.id, leaving.id, "YOUNG_SPECIALIST", ["subject"], null, h.clock.now()))).toBe("number");
    await forget(leaving.user);
    const toMentor = await newsFor(m.user);
    expect(toMentor.text).toBe("Данные вашего наставляемого удалены из бота, поэтому пара завершена. Место снова свободно.");
    expect((await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: m.id } })).taken).toBe(0);

    // A mentor leaves: the mentee hears of it and is pointed to a new mentor.
    const gone = await mentor(6903, "Уходящий Устин", { municipalityId: "pronsky", strengths: ["subject"], capacity: 2 });
    const staying = await seedPerson(seed(), { telegramId: 6904, fullName: "Остающаяся Ося", municipalityId: "pronsky", ageGroup: "UNDER_25", experienceYears: 0 });
    await h.app.deps.mentoring.pairByHand(gone.id, staying.id, "YOUNG_SPECIALIST", ["subject"], null, h.clock.now());
    await forget(gone.user);
    const toMentee = await newsFor(staying.user);
    expect(toMentee.text).toContain("Данные вашего наставника удалены из бота");
    expect(toMentee.text).not.toContain("Устин");
    expect(buttons(toMentee).map((b) => b.callback_data)).toEqual(["mn:home"]);
    expect(await h.prisma.mentorPair.count({ where: { OR: [{ mentorId: gone.id }, { menteeId: leaving.id }] } })).toBe(0);

    // A mentor leaves while a request waits for their answer: it is declined and moves on at once.
    const asked = await mentor(6905, "Спрошенная Софья", { municipalityId: "pronsky", strengths: ["digital"], capacity: 1 });
    const next = await mentor(6906, "Следующая Светлана", { municipalityId: "pronsky", strengths: ["digital"], capacity: 2 });
    const waiting = await seedPerson(seed(), { telegramId: 6907, fullName: "Ждущая Жанна", municipalityId: "pronsky", ageGroup: "FROM_35_TO_44", experienceYears: 8 });
    const request = await h.app.deps.mentoring.createRequest(waiting.id, ["digital"], h.clock.now());
    expect(await h.app.deps.mentoring.ask(request.id, asked.id, h.clock.now())).toBe("asked");
    await forget(asked.user);
    const moved = await newsFor(waiting.user);
    expect(moved.text).toContain("Наставник не сможет взять вас сейчас.");
    expect(moved.text).toContain("Следующая Светлана");
    expect((await newsFor(next.user)).text).toContain("Коллега: Ждущая Жанна");
    expect((await h.prisma.mentoringRequest.findUniqueOrThrow({ where: { id: request.id } })).askedId).toBe(next.id);
  });

  it("lives a pair's life: goals from the route, the monthly check-in, closing with feedback from both", async () => {
    const m = await mentor(6401, "Наставница Нина", { municipalityId: "pronsky", strengths: ["subject"], capacity: 2 });
    const mentee = await seedPerson(seed(), { telegramId: 6402, fullName: "Подопечная Полина", municipalityId: "pronsky", ageGroup: "UNDER_25", experienceYears: 0 });
    const attemptId = await seedCompletedAttempt(seed(), mentee.id, h.clock.now(), { subject: "DEFICIT" });
    const programme = await h.prisma.programme.findFirstOrThrow();
    const { itemIds } = await seedActiveRoute(seed(), mentee.id, { attemptId, confirmedAt: h.clock.now(), itemsDue: ["2027-02-01"], programmeId: programme.registryNumber });
    const pairId = await h.app.deps.mentoring.pairByHand(m.id, mentee.id, "YOUNG_SPECIALIST", ["subject"], null, h.clock.now());
    expect(typeof pairId).toBe("number");
    expect(await h.prisma.auditLog.count({ where: { action: "pair.create", targetId: mentee.id } })).toBe(1);

    // A goal linked to the mentee's route item, once.
    mentee.user.send("/mentoring");
    const home = await mentee.user.nextMessage();
    expect(home.text).toContain("Ваш наставник: Наставница Нина");
    await mentee.user.answerTo(mentee.user.click(home, "Цели из маршрута"));
    const goals = await mentee.user.nextMessage();
    expect((await mentee.user.answerTo(mentee.user.click(goals, /^1\. /))).text).toBe("Цель добавлена");
    expect((await mentee.user.answerTo(mentee.user.click(goals, /^1\. /))).text).toBe("Эта цель уже есть");
    expect(await h.prisma.pairGoal.findMany({ where: { pairId: pairId as number }, select: { routeItemId: true } })).toEqual([{ routeItemId: itemIds[0] }]);

    // The monthly check-in, once a month for each side.
    h.clock.advance(29 * DAY);
    await h.app.scheduler.tick();
    h.clock.advance(2_000);
    await h.app.scheduler.tick();
    const ask = await mentee.user.nextMessage();
    expect(ask.text).toContain("Встречались ли вы в этом месяце?\nКоллега по паре: Наставница Нина");
    expect((await m.user.nextMessage()).text).toContain("Встречались ли вы в этом месяце?\nКоллега по паре: Подопечная Полина");
    await mentee.user.answerTo(mentee.user.click(ask, "Да, встречались"));
    await mentee.user.nextEdit();
    expect((await mentee.user.nextMessage()).text).toContain("Запишите встречу");
    expect(await h.prisma.pairCheckin.count({ where: { pairId: pairId as number, met: true } })).toBe(1);
    await h.app.scheduler.tick();
    expect(await h.prisma.outboxMessage.count({ where: { kind: "mentoring:checkin", key: { startsWith: `checkin:${pairId}:` } } })).toBe(2);

    // Someone else cannot close the pair or rate it.
    const intruder = h.api.user(6499);
    expect((await intruder.answerTo(intruder.press(home, `mp:${pairId}:closeok`))).text).toBe("Эта кнопка уже не действует");

    // Closing: the place comes back and both are asked for feedback.
    mentee.user.send("/mentoring");
    const again = await mentee.user.nextMessage();
    await mentee.user.answerTo(mentee.user.click(again, "Завершить"));
    const confirm = await mentee.user.nextMessage();
    await mentee.user.answerTo(mentee.user.click(confirm, "Да, завершить"));
    await mentee.user.nextEdit();
    expect((await mentee.user.nextMessage()).text).toContain("Пара завершена");
    expect((await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: m.id } })).taken).toBe(0);
    h.clock.advance(2_000);
    await h.app.scheduler.tick();
    const rate = await m.user.nextMessage();
    expect(rate.text).toContain("Оцените, пожалуйста, работу в паре: от 1 до 5.\nКоллега по паре: Подопечная Полина");
    expect((await intruder.answerTo(intruder.press(rate, `fb:${pairId}:5`))).text).toBe("Эта кнопка уже не действует");
    await m.user.answerTo(m.user.click(rate, "⭐⭐⭐⭐"));
    await m.user.nextEdit();
    expect((await m.user.nextMessage()).text).toContain("напишите пару слов");
    m.user.send("Полина быстро растёт, продолжим общаться.");
    expect((await m.user.nextMessage()).text).toContain("Спасибо за отзыв");
    expect(await h.prisma.pairFeedback.findMany({ where: { pairId: pairId as number }, select: { personId: true, rating: true, comment: true } })).toEqual([
      { personId: m.id, rating: 4, comment: "Полина быстро растёт, продолжим общаться." },
    ]);
    const menteeRate = await mentee.user.nextMessage();
    expect(menteeRate.text).toContain("Коллега по паре: Наставница Нина");
    // Skipping the comment is not thanked for a review: the rating alone is kept.
    await mentee.user.answerTo(mentee.user.click(menteeRate, "⭐⭐⭐⭐⭐"));
    await mentee.user.nextEdit();
    const comment = await mentee.user.nextMessage();
    expect(comment.text).toContain("напишите пару слов");
    await mentee.user.answerTo(mentee.user.click(comment, "Пропустить"));
    const skipped = await mentee.user.nextMessage();
    expect(skipped.text).toBe("Хорошо, без комментария. Оценка сохранена.");
    expect(skipped.text).not.toContain("Спасибо за отзыв");
    expect(await h.prisma.pairFeedback.findFirst({ where: { pairId: pairId as number, personId: mentee.id }, select: { rating: true, comment: true } })).toEqual({ rating: 5, comment: null });
  });

  it("lets a methodist make a teacher a mentor and see the caseload's pairs; paused mentors are not offered", async () => {
    const s = seed();
    const methodist = await seedMethodist(s, { telegramId: 6501, fullName: "Методистова Мила", assigned: ["ukholovsky"] });
    const teacher = await seedPerson(s, { telegramId: 6502, fullName: "Будущий Наставник", municipalityId: "ukholovsky", ageGroup: "FROM_45_TO_54", experienceYears: 25 });
    await seedCompletedAttempt(s, teacher.id, h.clock.now(), { subject: "CONFIDENT", digital: "CONFIDENT", methodological: "DEVELOP" });
    methodist.user.send("/teachers");
    const list = await methodist.user.nextMessage();
    await methodist.user.answerTo(methodist.user.press(list, `tc:${teacher.id}`));
    const card = await methodist.user.nextMessage();
    await methodist.user.answerTo(methodist.user.click(card, "Сделать наставником"));
    expect((await methodist.user.nextMessage()).text).toContain("отмечен как наставник");
    // The card again, without the button now.
    expect(buttons(await methodist.user.nextMessage()).map((b) => b.text)).not.toContain("Сделать наставником");
    expect(await h.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: teacher.id }, select: { strengths: true, capacity: true, status: true } })).toEqual({ strengths: ["subject", "digital"], capacity: 2, status: "ACTIVE" });
    expect(await h.prisma.personRole.count({ where: { personId: teacher.id, role: "MENTOR" } })).toBe(1);
    await h.app.scheduler.deliverSoon();
    expect((await teacher.user.nextMessage()).text).toContain("Методист Методистова Мила предлагает вам стать наставником");

    // A pair in the caseload shows in the methodist's list.
    const mentee = await seedPerson(s, { telegramId: 6503, fullName: "Новенькая Надя", municipalityId: "ukholovsky", ageGroup: "UNDER_25", experienceYears: 0 });
    await h.app.deps.mentoring.pairByHand(teacher.id, mentee.id, "YOUNG_SPECIALIST", [], null, h.clock.now());
    methodist.user.send("/teachers");
    const list2 = await methodist.user.nextMessage();
    await methodist.user.answerTo(methodist.user.click(list2, "Пары наставничества"));
    expect((await methodist.user.nextMessage()).text).toContain("• Будущий Наставник → Новенькая Надя");

    // Paused: not offered to anyone.
    await h.app.deps.mentoring.setStatus(teacher.id, "PAUSED", h.clock.now());
    const asker = await seedPerson(s, { telegramId: 6504, fullName: "Ищущий Игорь", municipalityId: "ukholovsky", ageGroup: "FROM_35_TO_44", experienceYears: 5 });
    const request = await h.app.deps.mentoring.createRequest(asker.id, ["digital"], h.clock.now());
    const candidates = await h.app.deps.mentoringService.candidates((await h.app.deps.people.byId(asker.id))!, request.id);
    expect(candidates.map((c) => c.personId)).not.toContain(teacher.id);
  });
});
