// The language a person chooses in /settings: the bot's replies follow it (over the
// Telegram language), and so do the messages queued for them (digests, reminders,
// notices, broadcasts); someone who chose none gets queued messages in Russian.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { buttons } from "../support/journey.ts";
import { seedMethodist, seedPerson, seedUnfinishedAttempt, type SeedContext } from "../support/seed.ts";

const targets = await databaseTargets();
const DAY = 86_400_000;

describe.each(targets)("the person's language on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });
  const seed = (): SeedContext => ({ prisma: h.prisma, api: h.api, now: h.clock.now() });

  it("a teacher whose Telegram speaks English switches the bot to Russian in /settings, in place", async () => {
    const user = h.api.user(9501, { languageCode: "en" });
    const teacher = await seedPerson(seed(), { telegramId: 9501, fullName: "Английская Анна Игоревна", municipalityId: "pronsky" });
    user.send("/settings");
    const settings = await user.nextMessage();
    expect(settings.text).toContain("The bot's language: English");
    expect(buttons(settings).map((b) => b.text)).toEqual(expect.arrayContaining(["Русский", "✓ English"]));

    await user.answerTo(user.click(settings, "Русский"));
    const switched = await user.nextEdit();
    expect(switched.message_id).toBe(settings.message_id);
    expect(switched.text).toContain("Язык бота: Русский");
    expect(buttons(switched).map((b) => b.text)).toEqual(expect.arrayContaining(["✓ Русский", "English"]));
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: teacher.id } })).locale).toBe("ru");

    // Every later reply is Russian, though Telegram still says English.
    user.send("/settings");
    expect((await user.nextMessage()).text).toContain("Напоминания. Нажмите, чтобы включить или выключить.");
  });

  it("composes digests, reminders, notices and broadcasts in each recipient's language, Russian when none was chosen", async () => {
    h.clock.advance(DAY);
    const s = seed();
    const methodist = await seedMethodist(s, { telegramId: 9502, fullName: "Методистова Елена Павловна", assigned: ["sasovsky"], digestHour: 14 });
    const english = await seedPerson(s, { telegramId: 9503, fullName: "Инглиш Ирина Олеговна", municipalityId: "sasovsky" });
    const russian = await seedPerson(s, { telegramId: 9504, fullName: "Русская Раиса Олеговна", municipalityId: "sasovsky" });

    // The methodist and one teacher choose English in /settings; the other chooses nothing.
    for (const u of [methodist.user, english.user]) {
      u.send("/settings");
      const settings = await u.nextMessage();
      expect(settings.text).toContain("Язык бота: Русский");
      await u.answerTo(u.click(settings, "English"));
      expect((await u.nextEdit()).text).toContain("The bot's language: English");
    }
    // The methodist's /settings also lead to the digest settings.
    methodist.user.send("/settings");
    expect(buttons(await methodist.user.nextMessage()).map((b) => b.text)).toContain("Digest settings");

    // A reminder for each teacher: an unfinished diagnostic a day old.
    const now = h.clock.now();
    await seedUnfinishedAttempt(s, english.id, new Date(now.getTime() - DAY - 60_000), 4);
    await seedUnfinishedAttempt(s, russian.id, new Date(now.getTime() - DAY - 60_000), 4);
    // The methodist's digest at 14:00 Moscow.
    const day = now.toISOString().slice(0, 10);
    h.clock.advance(Date.parse(`${day}T11:00:00Z`) - now.getTime());
    await h.app.scheduler.tick();
    const digest = await h.prisma.outboxMessage.findFirstOrThrow({ where: { personId: methodist.id, kind: "digest" } });
    expect(digest.text).toMatch(/^Digest for your teachers, \d\d\/\d\d\/\d{4}/);
    const reminder = async (personId: number) => (await h.prisma.outboxMessage.findFirstOrThrow({ where: { personId, kind: "reminder:diagnostic" } })).text;
    expect(await reminder(english.id)).toContain("You started the self-diagnostic and answered 4 questions");
    expect(await reminder(russian.id)).toContain("Вы начали самодиагностику и ответили на 4 вопроса");

    expect((await methodist.user.nextMessage()).text).toBe(digest.text);

    // A methodist's recommendation reaches the English teacher in English.
    methodist.user.send("/teachers");
    const list = await methodist.user.nextMessage();
    expect(list.text).toContain("My teachers: 2");
    await methodist.user.answerTo(methodist.user.press(list, `tc:${english.id}:rec`));
    await methodist.user.nextMessage();
    methodist.user.send("Please read about formative assessment.");
    await methodist.user.nextMessage();
    const rec = await h.prisma.outboxMessage.findFirstOrThrow({ where: { personId: english.id, kind: "recommendation" } });
    expect(rec.text).toContain("Методистова Елена Павловна");
    expect(rec.text).toContain("Methodologist Методистова Елена Павловна recommends:");
    expect(rec.buttons).toEqual([[{ text: "My route", data: "route:open" }]]);

    // A broadcast: each recipient's header in their language.
    const b = await h.app.deps.broadcasts.send(null, { ru: "Сообщение от регионального центра (ЦНППМ):\n\nТекст", en: "Message from the regional centre (CNPPM):\n\nТекст" }, { municipalityId: "sasovsky" }, undefined, h.clock.now());
    const texts = await h.prisma.outboxMessage.findMany({ where: { key: { startsWith: `broadcast:${b.id}:` } }, select: { personId: true, text: true } });
    expect(texts.find((x) => x.personId === english.id)?.text).toMatch(/^Message from the regional centre/);
    expect(texts.find((x) => x.personId === russian.id)?.text).toMatch(/^Сообщение от регионального центра/);
  });
});
