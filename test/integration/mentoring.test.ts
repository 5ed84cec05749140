// Mentoring: a young teacher's request to an accepted pair with contacts and a
// meeting; a request that times out moves on; two mentees and one last place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { buttons, onboard } from "../support/journey.ts";
import { seedPerson, type SeedContext } from "../support/seed.ts";

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
    await u.answerTo(u.click(saved, "Найти наставника"));
    const home = await u.nextMessage();
    expect(home.text).toContain("Наставника пока нет");
    await u.answerTo(u.click(home, "Найти наставника"));
    let needs = await u.nextEdit();
    expect(needs.text).toContain("С чем нужна помощь");
    await u.answerTo(u.click(needs, /Методические/));
    needs = await u.nextEdit();
    await u.answerTo(u.click(needs, "Подобрать наставника"));
    await u.nextEdit();
    const candidates = await u.nextMessage();
    // The nearest mentor with the matching strength comes first; no contact data before acceptance.
    expect(candidates.text).toMatch(/1\. Опытная Ольга Ивановна — .*Шиловский/);
    expect(candidates.text).not.toContain("@olga_mentor");
    expect(candidates.text).not.toContain("tg://");
    await u.answerTo(u.click(candidates, "Запрос № 1"));
    await u.nextEdit();
    expect((await u.nextMessage()).text).toContain("Запрос отправлен: Опытная Ольга Ивановна");

    const ask = await near.user.nextMessage();
    expect(ask.text).toContain("Запрос на наставничество: Молодая Мария");
    expect(ask.text).toContain("Методические компетенции");
    await near.user.answerTo(near.user.click(ask, "Принять"));
    await h.app.scheduler.deliverSoon();
    // The mentor's chat got the request a moment ago: their message follows a second later.
    h.clock.advance(2_000);
    await h.app.scheduler.deliverSoon();
    const toMentee = await u.nextMessage();
    expect(toMentee.text).toContain("Наставник согласился: Опытная Ольга Ивановна");
    expect(toMentee.text).toContain("@olga_mentor");
    const toMentor = await near.user.nextMessage();
    expect(toMentor.text).toContain("Теперь вы наставник: Молодая Мария");
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
    expect(told.text).toContain("Наставник не ответил вовремя");
    expect(told.text).toContain("Отзывчивый Олег");
    expect((await second.user.nextMessage()).text).toContain("Запрос на наставничество: Ждущая Жанна");

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
  });
});
