// The coordinator's and methodists' own entry and panel (issue 12): staff who do not
// teach go consent → name → panel, /admin opens the panel at once; a methodist granted
// from the CLI is asked the name, and teachers read it (never an empty name); the deficit
// map lists every group in a fixed order and arrives whole in several messages; typed-in
// organizations are reviewed from the chat and the CLI, and their people told; recent
// broadcasts reopen their reports.
//
// One app per database; the tests run in file order, each with its own Telegram ids and
// its own municipalities.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/admin/cli.ts";
import type { CommandContext } from "../../src/admin/context.ts";
import { databaseTargets } from "../support/databases.ts";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { buttons, consent, onboardStaff } from "../support/journey.ts";
import { seedActiveRoute, seedCompletedAttempt, seedPerson, seedStaff, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();
const COORDINATOR = 840_001;
const DENIED = "Это действие вам недоступно";
const HOUR = 3_600_000;

describe.each(targets)("the coordinator's panel and staff onboarding on the $name database", (target) => {
  let h: Harness;
  let coordinator: FakeUser;

  beforeAll(async () => {
    h = await Harness.start(target, { ADMIN_TELEGRAM_IDS: String(COORDINATOR) });
    coordinator = h.api.user(COORDINATOR);
  });
  afterAll(async () => {
    await h?.close();
  });

  const seed = (): SeedContext => ({ prisma: h.prisma, api: h.api, now: h.clock.now() });

  /** `npm run cli -- …` as the running bot runs it for the command socket. */
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CommandContext = {
      db: h.app.db,
      config: h.app.deps.config,
      content: async () => h.app.deps.content,
      clock: h.clock,
      migrate: () => Promise.reject(new Error("not in this test")),
      outboxChanged: () => void h.app.scheduler.deliverSoon(),
      cwd: process.cwd(),
      out: (line) => void out.push(line),
      err: (line) => void err.push(line),
    };
    const code = await runCli(argv, ctx);
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  async function panel(): Promise<BotMessage> {
    coordinator.send("/admin");
    const p = await coordinator.nextMessage();
    expect(p.text).toContain("Раздел координатора ЦНППМ");
    return p;
  }

  it("an ADMIN_TELEGRAM_IDS coordinator goes consent → name → panel without the teacher's profile, and /admin opens the panel in one step", async () => {
    const first = await onboardStaff(coordinator, "Главная Ольга Ивановна");
    expect(first.text).toContain("Раздел координатора ЦНППМ");
    expect(buttons(first).map((b) => b.text)).toEqual(expect.arrayContaining(["Показатели", "Карта дефицитов", "Последние рассылки", "Профиль педагога (если вы ведёте уроки)"]));
    const stored = await h.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(COORDINATOR) } });
    expect(stored).toMatchObject({ fullName: "Главная Ольга Ивановна", profileCompletedAt: null });

    // /admin: the panel itself, not a screen with one «Координатор» button.
    const p = await panel();
    expect(buttons(p).map((b) => b.text)).not.toContain("Координатор");
    await coordinator.answerTo(coordinator.click(p, "Показатели"));
    expect((await coordinator.nextMessage()).text).toBe("За какой период?");
    // /start and /menu lead to the panel too.
    for (const command of ["/start", "/menu"]) {
      coordinator.send(command);
      expect((await coordinator.nextMessage()).text, command).toContain("Раздел координатора ЦНППМ");
    }
  });

  it("a methodist granted from the CLI without a name is asked it on the next visit, and teachers read it; an empty name never shows", async () => {
    // Consented, the profile form asking for the name; then the role comes from the CLI.
    const methodist = h.api.user(840_010);
    await consent(methodist);
    const granted = await cli("roles", "grant", "--telegram-id", "840010", "--role", "methodist");
    expect(granted.code, granted.err).toBe(0);
    expect(granted.out).toContain("No name yet");

    methodist.send("/start");
    expect((await methodist.nextMessage()).text).toContain("Как вас зовут");
    methodist.send("Петрова Анна Сергеевна");
    expect((await methodist.nextMessage()).text).toContain("Спасибо, Анна Сергеевна!");
    const home = await methodist.nextMessage();
    expect(home.text).toContain("Раздел методиста");
    expect((await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 840_010n } })).profileCompletedAt).toBeNull();

    // A teacher of the caseload reads the methodist's name.
    const s = seed();
    const teacher = await seedPerson(s, { telegramId: 840_011, fullName: "Учителева Ирина", municipalityId: "pronsky" });
    const attemptId = await seedCompletedAttempt(s, teacher.id, h.clock.now(), { subject: "DEFICIT" });
    const programme = await h.prisma.programme.findFirstOrThrow();
    await seedActiveRoute(s, teacher.id, { attemptId, confirmedAt: h.clock.now(), itemsDue: ["2027-01-15"], programmeId: programme.registryNumber });
    const methodistId = (await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 840_010n } })).id;
    await h.app.deps.caseloads.assign(methodistId, { scope: "PERSON", teacherId: teacher.id }, null, h.clock.now());
    await methodist.answerTo(methodist.press(home, `tc:${teacher.id}:ok`));
    expect((await methodist.nextMessage()).text).toContain("Маршрут одобрен");
    await methodist.nextMessage(); // the card again
    expect((await teacher.user.nextMessage()).text).toContain("Ваш маршрут одобрен. Методист: Петрова Анна Сергеевна.");

    // `--name` gives the name at once.
    await seedPerson(s, { telegramId: 840_012, fullName: "", profileCompleted: false });
    await h.prisma.person.update({ where: { telegramId: 840_012n }, data: { fullName: null } });
    const named = await cli("roles", "grant", "--telegram-id", "840012", "--role", "methodist", "--name", "Сидорова  Вера Павловна");
    expect(named.out).toContain("Granted methodist to Сидорова Вера Павловна");
    expect((await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 840_012n } })).fullName).toBe("Сидорова Вера Павловна");
    expect((await cli("roles", "grant", "--telegram-id", "840012", "--role", "methodist", "--name", "123")).code).toBe(1);

    // A methodist who never came to tell their name: the teacher reads a wording without it, not «методистом .».
    await seedPerson(s, { telegramId: 840_013, fullName: "", profileCompleted: false });
    await h.prisma.person.update({ where: { telegramId: 840_013n }, data: { fullName: null } });
    expect((await cli("roles", "grant", "--telegram-id", "840013", "--role", "methodist")).code).toBe(0);
    const nameless = (await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 840_013n } })).id;
    const teacher2 = await seedPerson(s, { telegramId: 840_014, fullName: "Учителев Пётр", municipalityId: "pronsky" });
    const attempt2 = await seedCompletedAttempt(s, teacher2.id, h.clock.now(), { subject: "DEFICIT" });
    await seedActiveRoute(s, teacher2.id, { attemptId: attempt2, confirmedAt: h.clock.now(), itemsDue: ["2027-01-15"], programmeId: programme.registryNumber });
    await h.app.deps.caseloads.assign(nameless, { scope: "PERSON", teacherId: teacher2.id }, null, h.clock.now());
    const stranger = h.api.user(840_013);
    stranger.send("/help");
    await stranger.answerTo(stranger.press(await stranger.nextMessage(), `tc:${teacher2.id}:ok`));
    const read = (await teacher2.user.nextMessage()).text!;
    expect(read).toContain("Ваш маршрут одобрен методистом ЦНППМ.");
    expect(read).not.toMatch(/методистом\s+\./);
  });

  it("the deficit map lists every group with a deficit, equal shares in the instrument's order", async () => {
    const s = seed();
    const at = new Date(h.clock.now().getTime() - HOUR);
    // Three people in Сараевский: subject 3 of 3, methodological 2 of 3, and psychological,
    // communicative and digital each 1 of 3 (a three-way tie at 33.3 %).
    const levels = [
      { digital: "DEFICIT", subject: "DEFICIT", methodological: "DEFICIT" },
      { communicative: "DEFICIT", subject: "DEFICIT", methodological: "DEFICIT" },
      { subject: "DEFICIT", psychological: "DEFICIT", digital: "DEVELOP" },
    ] as const;
    for (const [i, l] of levels.entries()) {
      const p = await seedStaff(s, { telegramId: 840_100 + i, fullName: `Картина Мария ${i}`, municipalityId: "saraevsky" });
      await seedCompletedAttempt(s, p.id, at, { ...l });
    }
    await coordinator.answerTo(coordinator.click(await panel(), "Карта дефицитов"));
    await coordinator.answerTo(coordinator.click(await coordinator.nextMessage(), "С начала года"));
    const map = await coordinator.nextMessage();
    const line = map.text!.split("\n").find((x) => x.startsWith("Сараевский"));
    expect(line).toBe("Сараевский муниципальный район (прошли диагностику: 3): Предметные 100\u00a0%; Методические 66,7\u00a0%; Психолого-педагогические 33,3\u00a0%; Коммуникативные 33,3\u00a0%; Цифровые 33,3\u00a0%");
    expect(map.text).toContain("Показаны все группы, где есть дефициты");
  });

  it("a region with 30 municipalities gets the whole deficit map in several messages, no line lost", async () => {
    const s = seed();
    const at = new Date(h.clock.now().getTime() - HOUR);
    const names: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = `test-mun-${i}`;
      const name = `Тестовый муниципальный округ № ${String(i + 1).padStart(2, "0")} с очень длинным названием для проверки разбиения`;
      names.push(name);
      await h.prisma.municipality.create({ data: { id, name, sortOrder: 100 + i } });
      const p = await seedStaff(s, { telegramId: 840_200 + i, fullName: `Длинная Анна ${i}`, municipalityId: id });
      await seedCompletedAttempt(s, p.id, at, { subject: "DEFICIT", methodological: "DEFICIT", psychological: "DEFICIT", communicative: "DEFICIT", digital: "DEFICIT" });
    }
    await coordinator.answerTo(coordinator.click(await panel(), "Карта дефицитов"));
    await coordinator.answerTo(coordinator.click(await coordinator.nextMessage(), "С начала года"));
    const parts: string[] = [];
    for (let n = 0; n < 10 && !parts.at(-1)?.includes("Показаны все группы"); n++) parts.push((await coordinator.nextMessage()).text!);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts[0]!.startsWith("Карта дефицитов за период")).toBe(true);
    const lines = parts.join("\n").split("\n");
    for (const name of names) {
      const found = lines.filter((l) => l.startsWith(name));
      expect(found, name).toEqual([`${name} (прошли диагностику: 1): Предметные 100\u00a0%; Методические 100\u00a0%; Психолого-педагогические 100\u00a0%; Коммуникативные 100\u00a0%; Цифровые 100\u00a0%`]);
    }
  });

  it("lists typed-in organizations, adds or merges them from the chat and the CLI, and tells the people", async () => {
    const s = seed();
    const typed = async (telegramId: number, municipalityId: string, organization: string) => {
      const p = await seedPerson(s, { telegramId, fullName: `Вписавшая Ирина ${telegramId}`, municipalityId });
      await h.prisma.person.update({ where: { id: p.id }, data: { organizationOther: organization } });
      return p;
    };
    const lyceum = await typed(840_300, "kasimov", "Лицей «Будущее»");
    const lyceumToo = await typed(840_301, "kasimov", "лицей  будущее");
    const gymnasium = await typed(840_302, "kasimov", "СШ 1 Касимов");
    const college = await typed(840_303, "ryazan", "Колледж искусств");
    const school = await typed(840_304, "ryazan", "Школа на Садовой");

    // In the chat: the list, then add one (with its namesake) and merge another.
    const p = await panel();
    await coordinator.answerTo(coordinator.click(p, "Организации на проверке: 5"));
    const list = await coordinator.nextMessage();
    expect(list.text).toContain("На проверке 5 организаций");
    expect(list.text).toContain("1. «Лицей «Будущее»» — городской округ город Касимов");
    await coordinator.answerTo(coordinator.click(list, /Лицей «Будущее»/));
    const entry = await coordinator.nextMessage();
    await coordinator.answerTo(coordinator.click(entry, "Добавить в справочник"));
    const types = await coordinator.nextMessage();
    await coordinator.answerTo(coordinator.click(types, "Школа"));
    expect((await coordinator.nextMessage()).text).toContain("добавлена в справочник. Профилей обновлено: 2");
    const added = await h.prisma.organization.findFirstOrThrow({ where: { name: "Лицей «Будущее»" } });
    expect(added).toMatchObject({ municipalityId: "kasimov", type: "SCHOOL" });
    for (const who of [lyceum, lyceumToo]) {
      expect(await h.prisma.person.findUniqueOrThrow({ where: { id: who.id }, select: { organizationId: true, organizationOther: true } })).toEqual({ organizationId: added.id, organizationOther: null });
      expect((await who.user.nextMessage()).text).toContain("«Лицей «Будущее»» добавлена в справочник и указана в вашем профиле");
    }

    await coordinator.answerTo(coordinator.click(p, /Организации на проверке/));
    const list2 = await coordinator.nextMessage();
    expect(list2.text).toContain("На проверке 3 организации");
    await coordinator.answerTo(coordinator.click(list2, /СШ 1 Касимов/));
    await coordinator.answerTo(coordinator.click(await coordinator.nextMessage(), "Уже есть в справочнике…"));
    const pick = await coordinator.nextMessage();
    await coordinator.answerTo(coordinator.click(pick, "МБОУ «СШ № 1 г. Касимова»"));
    expect((await coordinator.nextMessage()).text).toContain("теперь указывает на «МБОУ «СШ № 1 г. Касимова»»");
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: gymnasium.id } })).organizationId).toBe("kasimov-sch-1");
    expect((await gymnasium.user.nextMessage()).text).toContain("в справочнике она называется «МБОУ «СШ № 1 г. Касимова»»");
    // The same entry again (an old button): resolved already.
    await coordinator.answerTo(coordinator.click(pick, "МБОУ «СШ № 1 г. Касимова»"));
    expect((await coordinator.nextMessage()).text).toBe("Эта запись уже разобрана.");

    // From the CLI (through the running bot's handle): the list, add with a type, merge.
    const pending = await cli("organizations", "pending");
    expect(pending.out).toContain(`${college.id}\tКолледж искусств\tryazan`);
    expect(pending.out).toContain(`${school.id}\tШкола на Садовой\tryazan`);
    expect(pending.out).not.toContain("Лицей");
    const addOut = await cli("organizations", "add", String(college.id), "--type", "college");
    expect(addOut.code, addOut.err).toBe(0);
    const collegeOrg = await h.prisma.organization.findFirstOrThrow({ where: { name: "Колледж искусств" } });
    expect(collegeOrg).toMatchObject({ municipalityId: "ryazan", type: "COLLEGE" });
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: college.id } })).organizationId).toBe(collegeOrg.id);
    expect((await college.user.nextMessage()).text).toContain("«Колледж искусств» добавлена в справочник");

    const ryazanSchool = await h.prisma.organization.findFirstOrThrow({ where: { municipalityId: "ryazan", type: "SCHOOL" } });
    expect((await cli("organizations", "merge", String(school.id), "--into", "no-such-org")).code).toBe(1);
    const merged = await cli("organizations", "merge", String(school.id), "--into", ryazanSchool.id);
    expect(merged.code, merged.err).toBe(0);
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: school.id } })).organizationId).toBe(ryazanSchool.id);
    expect((await school.user.nextMessage()).text).toContain(`в справочнике она называется «${ryazanSchool.name}»`);
    expect((await cli("organizations", "pending")).out).toContain("Nothing is waiting for review.");
    expect(await h.prisma.auditLog.count({ where: { action: { in: ["organization.add", "organization.merge"] } } })).toBe(4);

    // Nobody else may resolve entries.
    const teacher = h.api.user(lyceum.telegramId);
    teacher.send("/help");
    expect((await teacher.answerTo(teacher.press(await teacher.nextMessage(), "adm:orgs"))).text).toBe(DENIED);
  });

  it("the list of recent broadcasts reopens each report; a methodist sees only their own", async () => {
    const s = seed();
    const coordinatorId = (await h.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(COORDINATOR) } })).id;
    const methodistId = (await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 840_010n } })).id;
    await seedPerson(s, { telegramId: 840_400, fullName: "Получатель Павел", municipalityId: "pronsky" });
    const centre = await h.app.deps.broadcasts.send(coordinatorId, "Сообщение от регионального центра (ЦНППМ):\n\nСеминар по цифровым инструментам", { municipalityId: "pronsky" }, undefined, h.clock.now());
    h.clock.advance(60_000);
    const own = await h.app.deps.broadcasts.send(methodistId, "Сообщение от методиста Петрова Анна Сергеевна:\n\nВстреча в четверг", {}, methodistId, h.clock.now());
    expect(centre.recipients).toBeGreaterThan(0);

    const p = await panel();
    await coordinator.answerTo(coordinator.click(p, "Последние рассылки"));
    const list = await coordinator.nextMessage();
    expect(list.text).toMatch(/1\. .* · 1 получатель · Встреча в четверг/);
    expect(list.text).toMatch(/2\. .* · \d+ получател.* · Семинар по цифровым инструментам/);
    await coordinator.answerTo(coordinator.click(list, "2"));
    const report = await coordinator.nextMessage();
    expect(report.text).toContain(`Отчёт о рассылке (получателей: ${centre.recipients})`);

    // The methodist: only their own, and not the centre's report.
    const methodist = h.api.user(840_010);
    methodist.send("/menu");
    const home = await methodist.nextMessage();
    expect(home.text).toContain("Раздел методиста");
    await methodist.answerTo(methodist.click(home, "Последние рассылки"));
    const mine = await methodist.nextMessage();
    expect(mine.text).toContain("Встреча в четверг");
    expect(mine.text).not.toContain("Семинар");
    expect(buttons(mine).map((b) => b.callback_data)).toEqual([`bcr:${own.id}`]);
    await methodist.answerTo(methodist.click(mine, "1"));
    expect((await methodist.nextMessage()).text).toContain("Отчёт о рассылке (получателей: 1)");
    expect((await methodist.answerTo(methodist.press(mine, `bcr:${centre.id}`))).text).toBe(DENIED);
    // A teacher: no list at all.
    const teacher = h.api.user(840_400);
    teacher.send("/help");
    expect((await teacher.answerTo(teacher.press(await teacher.nextMessage(), "bcl"))).text).toBe(DENIED);
  });

  it("/cancel leaves the staff name form, and the name is asked again on the next visit", async () => {
    const methodist = h.api.user(840_500);
    await consent(methodist);
    expect((await cli("roles", "grant", "--telegram-id", "840500", "--role", "methodist")).code).toBe(0);
    methodist.send("/start");
    expect((await methodist.nextMessage()).text).toContain("Как вас зовут");
    methodist.send("/cancel");
    expect((await methodist.nextMessage()).text).toBe("Хорошо, имя можно указать позже: я спрошу его при следующем входе.");
    methodist.send("/start");
    expect((await methodist.nextMessage()).text).toContain("Как вас зовут");
    methodist.send("Отменова Лидия Павловна");
    expect((await methodist.nextMessage()).text).toContain("Спасибо, Лидия Павловна!");
    expect((await h.prisma.person.findUniqueOrThrow({ where: { telegramId: 840_500n } })).fullName).toBe("Отменова Лидия Павловна");
  });
});
