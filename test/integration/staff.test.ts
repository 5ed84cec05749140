// Roles on the server: coordinators from configuration, one-time invitations,
// forged callbacks refused, caseloads, teacher cards and recommendations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { buttons, onboard, onboardStaff } from "../support/journey.ts";
import { seedActiveRoute, seedCompletedAttempt, seedPerson, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();
const DENIED = "Это действие вам недоступно";

describe.each(targets)("roles and methodists on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target, { ADMIN_TELEGRAM_IDS: "9001", CASELOAD_CAP: "1", INVITE_TTL_HOURS: "72" });
  });
  afterAll(async () => {
    await h?.close();
  });

  const personId = async (telegramId: number) => (await h.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } })).id;

  /** The coordinator does not teach: /menu is their panel. */
  async function panel(coordinator: FakeUser): Promise<BotMessage> {
    coordinator.send("/menu");
    return coordinator.nextMessage();
  }

  async function invite(coordinator: FakeUser, button: string): Promise<string> {
    const p = await panel(coordinator);
    await coordinator.answerTo(coordinator.click(p, button));
    const text = (await coordinator.nextMessage()).text!;
    const code = /start=inv_([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(code, text).toBeDefined();
    return code!;
  }

  /** A new person opens an invitation link and consents; returns the replies after consent. */
  async function arrive(u: FakeUser, code: string): Promise<BotMessage> {
    u.send(`/start inv_${code}`);
    expect((await u.nextMessage()).text).toContain("Вас пригласили");
    const consent = await u.nextMessage();
    await u.answerTo(u.click(consent, "Даю согласие"));
    await u.nextEdit();
    expect((await u.nextMessage()).text).toContain("Проверяю приглашение");
    return u.nextMessage();
  }

  it("invites a methodist once, refuses reused, expired and unknown invitations, and logs it all", async () => {
    const coordinator = h.api.user(9001);
    await onboardStaff(coordinator);
    // The coordinator does not teach; a teacher of Шиловский takes the place in the caseloads below.
    await seedPerson({ prisma: h.prisma, api: h.api, now: h.clock.now() }, { telegramId: 9008, fullName: "Шиловская Нина Петровна", municipalityId: "shilovsky" });
    const code = await invite(coordinator, "Пригласить методиста (регион)");

    const methodist = h.api.user(9002);
    expect((await arrive(methodist, code)).text).toContain("вы — методист");
    expect((await methodist.nextMessage()).text).toContain("Как вас зовут");
    // A single word is not taken as a full name: the surname is asked for.
    methodist.send("Анна");
    expect((await methodist.nextMessage()).text).toContain("Это только имя. Напишите, пожалуйста, фамилию, имя и отчество");
    expect((await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 9002n } })).fullName).toBeNull();
    methodist.send("Методистова Анна Петровна");
    // Addressed by имя и отчество.
    expect((await methodist.nextMessage()).text).toContain("Спасибо, Анна Петровна!");
    // The name known, the methodist's panel follows (a methodist does not need a teacher's profile).
    expect((await methodist.nextMessage()).text).toContain("Раздел методиста");
    const methodistId = await personId(9002);
    expect(await h.prisma.personRole.findMany({ where: { personId: methodistId }, select: { role: true, municipalityId: true } })).toEqual([{ role: "METHODIST", municipalityId: null }]);

    // The same link again, by someone else: used.
    expect((await arrive(h.api.user(9003), code)).text).toContain("уже использовано");
    expect(await h.prisma.personRole.count({ where: { person: { telegramId: 9003n } } })).toBe(0);

    // An invitation past its 72 hours: expired.
    const late = await invite(coordinator, "Пригласить координатора");
    h.clock.advance(73 * 3600_000);
    expect((await arrive(h.api.user(9004), late)).text).toContain("Срок действия приглашения истёк");
    expect(await h.prisma.personRole.count({ where: { person: { telegramId: 9004n } } })).toBe(0);

    // An unknown code, from a person who already has a profile.
    coordinator.send("/start inv_nosuchcode123");
    expect((await coordinator.nextMessage()).text).toContain("Приглашение не найдено");

    const audit = await h.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.filter((a) => a.action === "invite.create")).toHaveLength(2);
    expect(audit.find((a) => a.action === "role.grant" && a.targetId === methodistId)?.details).toMatchObject({ role: "METHODIST", via: "invite" });
    expect(audit.find((a) => a.action === "role.grant" && (a.details as { via?: string }).via === "config")?.targetId).toBe(await personId(9001));
  });

  it("refuses coordinator actions from anyone else, even with a forged payload", async () => {
    const teacher = h.api.user(9006);
    const saved = await onboard(teacher);
    const coordinatorId = await personId(9001);
    const methodistId = await personId(9002);
    for (const data of ["adm:panel", `adm:rev:${coordinatorId}:coord`, `adm:asgm:${methodistId}:shilovsky`, "adm:inv:coord", "mt:list:0", `tc:${coordinatorId}`]) {
      expect((await teacher.answerTo(teacher.press(saved, data))).text, data).toBe(DENIED);
    }
    expect(await h.prisma.personRole.count({ where: { personId: coordinatorId, role: "COORDINATOR" } })).toBe(1);
    expect(await h.prisma.methodistAssignment.count()).toBe(0);
    expect(await h.prisma.invite.count({ where: { createdById: await personId(9006) } })).toBe(0);

    // The last coordinator cannot be revoked, even by themself.
    const coordinator = h.api.user(9001);
    const p = await panel(coordinator);
    await coordinator.answerTo(coordinator.press(p, `adm:rev:${coordinatorId}:coord`));
    expect((await coordinator.nextMessage()).text).toContain("последнего координатора");
  });

  it("assigns a municipality, warns above the cap, and shows the methodist only their teachers", async () => {
    const coordinator = h.api.user(9001);
    const methodistId = await personId(9002);
    const p = await panel(coordinator);
    await coordinator.answerTo(coordinator.press(p, `adm:asgm:${methodistId}:shilovsky`));
    // Two teachers in Шиловский: above the cap of 1 set for this test.
    const assigned = await coordinator.nextMessage();
    expect(assigned.text).toMatch(/Педагогов в нагрузке: 2 — это больше нормы в 1/);
    expect(await h.prisma.auditLog.count({ where: { action: "caseload.assign", targetId: methodistId } })).toBe(1);

    const outsider = h.api.user(9007);
    await onboard(outsider, { municipalitySearch: "Рязань", municipality: /Рязань/, organization: /Школа/ });
    const outsiderId = await personId(9007);

    // The methodist is told about the new caseload first.
    const methodist = h.api.user(9002);
    await h.app.scheduler.deliverSoon();
    const told = await methodist.nextMessage();
    expect(told.text).toBe("За вами закреплён муниципалитет Шиловский муниципальный район: его педагоги, в том числе новые, теперь в вашей нагрузке.\nПедагогов в нагрузке: 2.");
    methodist.send("/menu");
    const menu = await methodist.nextMessage();
    await methodist.answerTo(methodist.click(menu, "Мои педагоги"));
    const list = await methodist.nextMessage();
    expect(list.text).toContain("Мои педагоги: 2");
    expect(list.text).not.toContain("User9007");
    // A teacher outside the caseload: refused.
    expect((await methodist.answerTo(methodist.press(list, `tc:${outsiderId}`))).text).toBe(DENIED);
    expect((await methodist.answerTo(methodist.press(list, `tc:${outsiderId}:rec`))).text).toBe(DENIED);

    // The card of a teacher in the caseload, and a recommendation that reaches the teacher.
    const teacherId = await personId(9006);
    await methodist.answerTo(methodist.press(list, `tc:${teacherId}`));
    const card = await methodist.nextMessage();
    expect(card.text).toContain("Иванова Мария Петровна");
    expect(card.text).toContain("Диагностики пока нет");
    expect(buttons(card).map((b) => b.text)).toContain("Рекомендация");
    await methodist.answerTo(methodist.click(card, "Рекомендация"));
    expect((await methodist.nextMessage()).text).toContain("Напишите рекомендацию");
    methodist.send("Посмотрите вебинар о формирующем оценивании.");
    expect((await methodist.nextMessage()).text).toContain("Отправлено педагогу");
    const delivered = await h.api.user(9006).nextMessage();
    // The name stands in the nominative, the verb has no gender.
    expect(delivered.text).toContain("Методист Методистова Анна Петровна рекомендует:");
    expect(delivered.text).toContain("формирующем оценивании");
    expect(await h.prisma.recommendation.count({ where: { teacherId } })).toBe(1);
    // The delivery under way records the send when it ends.
    await h.app.scheduler.deliverSoon();
    expect(await h.prisma.outboxMessage.findFirst({ where: { personId: teacherId, kind: "recommendation" }, select: { status: true } })).toEqual({ status: "SENT" });
  });

  it("a municipal invitation puts the municipality into the caseload, and the methodist is told of every change", async () => {
    const s: SeedContext = { prisma: h.prisma, api: h.api, now: h.clock.now() };
    const kasimovTeacher = await seedPerson(s, { telegramId: 9021, fullName: "Касимовская Вера Ильинична", municipalityId: "kasimov", ageGroup: "UNDER_25", experienceYears: 1 });
    const coordinator = h.api.user(9001);
    const p = await panel(coordinator);
    await coordinator.answerTo(coordinator.click(p, "Пригласить методиста муниципалитета"));
    const places = await coordinator.nextMessage();
    await coordinator.answerTo(coordinator.press(places, "adm:invmun:kasimov"));
    const text = (await coordinator.nextMessage()).text!;
    expect(text).toContain("Касимов");
    const code = /start=inv_([A-Za-z0-9_-]+)/.exec(text)![1]!;

    const methodist = h.api.user(9020);
    const welcome = await arrive(methodist, code);
    expect(welcome.text).toContain("вы — методист, за вами закреплён муниципалитет городской округ город Касимов");
    expect(welcome.text).toContain("Педагогов в нагрузке: 1");
    const methodistId = await personId(9020);
    expect(await h.prisma.methodistAssignment.findMany({ where: { methodistId }, select: { scope: true, municipalityId: true } })).toEqual([{ scope: "MUNICIPALITY", municipalityId: "kasimov" }]);
    expect(await h.prisma.auditLog.count({ where: { action: "caseload.assign", targetId: methodistId } })).toBe(1);
    expect((await methodist.nextMessage()).text).toContain("Как вас зовут");
    methodist.send("Касимова Ирина Олеговна");
    await methodist.nextMessage();
    expect((await methodist.nextMessage()).text).toContain("В нагрузке 1 педагог.");
    methodist.send("/teachers");
    const list = await methodist.nextMessage();
    expect(list.text).toContain("Мои педагоги: 1");
    expect(list.text).toContain(kasimovTeacher.fullName);
    // The card speaks about the teacher, not to the methodist.
    await methodist.answerTo(methodist.press(list, `tc:${kasimovTeacher.id}`));
    const card = await methodist.nextMessage();
    expect(card.text).toContain("Молодой педагог (до 35 лет и первые три года работы).");
    expect(card.text).not.toContain("Вы —");

    // The coordinator adds Шиловский from the chat: the methodist is told.
    const staff = await panel(coordinator);
    await coordinator.answerTo(coordinator.press(staff, `adm:asgm:${methodistId}:shilovsky`));
    expect((await coordinator.nextMessage()).text).toContain("Закреплено: Шиловский");
    await h.app.scheduler.deliverSoon();
    const told = await methodist.nextMessage();
    expect(told.text).toContain("За вами закреплён муниципалитет Шиловский муниципальный район");
    expect(told.text).toMatch(/Педагогов в нагрузке: [3-9]/);
    expect(buttons(told).map((b) => b.text)).toEqual(["Мои педагоги"]);
    // Assigning the same municipality again changes nothing and tells nothing.
    await coordinator.answerTo(coordinator.press(staff, `adm:asgm:${methodistId}:shilovsky`));
    await coordinator.nextMessage();
    expect(await h.prisma.outboxMessage.count({ where: { personId: methodistId, kind: "caseload" } })).toBe(1);

    // The coordinator's caseload screen takes Касимов off: the methodist is told.
    const home = await panel(coordinator);
    await coordinator.answerTo(coordinator.click(home, "Методисты и координаторы"));
    const list2 = await coordinator.nextMessage();
    expect(buttons(list2).map((b) => b.callback_data)).toContain(`adm:cl:${methodistId}`);
    await coordinator.answerTo(coordinator.press(list2, `adm:cl:${methodistId}`));
    const screen = await coordinator.nextMessage();
    expect(screen.text).toContain("Касимова Ирина Олеговна. Педагогов в нагрузке:");
    expect(screen.text).toContain("• муниципалитет городской округ город Касимов");
    expect(screen.text).toContain("• муниципалитет Шиловский муниципальный район");
    const remove = buttons(screen).find((b) => b.text === "✕ городской округ город Касимов")!.callback_data!;
    await coordinator.answerTo(coordinator.press(screen, remove));
    const after = await coordinator.nextEdit();
    expect(after.message_id).toBe(screen.message_id);
    expect(after.text).toContain("Снято: городской округ город Касимов. Методист получит уведомление.");
    expect(after.text).not.toContain("• муниципалитет городской округ город Касимов");
    expect(await h.prisma.methodistAssignment.findMany({ where: { methodistId }, select: { municipalityId: true } })).toEqual([{ municipalityId: "shilovsky" }]);
    // One message a second per chat: the notice goes a second after the previous one.
    h.clock.advance(2_000);
    await h.app.scheduler.deliverSoon();
    expect((await methodist.nextMessage()).text).toMatch(/^Муниципалитет городской округ город Касимов больше не закреплён за вами\.\nПедагогов в нагрузке: \d+\.$/);
    // An old button pressed again removes nothing more and tells nothing more.
    await coordinator.answerTo(coordinator.press(screen, remove));
    expect((await coordinator.nextMessage()).text).toBe("Эта кнопка уже не действует");
    expect(await h.prisma.outboxMessage.count({ where: { personId: methodistId, kind: "caseload" } })).toBe(2);
  });

  it("lets everyone switch reminder kinds off and on", async () => {
    const teacher = h.api.user(9006);
    teacher.send("/settings");
    const settings = await teacher.nextMessage();
    expect(settings.text).toContain("с 22:00 до 8:00");
    await teacher.answerTo(teacher.click(settings, "🔔 Сроки маршрута"));
    // The settings message changes in place: no new message per toggle.
    const after = await teacher.nextEdit();
    expect(after.message_id).toBe(settings.message_id);
    expect(buttons(after).map((b) => b.text)).toContain("🔕 Сроки маршрута");
    expect((await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 9006n } })).mutedKinds).toEqual(["route"]);
    await teacher.answerTo(teacher.click(after, "🔔 Повторная диагностика"));
    expect(buttons(await teacher.nextEdit()).map((b) => b.text)).toEqual(expect.arrayContaining(["🔕 Сроки маршрута", "🔕 Повторная диагностика"]));
    expect(teacher.unread("message")).toHaveLength(0);
    expect((await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 9006n } })).mutedKinds).toEqual(["route", "repeat"]);
  });

  it("approves and comments on a teacher's route, and both reach the teacher; digest settings change", async () => {
    const s: SeedContext = { prisma: h.prisma, api: h.api, now: h.clock.now() };
    const teacher = await seedPerson(s, { telegramId: 9010, fullName: "Маршрутова Мария", municipalityId: "shilovsky", ageGroup: "FROM_35_TO_44", experienceYears: 10 });
    const attemptId = await seedCompletedAttempt(s, teacher.id, h.clock.now(), { subject: "DEFICIT", methodological: "DEVELOP" });
    const programme = await h.prisma.programme.findFirstOrThrow();
    await seedActiveRoute(s, teacher.id, { attemptId, confirmedAt: h.clock.now(), itemsDue: ["2027-01-15", "2026-11-20"], programmeId: programme.registryNumber });

    const methodist = h.api.user(9002);
    methodist.send("/teachers");
    const list = await methodist.nextMessage();
    await methodist.answerTo(methodist.press(list, `tc:${teacher.id}`));
    const card = await methodist.nextMessage();
    expect(card.text).toContain("Маршрут: выполнено 0\u00a0%");
    expect(card.text).toContain("стаж: 10 лет");
    expect(card.text).toMatch(/🔴 Предметные компетенции: 20/);
    // The route's items are on the card by due date, the overdue one marked, above «Одобрить маршрут».
    const title = programme.title.length > 70 ? `${programme.title.slice(0, 69)}…` : programme.title;
    expect(card.text).toContain(`2. ⏳ ${programme.kind === "RETRAINING" ? "Переподготовка" : "Программа ПК"}: «${title}» — в плане, срок 15.01.2027`);
    expect(card.text).toMatch(new RegExp(`1\\. ⏰ [^\\n]+: «[^\\n]+» — просрочен, срок был 20\\.11\\.2026`));

    await methodist.answerTo(methodist.click(card, "Одобрить маршрут"));
    expect((await methodist.nextMessage()).text).toContain("Маршрут одобрен");
    const after = await methodist.nextMessage();
    expect(after.text).toContain("Маршрут одобрен методистом");
    expect((await teacher.user.nextMessage()).text).toContain("Ваш маршрут одобрен. Методист: Методистова Анна Петровна. Успехов!");

    await methodist.answerTo(methodist.click(after, "Комментарий к маршруту"));
    await methodist.nextMessage();
    methodist.send("Добавьте стажировку весной.");
    expect((await methodist.nextMessage()).text).toContain("Отправлено педагогу");
    // A second message to the same chat within a second waits (one a second per chat); the next tick sends it.
    await h.app.scheduler.deliverSoon();
    h.clock.advance(60_000);
    await h.app.scheduler.tick();
    expect((await teacher.user.nextMessage()).text).toContain("Методист Методистова Анна Петровна комментирует ваш маршрут:\nДобавьте стажировку весной.");
    // The tick also brought the methodist's daily digest (their 08:00 has passed).
    const digest = await methodist.nextMessage();
    expect(digest.text).toContain("Сводка по вашим педагогам");
    expect(digest.text).toContain("подтвердили маршрут: 1");
    const route = await h.prisma.route.findFirstOrThrow({ where: { personId: teacher.id, status: "ACTIVE" } });
    expect(route).toMatchObject({ reviewComment: "Добавьте стажировку весной.", reviewedById: await personId(9002) });
    expect(route.reviewedAt).not.toBeNull();
    expect(await h.prisma.auditLog.count({ where: { action: { in: ["route.approve", "route.comment"] }, targetId: teacher.id } })).toBe(2);

    // Digest settings: the hour, the time zone and the empty-day choice.
    methodist.send("/teachers");
    const again = await methodist.nextMessage();
    await methodist.answerTo(methodist.click(again, "Настройки сводки"));
    const settings = await methodist.nextMessage();
    expect(settings.text).toContain("каждый день в 8:00 (Europe/Moscow)");
    // Every hour at once, one press chooses; each step changes the same message.
    await methodist.answerTo(methodist.click(settings, "Время: 8:00"));
    const hours = await methodist.nextEdit();
    expect(hours.message_id).toBe(settings.message_id);
    expect(hours.text).toContain("Сводка придёт ровно в выбранный час, даже раньше 8:00");
    expect(buttons(hours).map((b) => b.text)).toEqual(["6:00", "7:00", "✓ 8:00", "9:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00", "20:00", "21:00", "← Назад"]);
    await methodist.answerTo(methodist.click(hours, "6:00"));
    const six = await methodist.nextEdit();
    expect(six.text).toContain("каждый день в 6:00 (Europe/Moscow)");
    await methodist.answerTo(methodist.click(six, "Часовой пояс"));
    const zones = await methodist.nextEdit();
    expect(buttons(zones).map((b) => b.text)).toContain("✓ Moscow");
    await methodist.answerTo(methodist.click(zones, "Samara"));
    const samara = await methodist.nextEdit();
    expect(samara.text).toContain("каждый день в 6:00 (Europe/Samara)");
    await methodist.answerTo(methodist.click(samara, "Ничего не присылать в пустой день"));
    const last = await methodist.nextEdit();
    expect(last.text).toContain("Если за день ничего нового: сводка не придёт.");
    expect(buttons(last).map((b) => b.text)).toContain("Присылать одну строку в пустой день");
    expect(last.message_id).toBe(settings.message_id);
    expect(methodist.unread("message")).toHaveLength(0);
    // A forged hour that is not offered changes nothing.
    await methodist.answerTo(methodist.press(last, "mt:set:hour:3"));
    expect(await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 9002n }, select: { digestHour: true, timeZone: true, digestWhenEmpty: true } })).toEqual({ digestHour: 6, timeZone: "Europe/Samara", digestWhenEmpty: false });
  });
});
