// The regional coordinator's reports and broadcasts: indicator arithmetic on a
// seeded region with known answers, the panel's reports in the chat (chart, summary,
// workbook, deficit map, programme gap, recommendations), segments of recipients,
// and broadcasts through the fake Bot API (a recipient who blocked the bot, the
// delivery report, refused forged presses, a methodist limited to the caseload).
//
// One app per database; the tests run in file order and share its data: each one
// owns its Telegram ids and municipalities, and the reports' assertions are about
// the units seeded here (region totals are computed from the database).
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorCode, IndicatorValue, UnitIndicators } from "../../src/core/indicators.ts";
import { segmentCondition, type Segment } from "../../src/repositories/broadcasts.ts";
import { periodOf } from "../../src/services/reports.ts";
import { databaseTargets } from "../support/databases.ts";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { buttons, onboard, onboardStaff } from "../support/journey.ts";
import { seedActiveRoute, seedCompletedAttempt, seedMentorProfile, seedMethodist, seedPerson, seedStaff, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();

/** Presses a report of the coordinator's panel and picks "this year so far". */
async function openReport(coordinator: FakeUser, panel: BotMessage, label: string): Promise<void> {
  await coordinator.answerTo(coordinator.click(panel, label));
  const ask = await coordinator.nextMessage();
  expect(ask.text).toBe("За какой период?");
  await coordinator.answerTo(coordinator.click(ask, "С начала года"));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DENIED = "Это действие вам недоступно";
const CENTRE_HEADER = "Сообщение от регионального центра (ЦНППМ):";
const COORDINATOR = 830_001;
/** The organization with known staff numbers (10 teachers, 2 managers) and its municipality. */
const ORG = "kasimov-sch-1";
const MUNICIPALITY = "kasimov";

const callbackData = (m: BotMessage): string[] => buttons(m).map((b) => b.callback_data ?? "");
/** A share as the bot writes it in Russian: a decimal comma and a no-break space before «%». */
const pct = (x: number) => `${String(Math.round(x * 1000) / 10).replace(".", ",")}\u00a0%`;

describe.each(targets)("coordinator's reports and broadcasts on the $name database", (target) => {
  let h: Harness;
  let coordinator: FakeUser;

  beforeAll(async () => {
    h = await Harness.start(target, { ADMIN_TELEGRAM_IDS: String(COORDINATOR) });
    // The coordinator comes through the chat: consent and a name, no teacher's profile.
    coordinator = h.api.user(COORDINATOR);
    expect((await onboardStaff(coordinator)).text).toContain("Раздел координатора ЦНППМ");
  });
  afterAll(async () => {
    await h?.close();
  });

  const seed = (): SeedContext => ({ prisma: h.prisma, api: h.api, now: h.clock.now() });
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
  const nameOf = async (municipalityId: string) => (await h.prisma.municipality.findUniqueOrThrow({ where: { id: municipalityId } })).name;

  function unitOf(units: UnitIndicators[], level: UnitIndicators["level"], id: string): Record<IndicatorCode, IndicatorValue> {
    const u = units.find((x) => x.level === level && x.id === id);
    if (!u) throw new Error(`no ${level} ${id} among the indicators`);
    return u.values;
  }

  /** Opens the coordinator's panel: /admin opens it at once. */
  async function panel(): Promise<BotMessage> {
    coordinator.send("/admin");
    const p = await coordinator.nextMessage();
    expect(p.text).toContain("Раздел координатора ЦНППМ");
    return p;
  }

  /** Sends everything due; messages postponed by the per-chat limit go after the clock moves on. */
  async function deliverAll(): Promise<void> {
    await h.app.scheduler.deliverSoon();
    for (let round = 0; round < 5 && (await h.prisma.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] }, dueAt: { lte: new Date(h.clock.now().getTime() + 5_000) } } })) > 0; round++) {
      h.clock.advance(1_100);
      await h.app.scheduler.tick();
    }
  }

  it("computes the indicators of an organization, its municipality and the region from known facts", async () => {
    const s = seed();
    const now = s.now;
    const period = periodOf(now);
    expect(period).toEqual({ from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-11-24T00:00:00Z") });
    const inPeriod = new Date(now.getTime() - HOUR);
    await h.prisma.organization.update({ where: { id: ORG }, data: { teachersCount: 10, managersCount: 2 } });
    const subjectProgramme = await h.prisma.programme.findFirstOrThrow({ where: { competencies: { has: "subject" }, NOT: { competencies: { has: "quality" } } }, orderBy: { registryNumber: "asc" } });
    const qualityProgramme = await h.prisma.programme.findFirstOrThrow({ where: { competencies: { has: "quality" } }, orderBy: { registryNumber: "asc" } });
    const at = { municipalityId: MUNICIPALITY, organizationId: ORG };

    // A teacher: diagnosed, a confirmed route, a register programme done in the period.
    const t1 = await seedStaff(s, { telegramId: 830_101, fullName: "Андреева Анна", ...at });
    const a1 = await seedCompletedAttempt(s, t1.id, new Date(now.getTime() - 5 * DAY), { subject: "DEFICIT", methodological: "DEVELOP" });
    const r1 = await seedActiveRoute(s, t1.id, { attemptId: a1, confirmedAt: new Date(now.getTime() - 4 * DAY), itemsDue: ["2026-12-01", "2027-02-01"], programmeId: subjectProgramme.registryNumber });
    await h.prisma.routeItem.update({ where: { id: r1.itemIds[0]! }, data: { status: "DONE", doneAt: inPeriod } });
    // A teacher: diagnosed, no route.
    const t2 = await seedStaff(s, { telegramId: 830_102, fullName: "Борисова Бэлла", ...at });
    await seedCompletedAttempt(s, t2.id, inPeriod, { subject: "DEFICIT", digital: "DEFICIT", communicative: "CONFIDENT" });
    // A manager: diagnosed, a route whose quality-management programme is done in the period.
    const m1 = await seedStaff(s, { telegramId: 830_103, fullName: "Власов Виктор", position: "HEAD", ...at });
    const am = await seedCompletedAttempt(s, m1.id, new Date(now.getTime() - 3 * DAY), { quality: "DEFICIT", management: "DEVELOP" });
    const rm = await seedActiveRoute(s, m1.id, { attemptId: am, confirmedAt: new Date(now.getTime() - 2 * DAY), itemsDue: ["2026-12-15"], programmeId: qualityProgramme.registryNumber });
    await h.prisma.routeItem.update({ where: { id: rm.itemIds[0]! }, data: { status: "DONE", doneAt: inPeriod } });
    // Two young teachers: one with a mentor, one without; the second was diagnosed just before the period.
    const y1 = await seedStaff(s, { telegramId: 830_104, fullName: "Гусева Галина", ageGroup: "UNDER_25", experienceYears: 0, ...at });
    const y2 = await seedStaff(s, { telegramId: 830_105, fullName: "Данилова Дарья", ageGroup: "UNDER_25", experienceYears: 0, ...at });
    await seedCompletedAttempt(s, y2.id, new Date("2025-12-31T23:00:00Z"), { subject: "DEFICIT" });
    const mentor = await seedStaff(s, { telegramId: 830_106, fullName: "Ершова Елена", municipalityId: "ryazan", ageGroup: "FROM_45_TO_54", experienceYears: 25 });
    await seedMentorProfile(s, mentor.id);
    expect(await h.app.deps.mentoring.pairByHand(mentor.id, y1.id, "YOUNG_SPECIALIST", [], null, now)).toEqual(expect.any(Number));

    const before = await h.app.deps.reports.indicators(period);
    const org = unitOf(before.units, "organization", ORG);
    expect(org[1]).toEqual({ staff: { numerator: 3, denominator: 12, share: 0.25 }, registered: { numerator: 3, denominator: 5, share: 0.6 }, met: null });
    expect(org[2]).toEqual({ staff: { numerator: 2, denominator: 12, share: 2 / 12 }, registered: { numerator: 2, denominator: 5, share: 0.4 }, met: null });
    expect(org[3]).toEqual({ staff: { numerator: 1, denominator: 10, share: 0.1 }, registered: { numerator: 1, denominator: 4, share: 0.25 }, met: false });
    expect(org[4]).toEqual({ staff: { numerator: 1, denominator: 2, share: 0.5 }, registered: { numerator: 1, denominator: 1, share: 1 }, met: true });
    expect(org[5]).toEqual({ staff: { numerator: 1, denominator: null, share: null }, registered: { numerator: 1, denominator: 2, share: 0.5 }, met: false });
    expect(org[7]).toMatchObject({ value: null, met: null });

    // The municipality: the same people (nobody else is registered there), its organizations' staff.
    const places = await h.prisma.organization.findMany({ where: { municipalityId: MUNICIPALITY } });
    expect(places.every((o) => o.teachersCount !== null && o.managersCount !== null)).toBe(true);
    const munTeachers = places.reduce((n, o) => n + o.teachersCount!, 0);
    const munStaff = munTeachers + places.reduce((n, o) => n + o.managersCount!, 0);
    const mun = unitOf(before.units, "municipality", MUNICIPALITY);
    expect(mun[1].registered).toEqual({ numerator: 3, denominator: 5, share: 0.6 });
    expect(mun[1].staff).toEqual({ numerator: 3, denominator: munStaff, share: 3 / munStaff });
    expect(mun[2].registered).toEqual({ numerator: 2, denominator: 5, share: 0.4 });
    expect(mun[3].registered).toEqual({ numerator: 1, denominator: 4, share: 0.25 });
    expect(mun[3].staff).toEqual({ numerator: 1, denominator: munTeachers, share: 1 / munTeachers });
    expect(mun[4].registered).toEqual({ numerator: 1, denominator: 1, share: 1 });
    expect(mun[5].registered).toEqual({ numerator: 1, denominator: 2, share: 0.5 });
    expect(before.names[ORG]).toBe("МБОУ «СШ № 1 г. Касимова»");
    expect(before.municipalityOf[ORG]).toBe(await nameOf(MUNICIPALITY));

    // The region: everyone with a profile, against the staff of every organization.
    const registered = await h.prisma.person.count({ where: { profileCompletedAt: { not: null } } });
    const diagnosed = await h.prisma.person.count({ where: { profileCompletedAt: { not: null }, attempts: { some: { status: "COMPLETED", completedAt: { gte: period.from, lt: period.to } } } } });
    const all = await h.prisma.organization.findMany();
    const regionStaff = all.reduce((n, o) => n + o.teachersCount! + o.managersCount!, 0);
    const region = unitOf(before.units, "region", "62");
    expect(region[1].registered).toEqual({ numerator: diagnosed, denominator: registered, share: diagnosed / registered });
    expect(region[1].staff).toEqual({ numerator: diagnosed, denominator: regionStaff, share: diagnosed / regionStaff });
    expect(before.names["62"]).toBe("Рязанская область");

    // A person outside the directory: the region counts them, no organization or municipality does.
    const outside = await seedStaff(s, { telegramId: 830_107, fullName: "Жуков Жан", municipalityId: null, organizationId: null });
    await seedCompletedAttempt(s, outside.id, inPeriod, { subject: "DEVELOP" });
    const after = await h.app.deps.reports.indicators(period);
    expect(unitOf(after.units, "region", "62")[1].registered).toEqual({ numerator: diagnosed + 1, denominator: registered + 1, share: (diagnosed + 1) / (registered + 1) });
    expect(after.units.filter((u) => u.level !== "region")).toEqual(before.units.filter((u) => u.level !== "region"));

    // Unknown staff numbers: no staff share for the organization, its municipality and the region.
    const unknown = "spassky-sch-2";
    const saved = await h.prisma.organization.findUniqueOrThrow({ where: { id: unknown } });
    await h.prisma.organization.update({ where: { id: unknown }, data: { teachersCount: null } });
    try {
      const z = await seedStaff(s, { telegramId: 830_108, fullName: "Зайцева Зоя", municipalityId: "spassky", organizationId: unknown });
      await seedCompletedAttempt(s, z.id, inPeriod, { subject: "DEVELOP" });
      const unknowns = await h.app.deps.reports.indicators(period);
      const u = unitOf(unknowns.units, "organization", unknown);
      expect(u[1]).toEqual({ staff: { numerator: 1, denominator: null, share: null }, registered: { numerator: 1, denominator: 1, share: 1 }, met: null });
      expect(u[3].staff).toEqual({ numerator: 0, denominator: null, share: null });
      expect(u[4].staff).toEqual({ numerator: 0, denominator: saved.managersCount, share: 0 });
      expect(unitOf(unknowns.units, "municipality", "spassky")[1].staff.share).toBeNull();
      expect(unitOf(unknowns.units, "region", "62")[1].staff).toEqual({ numerator: diagnosed + 2, denominator: null, share: null });
      // The other organizations keep their shares.
      expect(unitOf(unknowns.units, "organization", ORG)[1].staff.share).toBe(0.25);
    } finally {
      await h.prisma.organization.update({ where: { id: unknown }, data: { teachersCount: saved.teachersCount } });
    }
  });

  it("answers the panel's reports in the chat: chart, summary, workbook, deficit map, gap and recommendations", async () => {
    const p = await panel();
    await openReport(coordinator, p, "Показатели");
    const chart = await coordinator.nextMessage();
    expect(chart.photo).toBeDefined();
    expect([...chart.file!.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const summary = await coordinator.nextMessage();
    expect(summary.text!.startsWith("Показатели эффективности за период 01.01.2026 – 23.11.2026")).toBe(true);
    const report = await h.app.deps.reports.indicators(periodOf(h.clock.now()));
    const region = unitOf(report.units, "region", "62")[1];
    expect(summary.text).toContain(
      `1. Доля педагогов и руководителей, прошедших диагностику профессиональных дефицитов: по штату ${pct(region.staff.share!)} (${region.staff.numerator} / ${region.staff.denominator}); из зарегистрированных в боте ${pct(region.registered.share!)} (${region.registered.numerator} / ${region.registered.denominator})`,
    );

    const document = await coordinator.nextMessage();
    expect(document.caption).toContain("Показатели по региону, муниципалитетам и организациям");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(document.file!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Регион", "Муниципалитеты", "Организации", "Пояснения"]);
    const sheet = book.getWorksheet("Организации")!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === "МБОУ «СШ № 1 г. Касимова»") row = r;
    });
    expect(row, "the organization's row").toBeDefined();
    expect(row!.getCell(2).value).toBe(await nameOf(MUNICIPALITY));
    // Indicator 1: number, staff, share by staff (a formula), registered, share of registered.
    expect([row!.getCell(3).value, row!.getCell(4).value, row!.getCell(6).value]).toEqual([3, 12, 5]);
    expect(row!.getCell(5).value).toEqual({ formula: `IF(D${row!.number}>0,C${row!.number}/D${row!.number},"")`, result: 0.25 });
    expect((row!.getCell(7).value as { result: number }).result).toBe(0.6);
    const regionSheet = book.getWorksheet("Регион")!;
    expect(regionSheet.getRow(7).getCell(1).value).toBe("Рязанская область");
    // The region's sheet has no municipality column: indicator 1 starts in column B.
    expect([regionSheet.getRow(7).getCell(2).value, regionSheet.getRow(7).getCell(3).value]).toEqual([region.staff.numerator, region.staff.denominator]);

    const kasimov = await nameOf(MUNICIPALITY);
    await openReport(coordinator, p, "Карта дефицитов");
    const map = (await coordinator.nextMessage()).text!;
    expect(map.startsWith("Карта дефицитов за период 01.01.2026 – 23.11.2026")).toBe(true);
    // Three diagnosed now (two with a subject deficit); one before the period, with a subject deficit.
    const line = map.split("\n").find((l) => l.startsWith(`${kasimov} `));
    expect(line, map).toBeDefined();
    // Subject first (2 of 3); digital and quality tie at 1 of 3, after the previous period's 0 of 1.
    expect(line!.startsWith(`${kasimov} (прошли диагностику: 3): Предметные 66,7\u00a0% (−33,3); `)).toBe(true);
    expect(line!.split("; ").sort()).toEqual([`${kasimov} (прошли диагностику: 3): Предметные 66,7\u00a0% (−33,3)`, "Качество 33,3\u00a0% (+33,3)", "Цифровые 33,3\u00a0% (+33,3)"].sort());

    await openReport(coordinator, p, "Дефицит программ");
    const gap = (await coordinator.nextMessage()).text!;
    expect(gap.startsWith("Дефицит программ за период 01.01.2026 – 23.11.2026")).toBe(true);
    expect(gap).toMatch(/^• Предметные: дефицитов: 2; программ: \d+, мероприятий: \d+; маршрутов без подходящих программ: 0$/m);
    expect(gap).toMatch(/^• Качество: дефицитов: 1; /m);
    expect(gap).not.toContain("• Методические");

    await openReport(coordinator, p, "Рекомендации");
    const recs = (await coordinator.nextMessage()).text!;
    expect(recs.startsWith("Адресные рекомендации за период 01.01.2026 – 23.11.2026")).toBe(true);
    const lines = recs.split("\n");
    const at = lines.indexOf(`${kasimov} (прошли диагностику: 3):`);
    expect(at, recs).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {2}• Предметные — 66,7\u00a0%: .+№ \d+/);
  });

  it("resolves segments: role, municipality, young, latest deficit, and a methodist's caseload", async () => {
    const s = seed();
    const now = s.now;
    const a = await seedPerson(s, { telegramId: 830_201, fullName: "Смирнова Алла", municipalityId: "skopin", ageGroup: "UNDER_25", experienceYears: 1 });
    await seedCompletedAttempt(s, a.id, new Date(now.getTime() - HOUR), { subject: "DEFICIT" });
    // The deficit was overcome: the latest diagnostic no longer shows it.
    const b = await seedPerson(s, { telegramId: 830_202, fullName: "Соколов Борис", municipalityId: "skopin" });
    await seedCompletedAttempt(s, b.id, new Date(now.getTime() - 40 * DAY), { subject: "DEFICIT" });
    await seedCompletedAttempt(s, b.id, new Date(now.getTime() - 2 * HOUR), { subject: "DEVELOP" });
    const c = await seedStaff(s, { telegramId: 830_203, fullName: "Сидорова Вера", municipalityId: "skopin", position: "DEPUTY" });
    const g = await seedPerson(s, { telegramId: 830_204, fullName: "Степанов Глеб", municipalityId: "skopin", profileCompleted: false });
    const d = await seedPerson(s, { telegramId: 830_211, fullName: "Петрова Дина", municipalityId: "sasovo", ageGroup: "FROM_30_TO_34", experienceYears: 2 });
    const e = await seedPerson(s, { telegramId: 830_212, fullName: "Павлов Егор", municipalityId: "sasovo", ageGroup: "FROM_30_TO_34", experienceYears: 3 });
    const f = await seedPerson(s, { telegramId: 830_213, fullName: "Полякова Фаина", municipalityId: "sasovo", ageGroup: "FROM_45_TO_54" });
    await seedCompletedAttempt(s, f.id, new Date(now.getTime() - HOUR), { subject: "DEFICIT" });
    // The deficit appeared in the latest diagnostic.
    const k = await seedPerson(s, { telegramId: 830_214, fullName: "Пономарёва Ксения", municipalityId: "sasovo" });
    await seedCompletedAttempt(s, k.id, new Date(now.getTime() - 40 * DAY), { subject: "DEVELOP" });
    await seedCompletedAttempt(s, k.id, new Date(now.getTime() - HOUR), { subject: "DEFICIT" });
    const methodist = await seedMethodist(s, { telegramId: 830_221, fullName: "Скопина Марина", municipalityId: "skopin", assigned: ["skopin"] });
    // The segment's own SQL condition, and the count the preview shows, must agree.
    const recipients = async (segment: Segment, methodistId?: number) => {
      const rows = await h.prisma.$queryRaw<{ id: number }[]>`SELECT p."id" FROM "Person" p WHERE ${segmentCondition(segment, methodistId)} ORDER BY p."id"`;
      expect(await h.app.deps.broadcasts.count(segment, methodistId)).toBe(rows.length);
      return rows.map((r) => r.id);
    };

    const teachers = await recipients({ role: "teacher" });
    expect(teachers).toEqual(expect.arrayContaining([a.id, b.id, d.id, e.id, f.id, k.id]));
    expect(teachers).not.toContain(c.id);
    expect(teachers).not.toContain(g.id); // no finished profile
    const managers = await recipients({ role: "manager" });
    expect(managers).toContain(c.id);
    expect(managers.filter((id) => [a.id, b.id, d.id, e.id, f.id, k.id, g.id].includes(id))).toEqual([]);

    expect(await recipients({ municipalityId: "sasovo" })).toEqual([d.id, e.id, f.id, k.id]);
    expect(await recipients({ role: "teacher", municipalityId: "skopin" })).toEqual([a.id, b.id, methodist.id]);
    expect(await recipients({ role: "manager", municipalityId: "skopin" })).toEqual([c.id]);

    // Young: under 35 and fewer than three years of work.
    expect(await recipients({ young: true, municipalityId: "sasovo" })).toEqual([d.id]);
    const young = await recipients({ young: true });
    expect(young).toEqual(expect.arrayContaining([a.id, d.id]));
    expect(young).not.toContain(e.id);
    expect(young).not.toContain(b.id);

    // A deficit in the latest finished diagnostic.
    expect(await recipients({ deficit: "subject", municipalityId: "skopin" })).toEqual([a.id]);
    expect(await recipients({ deficit: "subject", municipalityId: "sasovo" })).toEqual([f.id, k.id]);
    expect(await recipients({ deficit: "digital", municipalityId: "sasovo" })).toEqual([]);

    // A methodist reaches only the caseload: finished profiles in the assigned municipality, not themself.
    expect(await recipients({}, methodist.id)).toEqual([a.id, b.id, c.id]);
    expect(await recipients({ young: true }, methodist.id)).toEqual([a.id]);
    expect(await recipients({ deficit: "subject" }, methodist.id)).toEqual([a.id]);
    expect(await recipients({ role: "manager" }, methodist.id)).toEqual([c.id]);
    expect(await recipients({ municipalityId: "sasovo" }, methodist.id)).toEqual([]);
    // A methodist without assignments reaches nobody.
    const idle = await seedMethodist(s, { telegramId: 830_222, fullName: "Безработная Нина", assigned: [] });
    expect(await recipients({}, idle.id)).toEqual([]);
  });

  it("broadcasts to a municipality through the chat, reports the delivery with a blocked recipient, and refuses teachers", async () => {
    h.clock.advance(HOUR);
    const s = seed();
    const recipients = [
      await seedPerson(s, { telegramId: 830_301, fullName: "Пронина Ольга", municipalityId: "pronsky" }),
      await seedPerson(s, { telegramId: 830_302, fullName: "Прохоров Павел", municipalityId: "pronsky" }),
      await seedPerson(s, { telegramId: 830_303, fullName: "Пряхина Рита", municipalityId: "pronsky" }),
    ];
    const elsewhere = await seedPerson(s, { telegramId: 830_304, fullName: "Шацкая Светлана", municipalityId: "shatsky" });
    const text = "Приглашаем на региональный семинар по функциональной грамотности 5 декабря.";

    const p = await panel();
    await coordinator.answerTo(coordinator.click(p, "Рассылка"));
    const who = await coordinator.nextMessage();
    expect(who.text).toBe("Кому отправить сообщение?");
    expect(callbackData(who)).toEqual(["bs:all", "bs:teacher", "bs:manager", "bs:young", "bs:deficit", "bs:mun", "bs:mentor", "bs:methodist", "bs:cancel"]);
    await coordinator.answerTo(coordinator.click(who, "Муниципалитету…"));
    const places = await coordinator.nextMessage();
    expect(callbackData(places)).toContain("bs:pronsky");
    await coordinator.answerTo(coordinator.click(places, await nameOf("pronsky")));
    expect((await coordinator.nextMessage()).text).toMatch(/^Напишите текст сообщения \(до 3\s?500 символов\)\.$/);
    coordinator.send(text);
    const preview = await coordinator.nextMessage();
    expect(preview.text).toBe(`Получателей: 3. Так будет выглядеть сообщение:\n\n${CENTRE_HEADER}\n\n${text}`);
    expect(callbackData(preview)).toEqual(["bs:send", "bs:cancel"]);
    expect(await h.prisma.broadcast.count()).toBe(0);

    // A delivery is under way (to someone else) when the coordinator sends: it is held
    // at the fake Bot API, so the broadcast's rows are sent after it, in a known order,
    // and the 403 queued below meets the first of them, not a reply to the coordinator
    // (the drain the bot starts on sending is this same one).
    const held = h.api.hold("sendMessage");
    await h.app.deps.notify([{ key: `test:${elsewhere.id}`, personId: elsewhere.id, chatId: elsewhere.telegramId, kind: "test", text: "Тестовое сообщение", dueAt: h.clock.now() }]);
    await held.reached;
    await coordinator.answerTo(coordinator.click(preview, "Отправить (3)"));
    const queued = await coordinator.nextMessage();
    expect(queued.text).toContain("Рассылка поставлена в очередь: 3 получателя.");
    const broadcast = await h.prisma.broadcast.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(callbackData(queued)).toEqual([`bcr:${broadcast.id}`]);
    expect(buttons(queued).map((b) => b.text)).toEqual(["Отчёт о доставке"]);
    expect(broadcast).toMatchObject({ text: `${CENTRE_HEADER}\n\n${text}`, recipients: 3, segment: { municipalityId: "pronsky" } });

    held.release();
    // The held message arrives; the broadcast's first row is sent only after the
    // sender has recorded it and claimed the next rows (database and network round
    // trips), so the failure queued now meets that row.
    expect((await elsewhere.user.nextMessage()).text).toBe("Тестовое сообщение");
    h.api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await deliverAll();

    const rows = await h.prisma.outboxMessage.findMany({ where: { key: { startsWith: `broadcast:${broadcast.id}:` } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.personId)).toEqual(ids(recipients));
    expect(rows.map((r) => r.status)).toEqual(["UNREACHABLE", "SENT", "SENT"]);
    const [blocked, ...reached] = recipients;
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: blocked!.id } })).unreachableAt).not.toBeNull();
    expect(blocked!.user.unread("message")).toHaveLength(0);
    const received: BotMessage[] = [];
    for (const r of reached) {
      received.push(await r.user.nextMessage());
      expect(received.at(-1)!.text).toBe(`${CENTRE_HEADER}\n\n${text}`);
      expect((await h.prisma.person.findUniqueOrThrow({ where: { id: r.id } })).unreachableAt).toBeNull();
    }

    await coordinator.answerTo(coordinator.click(queued, "Отчёт о доставке"));
    const delivery = (await coordinator.nextMessage()).text!;
    expect(delivery).toContain("получателей: 3");
    expect(delivery).toContain("доставлено — 2");
    expect(delivery).toContain("в очереди — 0");
    expect(delivery).toContain("заблокировали бота — 1");
    expect(delivery).toContain("ошибки — 0");
    expect(await h.app.deps.broadcasts.report(broadcast.id)).toEqual({ recipients: 3, sent: 2, pending: 0, unreachable: 1, failed: 0 });

    const coordinatorId = (await h.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(COORDINATOR) } })).id;
    const audit = await h.prisma.auditLog.findMany({ where: { action: "broadcast.send" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: coordinatorId, details: { broadcastId: broadcast.id, recipients: 3, segment: { municipalityId: "pronsky" } } });

    // A teacher with a forged or replayed press: neither a broadcast nor its report.
    const teacher = reached[0]!;
    const got = received[0]!;
    expect((await teacher.user.answerTo(teacher.user.press(got, "bcs:all"))).text).toBe(DENIED);
    expect((await teacher.user.answerTo(teacher.user.press(got, `bcr:${broadcast.id}`))).text).toBe(DENIED);
    expect((await teacher.user.answerTo(teacher.user.press(got, "bcs:mine"))).text).toBe(DENIED);
    expect(teacher.user.unread("message")).toHaveLength(0);
    expect(await h.prisma.broadcast.count()).toBe(1);
  });

  it("sends a methodist's broadcast only to the methodist's caseload", async () => {
    h.clock.advance(HOUR);
    const s = seed();
    const methodist = await seedMethodist(s, { telegramId: 830_401, fullName: "Чучкова Валентина Ивановна", assigned: ["chuchkovsky"] });
    const mine = [
      await seedPerson(s, { telegramId: 830_402, fullName: "Чернова Алина", municipalityId: "chuchkovsky" }),
      await seedStaff(s, { telegramId: 830_403, fullName: "Чижов Борис", municipalityId: "chuchkovsky", organizationId: "chuchkovsky-sch-1" }),
    ];
    const unfinished = await seedPerson(s, { telegramId: 830_404, fullName: "Чекмарёва Вера", municipalityId: "chuchkovsky", profileCompleted: false });
    const other = await seedPerson(s, { telegramId: 830_405, fullName: "Шарова Галина", municipalityId: "shatsky" });
    const text = "Коллеги, до пятницы заполните, пожалуйста, самодиагностику.";
    const header = "Методист Чучкова Валентина Ивановна пишет:";

    const m = methodist.user;
    m.send("/teachers");
    const list = await m.nextMessage();
    expect(list.text).toContain("Мои педагоги: 2");
    await m.answerTo(m.click(list, "Рассылка моим педагогам"));
    const who = await m.nextMessage();
    expect(who.text).toBe("Кому из ваших педагогов отправить сообщение?");
    // No municipality, mentors or methodists to choose from.
    expect(callbackData(who)).toEqual(["bs:all", "bs:teacher", "bs:manager", "bs:young", "bs:deficit", "bs:cancel"]);
    // The methodist's segment is named for what it is: their caseload, not everyone.
    expect(buttons(who).map((b) => b.text)).not.toContain("Всем пользователям");
    await m.answerTo(m.click(who, "Всем моим педагогам"));
    expect((await m.nextMessage()).text).toMatch(/^Напишите текст сообщения \(до 3\s?500 символов\)\.$/);
    m.send(text);
    const preview = await m.nextMessage();
    expect(preview.text).toBe(`Получателей: 2. Так будет выглядеть сообщение:\n\n${header}\n\n${text}`);
    await m.answerTo(m.click(preview, "Отправить (2)"));
    const queued = await m.nextMessage();
    expect(queued.text).toContain("Рассылка поставлена в очередь: 2 получателя.");
    await deliverAll();

    const broadcast = await h.prisma.broadcast.findFirstOrThrow({ where: { authorId: methodist.id } });
    expect(broadcast).toMatchObject({ recipients: 2, segment: { caseloadOf: methodist.id } });
    const rows = await h.prisma.outboxMessage.findMany({ where: { key: { startsWith: `broadcast:${broadcast.id}:` } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.personId, r.status])).toEqual(mine.map((t) => [t.id, "SENT"]));
    for (const t of mine) expect((await t.user.nextMessage()).text).toBe(`${header}\n\n${text}`);
    expect(unfinished.user.unread("message")).toHaveLength(0);
    expect(other.user.unread("message")).toHaveLength(0);

    // The author sees the report of their own broadcast.
    await m.answerTo(m.click(queued, "Отчёт о доставке"));
    expect((await m.nextMessage()).text).toContain("доставлено — 2");

    // A forged municipality segment still stays within the caseload: nobody to send to.
    m.send("/teachers");
    const again = await m.nextMessage();
    await m.answerTo(m.click(again, "Рассылка моим педагогам"));
    const who2 = await m.nextMessage();
    await m.answerTo(m.press(who2, "bs:mun"));
    const places = await m.nextMessage();
    await m.answerTo(m.press(places, "bs:shatsky"));
    expect((await m.nextMessage()).text).toContain("Напишите текст сообщения");
    m.send("Сообщение не своим педагогам.");
    const empty = await m.nextMessage();
    expect(empty.text).toContain("Получателей: 0.");
    await m.answerTo(m.click(empty, "Отправить (0)"));
    expect((await m.nextMessage()).text).toBe("Рассылка отменена.");
    expect(await h.prisma.broadcast.count({ where: { authorId: methodist.id } })).toBe(1);

    // A methodist is not a coordinator: no broadcast to everyone.
    expect((await m.answerTo(m.press(again, "bcs:all"))).text).toBe(DENIED);
    await deliverAll();
    expect(other.user.unread("message")).toHaveLength(0);
  });

  it("does not try again people who blocked the bot earlier, and counts them as unreachable", async () => {
    const s = { prisma: h.prisma, api: h.api, now: h.clock.now() };
    const blocked = await seedPerson(s, { telegramId: 838_001, fullName: "Заблокировавший Борис", municipalityId: "kadomsky", ageGroup: "FROM_45_TO_54", experienceYears: 20 });
    const reachable = await seedPerson(s, { telegramId: 838_002, fullName: "Доступная Дарья", municipalityId: "kadomsky", ageGroup: "FROM_45_TO_54", experienceYears: 20 });
    await h.prisma.person.update({ where: { id: blocked.id }, data: { unreachableAt: h.clock.now() } });
    const before = h.api.callsOf("sendMessage").filter((c) => Number(c.chat_id) === 838_001).length;

    const b = await h.app.deps.broadcasts.send(null, "Проверка связи", { municipalityId: "kadomsky" }, undefined, h.clock.now());
    expect(b.recipients).toBe(2);
    expect(await h.app.deps.broadcasts.report(b.id)).toMatchObject({ recipients: 2, unreachable: 1, pending: 1 });
    await h.app.scheduler.deliverSoon();
    expect((await reachable.user.nextMessage()).text).toBe("Проверка связи");
    expect(h.api.callsOf("sendMessage").filter((c) => Number(c.chat_id) === 838_001)).toHaveLength(before);
    expect(await h.app.deps.broadcasts.report(b.id)).toMatchObject({ sent: 1, unreachable: 1, pending: 0, failed: 0 });
  });

  it("makes someone who blocked the bot reachable again as soon as they write to it", async () => {
    const s = { prisma: h.prisma, api: h.api, now: h.clock.now() };
    const back = await seedPerson(s, { telegramId: 838_003, fullName: "Вернувшаяся Вера", municipalityId: "kadomsky", ageGroup: "FROM_45_TO_54", experienceYears: 20 });
    back.user.send("/help");
    await back.user.nextMessage();
    // Blocked a moment later (the sender got 403), then unblocked and wrote again within the hour.
    await h.prisma.person.update({ where: { id: back.id }, data: { unreachableAt: h.clock.now() } });
    back.user.send("/help");
    await back.user.nextMessage();
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: back.id } })).unreachableAt).toBeNull();
    await h.app.deps.broadcasts.send(null, "Снова на связи", { municipalityId: "kadomsky" }, undefined, h.clock.now());
    await h.app.scheduler.deliverSoon();
    expect((await back.user.nextMessage()).text).toBe("Снова на связи");
  });
});
