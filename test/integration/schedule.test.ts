// Scheduled messages end to end: the real app against the fake Bot API, ticked by
// hand with a TestClock. Methodists' digests (local hour, time zones, catch-up after
// downtime, empty days, blocked bot) and teachers' reminders (unfinished diagnostic,
// route deadlines, quiet hours).
//
// One app per database; its clock only moves forward, so each test owns its own
// calendar days (in file order) and its own Telegram ids and municipalities. A tick
// also produces whatever is due for other tests' people: assertions look only at
// this test's chats and rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { caseloadsRepository } from "../../src/repositories/caseloads.ts";
import { scheduleRepository } from "../../src/repositories/schedule.ts";
import { seedActiveRoute, seedCompletedAttempt, seedMethodist, seedPerson, seedUnfinishedAttempt, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const callbackData = (m: BotMessage): string[] => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");

/** Every message the bot sent to the chat that the test has not looked at yet (consumed). */
async function newMessages(user: FakeUser): Promise<BotMessage[]> {
  const out: BotMessage[] = [];
  for (let n = user.unread("message").length; n > 0; n--) out.push(await user.nextMessage());
  return out;
}

describe.each(targets)("scheduled messages on the $name database", (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Moves the clock forward to an instant (never back: the tests share one clock). */
  function at(iso: string): Date {
    const ms = Date.parse(iso) - h.clock.now().getTime();
    if (ms < 0) throw new Error(`the clock is already past ${iso} (${h.clock.now().toISOString()})`);
    h.clock.advance(ms);
    return h.clock.now();
  }

  const seed = (): SeedContext => ({ prisma: h.prisma, api: h.api, now: h.clock.now() });
  const sendsTo = (telegramId: number) => h.api.callsOf("sendMessage").filter((p) => Number(p.chat_id) === telegramId).length;
  const rowsOf = (personId: number, kind?: string) =>
    h.prisma.outboxMessage.findMany({ where: { personId, ...(kind ? { kind } : {}) }, orderBy: { id: "asc" } });

  it("sends a methodist one digest with the caseload's counts and the names that need attention", async () => {
    // Methodists of the Moscow region get their digest at 08:00 Moscow = 05:00Z.
    at("2026-11-24T04:00:00Z");
    const s = seed();
    const now = s.now;
    const programme = await h.prisma.programme.findFirst({ orderBy: { registryNumber: "asc" } });
    expect(programme).not.toBeNull();
    const methodist = await seedMethodist(s, { telegramId: 710_001, fullName: "Методистова Ольга Ивановна", municipalityId: "shilovsky", assigned: ["shilovsky"] });

    const finished = await seedPerson(s, { telegramId: 710_011, fullName: "Абрамова Анна Сергеевна", municipalityId: "shilovsky" });
    await seedCompletedAttempt(s, finished.id, new Date(now.getTime() - HOUR), { subject: "DEFICIT", methodological: "DEVELOP", digital: "DEFICIT", communicative: "CONFIDENT" });

    const confirmed = await seedPerson(s, { telegramId: 710_012, fullName: "Борисов Борис Петрович", municipalityId: "shilovsky", ageGroup: "FROM_30_TO_34", experienceYears: 6 });
    const confirmedAttempt = await seedCompletedAttempt(s, confirmed.id, new Date(now.getTime() - 3 * DAY), { subject: "DEFICIT" });
    await seedActiveRoute(s, confirmed.id, { attemptId: confirmedAttempt, confirmedAt: new Date(now.getTime() - 2 * HOUR), itemsDue: ["2027-03-01"], programmeId: programme!.registryNumber });

    const overdue = await seedPerson(s, { telegramId: 710_013, fullName: "Васильева Вера Андреевна", municipalityId: "shilovsky", ageGroup: "FROM_45_TO_54", experienceYears: 20 });
    const overdueAttempt = await seedCompletedAttempt(s, overdue.id, new Date(now.getTime() - 60 * DAY), { digital: "DEFICIT" });
    await seedActiveRoute(s, overdue.id, { attemptId: overdueAttempt, confirmedAt: new Date(now.getTime() - 59 * DAY), itemsDue: ["2026-11-10", "2027-02-01"], programmeId: programme!.registryNumber });

    const young = await seedPerson(s, { telegramId: 710_014, fullName: "Григорьева Галина Олеговна", municipalityId: "shilovsky", ageGroup: "UNDER_25", experienceYears: 1 });
    const silent = await seedPerson(s, { telegramId: 710_015, fullName: "Дмитриев Денис Юрьевич", municipalityId: "shilovsky", ageGroup: "FROM_55", experienceYears: 30, lastSeenAt: new Date(now.getTime() - 20 * DAY) });

    // Elsewhere: busy, but not this methodist's business.
    const stranger = await seedPerson(s, { telegramId: 710_021, fullName: "Чужакова Элла Марковна", municipalityId: "kasimov", ageGroup: "UNDER_25", experienceYears: 0, lastSeenAt: new Date(now.getTime() - 30 * DAY) });
    await seedCompletedAttempt(s, stranger.id, new Date(now.getTime() - HOUR), { subject: "DEFICIT", digital: "DEFICIT", psychological: "DEFICIT" });

    // 07:00 Moscow: not yet.
    await h.app.scheduler.tick();
    expect(await rowsOf(methodist.id, "digest")).toHaveLength(0);
    expect(sendsTo(methodist.telegramId)).toBe(0);

    at("2026-11-24T05:00:00Z");
    await h.app.scheduler.tick();
    const [digest, ...more] = await newMessages(methodist.user);
    expect(more).toHaveLength(0);
    const text = digest!.text ?? "";
    expect(text).toContain("Сводка по вашим педагогам на 24.11.2026");
    expect(text).not.toContain("с опозданием");
    expect(text).toContain("Педагогов в нагрузке: 5."); // the methodist is not their own teacher
    expect(text).toContain("• завершили диагностику: 1");
    expect(text).toContain("• подтвердили маршрут: 1");
    expect(text).toContain("• просроченных пунктов: 1 (педагогов: 1)");
    expect(text).toContain("• не заходили в бот больше двух недель: 1");
    expect(text).toContain("• молодых педагогов без маршрута и поддержки: 1");
    expect(text).not.toContain("выполнено пунктов");

    // Who needs attention first: overdue, young alone, fresh deficits, silence.
    const attention = text.split("Обратите внимание:")[1]?.trim().split("\n") ?? [];
    expect(attention).toHaveLength(4);
    expect(attention[0]).toBe(`• ${overdue.fullName} — просрочено пунктов: 1`);
    expect(attention[1]).toBe(`• ${young.fullName} — молодой педагог без поддержки`);
    expect(attention[2]).toMatch(new RegExp(`^• ${finished.fullName} — дефициты: `));
    expect(attention[2]).toContain("Предметные компетенции");
    expect(attention[2]).toContain("Цифровые компетенции");
    expect(attention[2]).not.toContain("Методические");
    expect(attention[3]).toBe(`• ${silent.fullName} — давно не было в боте`);
    expect(text).not.toContain(confirmed.fullName);
    expect(text).not.toContain(stranger.fullName);
    expect(text).not.toContain(methodist.fullName);
    expect(callbackData(digest!)).toEqual([`tc:${overdue.id}`, `tc:${young.id}`, `tc:${finished.id}`, `tc:${silent.id}`, "mt:list:0"]);

    // Again the same day, at once and hours later: nothing more.
    const calls = sendsTo(methodist.telegramId);
    await h.app.scheduler.tick();
    at("2026-11-24T15:00:00Z");
    await h.app.scheduler.tick();
    expect(sendsTo(methodist.telegramId)).toBe(calls);
    expect(methodist.user.unread("message")).toHaveLength(0);
    const rows = await rowsOf(methodist.id, "digest");
    expect(rows.map((r) => [r.key, r.status])).toEqual([[`digest:${methodist.id}:2026-11-24`, "SENT"]]);
  });

  it("sends each methodist the digest at 08:00 of their own time zone, once a local day", async () => {
    at("2026-11-25T00:00:00Z");
    const s = seed();
    const novosibirsk = await seedMethodist(s, { telegramId: 720_001, fullName: "Новосибирцева Нина", timeZone: "Asia/Novosibirsk", assigned: ["sasovo"] });
    const moscow = await seedMethodist(s, { telegramId: 720_002, fullName: "Москвина Мария", assigned: ["skopin"] });
    const keys = async (m: { id: number }) => (await rowsOf(m.id, "digest")).map((r) => r.key);
    const tickAt = async (iso: string) => {
      at(iso);
      await h.app.scheduler.tick();
      return { nsk: await newMessages(novosibirsk.user), msk: await newMessages(moscow.user) };
    };

    // 07:30 in Novosibirsk, 03:30 in Moscow.
    let got = await tickAt("2026-11-25T00:30:00Z");
    expect([got.nsk, got.msk]).toEqual([[], []]);
    expect(await keys(novosibirsk)).toEqual([]);

    // 08:00 in Novosibirsk.
    got = await tickAt("2026-11-25T01:00:00Z");
    expect(got.nsk).toHaveLength(1);
    expect(got.nsk[0]!.text).toContain("Сводка по вашим педагогам на 25.11.2026");
    expect(got.nsk[0]!.text).not.toContain("с опозданием");
    expect(got.msk).toEqual([]);
    expect(await keys(moscow)).toEqual([]);

    got = await tickAt("2026-11-25T03:00:00Z");
    expect([got.nsk, got.msk]).toEqual([[], []]);

    // 08:00 in Moscow.
    got = await tickAt("2026-11-25T05:00:00Z");
    expect(got.nsk).toEqual([]);
    expect(got.msk).toHaveLength(1);
    expect(got.msk[0]!.text).toContain("Сводка по вашим педагогам на 25.11.2026");
    expect(got.msk[0]!.text).not.toContain("с опозданием");

    // The rest of the day, including Novosibirsk's midnight (17:00Z): nothing more.
    for (const iso of ["2026-11-25T05:01:00Z", "2026-11-25T12:00:00Z", "2026-11-25T16:59:00Z", "2026-11-25T17:00:00Z", "2026-11-26T00:30:00Z"]) {
      got = await tickAt(iso);
      expect([iso, got.nsk, got.msk]).toEqual([iso, [], []]);
    }

    // The next day, each at their 08:00 again.
    got = await tickAt("2026-11-26T01:00:00Z");
    expect(got.nsk).toHaveLength(1);
    expect(got.nsk[0]!.text).toContain("на 26.11.2026");
    expect(got.msk).toEqual([]);
    got = await tickAt("2026-11-26T05:00:00Z");
    expect(got.nsk).toEqual([]);
    expect(got.msk).toHaveLength(1);
    expect(got.msk[0]!.text).toContain("на 26.11.2026");
    got = await tickAt("2026-11-26T09:00:00Z");
    expect([got.nsk, got.msk]).toEqual([[], []]);

    expect(await keys(novosibirsk)).toEqual([`digest:${novosibirsk.id}:2026-11-25`, `digest:${novosibirsk.id}:2026-11-26`]);
    expect(await keys(moscow)).toEqual([`digest:${moscow.id}:2026-11-25`, `digest:${moscow.id}:2026-11-26`]);
    expect(sendsTo(novosibirsk.telegramId)).toBe(2);
    expect(sendsTo(moscow.telegramId)).toBe(2);
  });

  it("makes up a digest missed while the bot was down once, saying it is late, and only for today", async () => {
    at("2026-11-27T03:00:00Z"); // 06:00 Moscow
    const methodist = await seedMethodist(seed(), { telegramId: 730_001, fullName: "Опоздалова Ольга", assigned: ["pronsky"] });
    await h.app.scheduler.tick();
    expect(await rowsOf(methodist.id)).toHaveLength(0);

    // Down from 06:00 on the 27th to 13:00 on the 29th: two 08:00s missed, and today's.
    await h.app.stop();
    at("2026-11-29T10:00:00Z");
    await h.restart();
    await h.app.scheduler.tick();
    const got = await newMessages(methodist.user);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("Сводка по вашим педагогам на 29.11.2026");
    expect(got[0]!.text).toContain("(с опозданием: бот был недоступен в обычное время)");

    at("2026-11-29T10:05:00Z");
    await h.app.scheduler.tick();
    expect(methodist.user.unread("message")).toHaveLength(0);
    expect(sendsTo(methodist.telegramId)).toBe(1);
    expect((await rowsOf(methodist.id)).map((r) => [r.key, r.status])).toEqual([[`digest:${methodist.id}:2026-11-29`, "SENT"]]);
  });

  it("does not call the first digest of a methodist appointed in the afternoon late: the bot was up at their hour", async () => {
    at("2026-11-29T10:59:00Z"); // 13:59 Moscow; the scheduler ticks
    await h.app.scheduler.tick();
    const fresh = await seedMethodist(seed(), { telegramId: 735_001, fullName: "Новенькая Нина", assigned: ["pronsky"] });
    at("2026-11-29T11:00:00Z");
    await h.app.scheduler.tick();
    const got = await newMessages(fresh.user);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("Сводка по вашим педагогам на 29.11.2026");
    expect(got[0]!.text).not.toContain("с опозданием");
  });

  it("sends one line for a day with nothing new, or nothing when the methodist does not want it", async () => {
    at("2026-11-30T04:00:00Z");
    const s = seed();
    const wantsLine = await seedMethodist(s, { telegramId: 740_001, fullName: "Строкина Светлана", assigned: ["rybnovsky"], digestWhenEmpty: true });
    const wantsNothing = await seedMethodist(s, { telegramId: 740_002, fullName: "Тишина Татьяна", assigned: ["ryazhsky"], digestWhenEmpty: false });
    // Each caseload: one settled teacher, seen an hour ago, no news.
    await seedPerson(s, { telegramId: 740_011, fullName: "Спокойнова Сара", municipalityId: "rybnovsky", ageGroup: "FROM_45_TO_54", experienceYears: 25 });
    await seedPerson(s, { telegramId: 740_012, fullName: "Ровнова Роза", municipalityId: "ryazhsky", ageGroup: "FROM_45_TO_54", experienceYears: 25 });

    at("2026-11-30T05:00:00Z");
    await h.app.scheduler.tick();
    const line = await newMessages(wantsLine.user);
    expect(line).toHaveLength(1);
    expect(line[0]!.text).toBe("Сводка по вашим педагогам на 30.11.2026\nЗа сутки ничего нового. Педагогов в нагрузке: 1.");
    expect(callbackData(line[0]!)).toEqual(["mt:list:0"]);

    expect(sendsTo(wantsNothing.telegramId)).toBe(0);
    const skipped = await rowsOf(wantsNothing.id);
    expect(skipped.map((r) => [r.key, r.kind, r.status])).toEqual([[`digest:${wantsNothing.id}:2026-11-30`, "digest", "SKIPPED"]]);

    // The skipped day counts as produced: later ticks neither send it nor make it again.
    at("2026-11-30T09:00:00Z");
    await h.app.scheduler.tick();
    expect(sendsTo(wantsNothing.telegramId)).toBe(0);
    expect(await rowsOf(wantsNothing.id)).toHaveLength(1);
    expect(sendsTo(wantsLine.telegramId)).toBe(1);
  });

  it("reminds about an unfinished diagnostic after one day and after three, and about route deadlines, once each", async () => {
    at("2026-12-01T09:00:00Z"); // 12:00 Moscow
    const s = seed();
    const touched = new Date(s.now.getTime() - 25 * HOUR);
    const programme = (await h.prisma.programme.findFirst({ orderBy: { registryNumber: "desc" } }))!;

    const unfinished = await seedPerson(s, { telegramId: 750_001, fullName: "Начатова Нина", municipalityId: "spassky" });
    await seedUnfinishedAttempt(s, unfinished.id, touched, 7);
    const muted = await seedPerson(s, { telegramId: 750_002, fullName: "Беззвучная Берта", municipalityId: "spassky", mutedKinds: ["diagnostic"] });
    await seedUnfinishedAttempt(s, muted.id, touched, 7);

    const soon = await seedPerson(s, { telegramId: 750_003, fullName: "Скорова Светлана", municipalityId: "spassky" });
    const soonRoute = await seedActiveRoute(s, soon.id, {
      attemptId: await seedCompletedAttempt(s, soon.id, new Date(s.now.getTime() - 40 * DAY), { subject: "DEFICIT" }),
      confirmedAt: new Date(s.now.getTime() - 39 * DAY),
      itemsDue: ["2026-12-04", "2026-12-20"], // today + 3 in Moscow, and later
      programmeId: programme.registryNumber,
    });
    const late = await seedPerson(s, { telegramId: 750_004, fullName: "Поздняя Полина", municipalityId: "spassky" });
    const lateRoute = await seedActiveRoute(s, late.id, {
      attemptId: await seedCompletedAttempt(s, late.id, new Date(s.now.getTime() - 40 * DAY), { subject: "DEFICIT" }),
      confirmedAt: new Date(s.now.getTime() - 39 * DAY),
      itemsDue: ["2026-11-28", "2027-01-15"],
      programmeId: programme.registryNumber,
    });

    await h.app.scheduler.tick();
    const first = await newMessages(unfinished.user);
    expect(first).toHaveLength(1);
    expect(first[0]!.text).toBe("Вы начали самодиагностику и ответили на 7 вопросов. Продолжим? Это займёт несколько минут.");
    expect(first[0]!.reply_markup?.inline_keyboard).toEqual([[{ text: "Продолжить", callback_data: "diag:continue" }]]);

    const dueSoon = await newMessages(soon.user);
    expect(dueSoon.map((m) => m.text)).toEqual([`Через три дня срок по пункту маршрута: «${programme.title}».`]);
    expect(callbackData(dueSoon[0]!)).toEqual(["route:open"]);
    const overdue = await newMessages(late.user);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.text).toBe(`Срок по пункту маршрута прошёл: «${programme.title}». Отметьте выполнение или перенесите его с методистом.`);
    expect(callbackData(overdue[0]!)).toEqual(["route:open"]);

    // Again, at once and later that day: nothing new.
    await h.app.scheduler.tick();
    at("2026-12-01T15:00:00Z");
    await h.app.scheduler.tick();
    for (const u of [unfinished, soon, late]) expect(u.user.unread("message")).toHaveLength(0);

    // Three days (and a minute) after the last answer: the second reminder, once.
    at(new Date(touched.getTime() + 3 * DAY + 60_000).toISOString());
    await h.app.scheduler.tick();
    const second = await newMessages(unfinished.user);
    expect(second.map((m) => m.text)).toEqual(["Самодиагностика ждёт вас: ответы сохранены (7). Закончите — и получите профиль и маршрут."]);
    expect(callbackData(second[0]!)).toEqual(["diag:continue"]);
    at("2026-12-03T12:00:00Z");
    await h.app.scheduler.tick();

    for (const u of [unfinished, soon, late]) expect(u.user.unread("message")).toHaveLength(0);
    expect(sendsTo(unfinished.telegramId)).toBe(2);
    expect(sendsTo(soon.telegramId)).toBe(1);
    expect(sendsTo(late.telegramId)).toBe(1);
    expect(sendsTo(muted.telegramId)).toBe(0);
    expect(await rowsOf(muted.id)).toHaveLength(0);
    expect((await rowsOf(soon.id)).map((r) => r.key)).toEqual([`reminder:due-soon:${soonRoute.itemIds[0]}`]);
    expect((await rowsOf(late.id)).map((r) => r.key)).toEqual([`reminder:overdue:${lateRoute.itemIds[0]}`]);
  });

  it("holds a reminder that falls due in quiet hours until 08:00 local time", async () => {
    at("2026-12-04T20:00:00Z"); // 23:00 Moscow
    const s = seed();
    const person = await seedPerson(s, { telegramId: 760_001, fullName: "Ночная Наталья", municipalityId: "ukholovsky" });
    // A day old at 23:30 Moscow (20:30Z).
    const attemptId = await seedUnfinishedAttempt(s, person.id, new Date("2026-12-03T20:29:00Z"), 7);
    await h.app.scheduler.tick();
    expect(await rowsOf(person.id)).toHaveLength(0);

    at("2026-12-04T20:30:00Z");
    await h.app.scheduler.tick();
    const rows = await rowsOf(person.id);
    expect(rows.map((r) => [r.key, r.status, r.dueAt.toISOString()])).toEqual([[`reminder:diagnostic-1d:${attemptId}`, "PENDING", "2026-12-05T05:00:00.000Z"]]);
    expect(sendsTo(person.telegramId)).toBe(0);

    at("2026-12-05T04:59:00Z"); // 07:59 Moscow: still quiet
    await h.app.scheduler.tick();
    expect(sendsTo(person.telegramId)).toBe(0);

    at("2026-12-05T05:00:00Z");
    await h.app.scheduler.tick();
    const got = await newMessages(person.user);
    expect(got.map((m) => m.text)).toEqual(["Вы начали самодиагностику и ответили на 7 вопросов. Продолжим? Это займёт несколько минут."]);
    const [row] = await rowsOf(person.id);
    expect([row!.status, row!.sentAt?.toISOString()]).toEqual(["SENT", "2026-12-05T05:00:00.000Z"]);
  });

  it("marks a methodist who blocked the bot unreachable and stops producing their digests", async () => {
    // 10:00 Moscow, an hour no other methodist here uses, so the 403 meets this digest.
    at("2026-12-06T06:58:00Z");
    const methodist = await seedMethodist(seed(), { telegramId: 770_001, fullName: "Заблокировавшая Зоя", assigned: ["chuchkovsky"], digestHour: 10 });
    // Deliver first whatever else is due today (other tests' methodists' digests).
    await h.app.scheduler.tick();
    at("2026-12-06T06:59:00Z");
    await h.app.scheduler.tick();
    expect(await rowsOf(methodist.id)).toHaveLength(0);

    const blockedAt = at("2026-12-06T07:00:00Z");
    h.api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    const report = await h.app.scheduler.tick();
    expect(report.delivery.unreachable).toBe(1);
    const [row, ...others] = await rowsOf(methodist.id);
    expect(others).toHaveLength(0);
    expect([row!.key, row!.status, row!.lastError]).toEqual([`digest:${methodist.id}:2026-12-06`, "UNREACHABLE", "403: Forbidden: bot was blocked by the user"]);
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: methodist.id } })).unreachableAt?.toISOString()).toBe(blockedAt.toISOString());
    expect(sendsTo(methodist.telegramId)).toBe(1); // the one refused call
    expect(methodist.user.unread("message")).toHaveLength(0);

    // The next day, at their hour and later: no digest is produced for them.
    at("2026-12-07T07:00:00Z");
    await h.app.scheduler.tick();
    at("2026-12-07T12:00:00Z");
    await h.app.scheduler.tick();
    expect((await rowsOf(methodist.id)).map((r) => r.key)).toEqual([`digest:${methodist.id}:2026-12-06`]);
    expect(sendsTo(methodist.telegramId)).toBe(1);
  });

  it("leaves a digest missed until night to the next morning's, which covers both days", async () => {
    at("2026-12-08T03:00:00Z"); // 06:00 Moscow
    const s = seed();
    const methodist = await seedMethodist(s, { telegramId: 780_001, fullName: "Ночная Нина", assigned: ["sapozhkovsky"] });
    const teacher = await seedPerson(s, { telegramId: 780_011, fullName: "Вечерова Вера", municipalityId: "sapozhkovsky", ageGroup: "FROM_45_TO_54", experienceYears: 20 });
    await h.app.scheduler.tick();

    // The teacher finishes a diagnostic in the evening; the bot is down from 06:00 to 23:30.
    await seedCompletedAttempt(s, teacher.id, new Date("2026-12-08T17:00:00Z"), { subject: "DEFICIT", methodological: "CONFIDENT" });
    await h.app.stop();
    at("2026-12-08T20:30:00Z"); // 23:30 Moscow: the 8th's digest could only go out tomorrow
    await h.restart();
    await h.app.scheduler.tick();
    expect(await rowsOf(methodist.id)).toHaveLength(0);

    // The morning's digest, on time, tells what happened since the last one (none): the evening's diagnostic.
    at("2026-12-09T05:00:00Z");
    await h.app.scheduler.tick();
    const got = await newMessages(methodist.user);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("Сводка по вашим педагогам на 09.12.2026");
    expect(got[0]!.text).not.toContain("с опозданием");
    expect(got[0]!.text).toContain("завершили диагностику: 1");
    expect((await rowsOf(methodist.id)).map((r) => r.key)).toEqual([`digest:${methodist.id}:2026-12-09`]);

    // The next day's window starts where this one ended: the diagnostic is not told again.
    at("2026-12-10T05:00:00Z");
    await h.app.scheduler.tick();
    const next = await newMessages(methodist.user);
    expect(next).toHaveLength(1);
    expect(next[0]!.text).not.toContain("завершили диагностику");
  });

  it("computes all caseloads' digest data in one statement, as the bot's own visibility check counts them", async () => {
    const s = seed();
    const now = s.now;
    const caseloads = caseloadsRepository(h.prisma);
    const schedule = scheduleRepository(h.prisma);
    // A methodist who follows a municipality, an organization elsewhere and one teacher by name, and lives in the municipality.
    const mixed = await seedMethodist(s, { telegramId: 790_001, fullName: "Смешанная Серафима", municipalityId: "ermishinsky", assigned: ["ermishinsky"] });
    await h.prisma.methodistAssignment.create({ data: { methodistId: mixed.id, scope: "ORGANIZATION", organizationId: "zakharovsky-sch-1", createdAt: now } });
    const inMunicipality = [];
    for (let k = 0; k < 7; k++) {
      // Silent for 20 + k days: the longest silent is the last one.
      inMunicipality.push(await seedPerson(s, { telegramId: 790_010 + k, fullName: `Молчунова ${k}`, municipalityId: "ermishinsky", lastSeenAt: new Date(now.getTime() - (20 + k) * DAY) }));
    }
    const unfinished = await seedPerson(s, { telegramId: 790_020, fullName: "Без профиля", municipalityId: "ermishinsky", profileCompleted: false });
    const inOrganization = await seedPerson(s, { telegramId: 790_021, fullName: "Школьная Зоя", municipalityId: "zakharovsky" });
    await h.prisma.person.update({ where: { id: inOrganization.id }, data: { organizationId: "zakharovsky-sch-1" } });
    const otherSchool = await seedPerson(s, { telegramId: 790_022, fullName: "Соседняя Ада", municipalityId: "zakharovsky" });
    const byName = await seedPerson(s, { telegramId: 790_023, fullName: "Личная Лидия", municipalityId: "kadomsky" });
    await h.prisma.methodistAssignment.create({ data: { methodistId: mixed.id, scope: "PERSON", teacherId: byName.id, createdAt: now } });
    // Also assigned by name while already in the municipality: counted once.
    await h.prisma.methodistAssignment.create({ data: { methodistId: mixed.id, scope: "PERSON", teacherId: inMunicipality[0]!.id, createdAt: now } });
    const idle = await seedMethodist(s, { telegramId: 790_002, fullName: "Свободная Светлана", assigned: [] });

    const data = await schedule.digests(
      [mixed, idle].map((m) => ({ methodistId: m.id, from: new Date(now.getTime() - DAY), today: now.toISOString().slice(0, 10) })),
      now,
      14,
      5,
    );
    const got = data.get(mixed.id)!;
    expect(got.caseload).toBe(9); // seven in the municipality, the organization's one, the one by name
    expect(got.caseload).toBe(await caseloads.size(mixed.id));
    expect(data.get(idle.id)!.caseload).toBe(await caseloads.size(idle.id));
    expect(data.get(idle.id)!.caseload).toBe(0);
    // Every silent teacher is counted; the first five by silence are named.
    expect(got.silent.count).toBe(7);
    expect(got.silent.top.map((p) => p.personId)).toEqual(inMunicipality.slice(2).reverse().map((p) => p.id));
    for (const p of [unfinished, otherSchool]) expect(await caseloads.canSee(mixed.id, p.id)).toBe(false);
    for (const p of [inOrganization, byName, inMunicipality[0]!]) expect(await caseloads.canSee(mixed.id, p.id)).toBe(true);
  });

  /** People with chats, and one message to each through the bot's own notify (delivered at once). */
  async function notifyEach(telegramIds: number[], kind: string) {
    const s = seed();
    const people = [];
    for (const telegramId of telegramIds) people.push(await seedPerson(s, { telegramId, fullName: `Получатель ${telegramId}`, municipalityId: "kasimov" }));
    await h.app.deps.notify(people.map((p) => ({ key: `${kind}:${p.id}`, personId: p.id, chatId: p.telegramId, kind, text: `Сообщение ${p.telegramId}`, dueAt: h.clock.now() })));
    return people;
  }

  it("resumes delivery as soon as a 429 pause ends (a wake-up timer, not the minute tick)", async () => {
    at(new Date(h.clock.now().getTime() + DAY).toISOString().slice(0, 11) + "09:00:00.000Z");
    const ids = [796_001, 796_002, 796_003];
    const sends = () => ids.reduce((n, id) => n + sendsTo(id), 0);
    h.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } });
    const people = await notifyEach(ids, "mentoring");
    await h.app.scheduler.idle();
    const paused = h.clock.now().getTime();
    expect(sends()).toBe(1);
    expect(h.app.scheduler.wakeAt).toEqual(new Date(paused + 5000));

    h.clock.advance(4999);
    await h.app.scheduler.idle();
    expect(sends()).toBe(1);
    h.clock.advance(1); // the pause is over: the timer fires, nobody ticks
    await h.app.scheduler.idle();
    expect(sends()).toBe(4);
    for (const p of people) expect((await newMessages(p.user)).map((m) => m.text)).toEqual([`Сообщение ${p.telegramId}`]);
  });

  it("an outage of the Bot API (5xx and network errors for 270 s) delays reminders and digests but loses none", async () => {
    at(new Date(h.clock.now().getTime() + DAY).toISOString().slice(0, 11) + "09:00:00.000Z");
    const start = h.clock.now().getTime();
    let outage = true;
    // While the outage lasts, every sendMessage is answered 502 (or its connection dropped, every other time).
    let k = 0;
    const push = h.api.calls.push.bind(h.api.calls);
    h.api.calls.push = (...xs) => {
      for (const x of xs) {
        if (x.method !== "sendMessage" || !outage) continue;
        if (k++ % 2 === 0) h.api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
        else h.api.dropNext("sendMessage");
      }
      return push(...xs);
    };
    try {
      const ids = [797_001, 797_002, 797_003];
      const reminders = await notifyEach(ids, "reminder:diagnostic");
      const [methodist] = await notifyEach([797_010], "digest");
      await h.app.scheduler.idle();
      const mine = () => h.prisma.outboxMessage.findMany({ where: { personId: { in: [...reminders, methodist!].map((p) => p.id) } } });
      // Wake-up after wake-up through the outage: each one retries, nothing gives up.
      let wakeUps = 0;
      while (h.clock.now().getTime() - start < 270_000) {
        const wake = h.app.scheduler.wakeAt;
        expect(wake).toBeDefined();
        if (wake!.getTime() - start >= 270_000) break;
        h.clock.advance(wake!.getTime() - h.clock.now().getTime());
        await h.app.scheduler.idle();
        wakeUps++;
        expect((await mine()).every((r) => r.status === "PENDING")).toBe(true);
      }
      expect(wakeUps).toBeGreaterThanOrEqual(6);
      outage = false;
      at(new Date(start + 270_000).toISOString());
      // The next retry is at most a minute away (the backoff's cap).
      const wake = h.app.scheduler.wakeAt!;
      expect(wake.getTime() - h.clock.now().getTime()).toBeLessThanOrEqual(60_000);
      h.clock.advance(Math.max(0, wake.getTime() - h.clock.now().getTime()));
      await h.app.scheduler.idle();
      expect((await mine()).map((r) => r.status)).toEqual(["SENT", "SENT", "SENT", "SENT"]);
      for (const p of [...reminders, methodist!]) expect((await newMessages(p.user)).map((m) => m.text)).toEqual([`Сообщение ${p.telegramId}`]);
    } finally {
      h.api.calls.push = push;
    }
  });

  it("sends a digest at the methodist's own hour inside the quiet hours (06:00), while reminders still wait for 08:00", async () => {
    const day = new Date(h.clock.now().getTime() + DAY).toISOString().slice(0, 10);
    at(`${day}T02:00:00Z`); // 05:00 Moscow
    const s = seed();
    const early = await seedMethodist(s, { telegramId: 798_001, fullName: "Ранняя Римма", assigned: ["spassky"], digestHour: 6, digestWhenEmpty: true });
    const teacher = await seedPerson(s, { telegramId: 798_011, fullName: "Утренняя Ульяна", municipalityId: "spassky", ageGroup: "FROM_45_TO_54", experienceYears: 20 });
    // A day old at 06:00 Moscow: the reminder falls due with the digest.
    const attemptId = await seedUnfinishedAttempt(s, teacher.id, new Date(Date.parse(`${day}T02:59:00Z`) - DAY), 7);
    await h.app.scheduler.tick();
    expect(await rowsOf(early.id)).toHaveLength(0);

    at(`${day}T02:59:00Z`); // 05:59: not yet
    await h.app.scheduler.tick();
    expect(await rowsOf(early.id)).toHaveLength(0);

    at(`${day}T03:00:00Z`); // 06:00 Moscow, the methodist's hour, in quiet hours 22–8
    await h.app.scheduler.tick();
    const got = await newMessages(early.user);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("Сводка по вашим педагогам");
    expect(got[0]!.text).not.toContain("с опозданием");
    const [digest] = await rowsOf(early.id, "digest");
    // Sent at 06:00, and good until the evening's quiet hours (22:00 Moscow).
    expect([digest!.status, digest!.dueAt.toISOString(), digest!.sentAt?.toISOString(), digest!.expiresAt.toISOString()]).toEqual(["SENT", `${day}T03:00:00.000Z`, `${day}T03:00:00.000Z`, `${day}T19:00:00.000Z`]);
    // The teacher's reminder, produced at the same tick, keeps the quiet hours: 08:00.
    expect((await rowsOf(teacher.id)).map((r) => [r.key, r.status, r.dueAt.toISOString()])).toEqual([[`reminder:diagnostic-1d:${attemptId}`, "PENDING", `${day}T05:00:00.000Z`]]);
    expect(sendsTo(teacher.telegramId)).toBe(0);
    at(`${day}T05:00:00Z`);
    await h.app.scheduler.tick();
    expect(await newMessages(teacher.user)).toHaveLength(1);
  });

  // The embedded database has no autovacuum: the scheduler refreshes its statistics, once a day.
  if (target.name === "embedded") {
    it("refreshes the embedded database's planner statistics once a day", async () => {
      const estimate = async () => Number((await h.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'AuditLog'`))[0]!.n);
      const count = () => h.prisma.auditLog.count();
      await h.app.scheduler.tick();
      at(new Date(h.clock.now().getTime() + DAY).toISOString());
      await h.app.scheduler.tick();
      expect(await estimate()).toBe(await count());
      await h.prisma.auditLog.createMany({ data: Array.from({ length: 10 }, (_, k) => ({ action: "test.analyze", details: { k }, at: h.clock.now() })) });
      at(new Date(h.clock.now().getTime() + HOUR).toISOString());
      await h.app.scheduler.tick();
      expect(await estimate()).toBe((await count()) - 10); // not yet: once a day
      at(new Date(h.clock.now().getTime() + DAY).toISOString());
      await h.app.scheduler.tick();
      expect(await estimate()).toBe(await count());
    });
  }
});
