// /forget takes the person out of other people's messages not sent yet, and the
// texts of finished outbox rows are deleted after OUTBOX_RETENTION_DAYS by the
// scheduler's daily run.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pairMadeMessages } from "../../src/bot/views/mentoring.ts";
import { databaseTargets } from "../support/databases.ts";
import type { FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { seedCompletedAttempt, seedMethodist, seedMentorProfile, seedPerson, seedStaff, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let bystanders = 0;

describe.each(targets)("personal data in the outbox on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  const seed = (): SeedContext => ({ prisma: h.prisma, api: h.api, now: h.clock.now() });
  function at(iso: string): void {
    const ms = Date.parse(iso) - h.clock.now().getTime();
    if (ms < 0) throw new Error(`the clock is already past ${iso}`);
    h.clock.advance(ms);
  }

  async function forget(u: FakeUser): Promise<void> {
    u.send("/forget");
    const confirm = await u.nextMessage();
    await u.answerTo(u.click(confirm, "Да, удалить всё"));
    expect((await u.nextMessage()).text).toContain("все ваши данные удалены");
  }

  /** Holds the sender on a message to someone else, so that rows queued meanwhile stay pending. */
  async function holdDelivery(): Promise<() => Promise<void>> {
    const other = await seedPerson(seed(), { telegramId: 890_000 + ++bystanders, fullName: "Посторонний Пётр" });
    const held = h.api.hold("sendMessage");
    await h.app.deps.notify([{ key: `test:${other.id}`, personId: other.id, chatId: other.telegramId, kind: "test", text: "Тестовое сообщение", dueAt: h.clock.now() }]);
    await held.reached;
    return async () => {
      held.release();
      await other.user.nextMessage();
      // Everything still due is delivered.
      h.clock.advance(2_000);
      await h.app.scheduler.deliverSoon();
    };
  }

  it("a methodist's pending digest loses the name (line and card button) of a teacher who used /forget", async () => {
    // 08:00 Moscow: the digest hour.
    at("2026-11-24T05:00:00Z");
    const s = seed();
    const methodist = await seedMethodist(s, { telegramId: 820_001, fullName: "Методистова Ольга", municipalityId: "shilovsky", assigned: ["shilovsky"] });
    const teacher = await seedPerson(s, { telegramId: 820_011, fullName: "Забывчивая Анна Сергеевна", municipalityId: "shilovsky" });
    await seedCompletedAttempt(s, teacher.id, new Date(s.now.getTime() - HOUR), { subject: "DEFICIT", digital: "DEFICIT" });
    const other = await seedPerson(s, { telegramId: 820_012, fullName: "Остающийся Борис", municipalityId: "shilovsky" });
    await seedCompletedAttempt(s, other.id, new Date(s.now.getTime() - HOUR), { subject: "DEFICIT" });

    const release = await holdDelivery();
    const ticking = h.app.scheduler.tick();
    const digestRow = () => h.prisma.outboxMessage.findFirst({ where: { personId: methodist.id, kind: "digest" } });
    await vi.waitFor(async () => expect(await digestRow()).not.toBeNull());
    const before = (await digestRow())!;
    expect(before.status).toBe("PENDING");
    expect(before.text).toContain(`• ${teacher.fullName} — дефициты: `);

    try {
      await forget(teacher.user);
      const after = (await digestRow())!;
      expect(after.text).not.toContain("Забывчивая");
      expect(after.text).toMatch(/• \[имя удалено\] — дефициты: /);
      expect(after.text).toContain(`• ${other.fullName} — дефициты: `);
      const data = (after.buttons as { data: string }[][]).flat().map((b) => b.data);
      expect(data).not.toContain(`tc:${teacher.id}`);
      expect(data).toContain(`tc:${other.id}`);
      expect(after.mentions).toEqual([other.id]);
    } finally {
      await release();
    }
    await ticking;
    const delivered = await methodist.user.nextMessage();
    expect(delivered.text).toContain("[имя удалено]");
    expect(JSON.stringify(delivered)).not.toContain("Забывчивая");
  });

  it("a mentee's pending «pair made» message with the mentor's name, organization and username is withdrawn after the mentor's /forget", async () => {
    const s = seed();
    h.api.user(830_001, { username: "mentor_forgets" });
    const mentor = await seedStaff(s, { telegramId: 830_001, fullName: "Уходящий Наставник Петрович", municipalityId: "ryazan", organizationId: "ryazan-sch-5" });
    await h.prisma.person.update({ where: { id: mentor.id }, data: { username: "mentor_forgets" } });
    await seedMentorProfile(s, mentor.id, { capacity: 2 });
    const mentee = await seedPerson(s, { telegramId: 830_002, fullName: "Молодая Мария", municipalityId: "ryazan" });
    const pair = await h.prisma.mentorPair.create({ data: { mentorId: mentor.id, menteeId: mentee.id, type: "YOUNG_SPECIALIST", needs: [], createdAt: s.now } });
    await h.prisma.mentorProfile.update({ where: { personId: mentor.id }, data: { taken: 1 } });

    const release = await holdDelivery();
    const [m, e] = await h.app.deps.mentoring.people([mentor.id, mentee.id]).then((ps) => [ps.find((p) => p.id === mentor.id)!, ps.find((p) => p.id === mentee.id)!]);
    await h.app.deps.notify(pairMadeMessages(() => (key, vars) => h.app.deps.i18n.t("ru", key, vars), pair.id, m!, e!, h.clock.now()));
    const toMentee = await h.prisma.outboxMessage.findUniqueOrThrow({ where: { key: `pair-made:${pair.id}:mentee` } });
    expect(toMentee.status).toBe("PENDING");
    expect(toMentee.text).toContain("Уходящий Наставник Петрович");
    expect(toMentee.text).toContain("@mentor_forgets");
    expect(toMentee.text).toContain("Школа № 5");

    try {
      await forget(mentor.user);
      // The mentee is told the pair has ended (queued right after the confirmation): that and nothing else waits for them.
      const left = await vi.waitFor(async () => {
        const rows = await h.prisma.outboxMessage.findMany({ where: { personId: mentee.id } });
        expect(rows.map((r) => r.key)).toEqual([`pair-ended:${pair.id}:${mentee.id}`]);
        return rows;
      });
      for (const r of left) expect(r.text).not.toMatch(/Уходящий|mentor_forgets|Школа № 5/);
    } finally {
      await release();
    }
    const told = await mentee.user.nextMessage();
    expect(told.text).toContain("Данные вашего наставника удалены");
    expect(mentee.user.unread("message")).toEqual([]);
  });

  it("deletes the texts of sent, failed and unreachable rows older than the retention (30 days) once a day; pending rows keep theirs", async () => {
    // A day after the earlier tests' ticks: the daily run is due.
    h.clock.advance(DAY);
    const s = seed();
    const p = await seedPerson(s, { telegramId: 840_001, fullName: "Хранимая Хелена" });
    const now = h.clock.now().getTime();
    const row = (key: string, status: "SENT" | "FAILED" | "UNREACHABLE" | "PENDING", ageDays: number) => ({
      key,
      personId: p.id,
      chatId: BigInt(p.telegramId),
      kind: "test",
      text: `Текст ${key} для Хранимая Хелена`,
      buttons: [[{ text: "Меню", data: "m:open" }]],
      status,
      dueAt: status === "PENDING" ? new Date(now + 365 * DAY) : new Date(now - ageDays * DAY),
      createdAt: new Date(now - ageDays * DAY),
      expiresAt: new Date(now + 365 * DAY),
      ...(status === "SENT" ? { sentAt: new Date(now - ageDays * DAY) } : {}),
    });
    await h.prisma.outboxMessage.createMany({
      data: [row("old-sent", "SENT", 31), row("old-failed", "FAILED", 40), row("old-unreachable", "UNREACHABLE", 35), row("young-sent", "SENT", 29), row("old-pending", "PENDING", 40)],
    });
    const texts = async () =>
      Object.fromEntries((await h.prisma.outboxMessage.findMany({ where: { personId: p.id }, orderBy: { key: "asc" } })).map((r) => [r.key, [r.text !== "", r.buttons !== null]]));

    await h.app.scheduler.tick();
    expect(await texts()).toEqual({ "old-failed": [false, false], "old-pending": [true, true], "old-sent": [false, false], "old-unreachable": [false, false], "young-sent": [true, true] });
    // Within the day nothing more runs; two days later the daily run takes the row that has come of age.
    h.clock.advance(HOUR);
    await h.app.scheduler.tick();
    expect((await texts())["young-sent"]).toEqual([true, true]);
    h.clock.advance(2 * DAY);
    await h.app.scheduler.tick();
    expect(await texts()).toMatchObject({ "young-sent": [false, false], "old-pending": [true, true] });
  });
});
