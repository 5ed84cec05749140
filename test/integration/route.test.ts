// From the diagnostic's result to a confirmed route, an item done with evidence,
// the XLSX, the finished route and the repeat diagnostic.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { answerMany, onboard, startDiagnostic } from "../support/journey.ts";

const targets = await databaseTargets();

/** A diagnostic with deficits in the subject and methodological groups; returns the result message. */
async function diagnosticWithDeficits(u: FakeUser, first: BotMessage): Promise<BotMessage> {
  let q = await answerMany(u, first, 10, "worst");
  q = await answerMany(u, q, 15, "best");
  expect(q.photo).toBeDefined();
  return u.nextMessage();
}

describe.each(targets)("individual route on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("builds a draft from the result, edits it, confirms it, and follows it to the end", async () => {
    const u = h.api.user(5001);
    const result = await diagnosticWithDeficits(u, await startDiagnostic(u, await onboard(u)));
    expect(result.text).toContain("🔴 Предметные");

    await u.answerTo(u.click(result, "Построить маршрут"));
    let draft = await u.nextMessage();
    expect(draft.text).toContain("Черновик маршрута");
    expect(draft.text).toContain("Предметные компетенции");
    expect(draft.text).toContain("Методические компетенции");
    expect(draft.text).toContain("Почему: программа из Федерального реестра закрывает дефицит");
    const route = await h.prisma.route.findFirstOrThrow({ where: { person: { telegramId: 5001n } }, include: { items: true } });
    expect(route.status).toBe("DRAFT");
    expect(route.hoursBudget).toBe(72);
    expect(route.items.reduce((s, i) => s + i.hours, 0)).toBeLessThanOrEqual(72);
    // Both deficits are served by a Federal Register programme.
    for (const group of ["subject", "methodological"]) {
      expect(route.items.some((i) => i.competency === group && i.programmeId), group).toBe(true);
    }
    // Due dates spread over the six months, not all on one day.
    expect(new Set(route.items.map((i) => i.dueOn.toISOString())).size).toBeGreaterThan(1);
    expect(route.items.every((i) => i.dueOn >= route.startsOn && i.dueOn <= route.endsOn)).toBe(true);

    // Drop the last item: its number, then «Убрать».
    const count = route.items.length;
    await u.answerTo(u.click(draft, `№ ${count}`));
    draft = await u.nextEdit();
    await u.answerTo(u.click(draft, `✕ Убрать пункт ${count}`));
    draft = await u.nextEdit();
    expect(await h.prisma.routeItem.count({ where: { routeId: route.id } })).toBe(count - 1);

    // Ask for an alternative to the first item (the earliest due).
    const before = await h.prisma.routeItem.findFirstOrThrow({ where: { routeId: route.id }, orderBy: [{ dueOn: "asc" }, { position: "asc" }] });
    // The sample catalogue has many subject programmes, so there is one.
    await u.answerTo(u.click(draft, "№ 1"));
    draft = await u.nextEdit();
    expect((await u.answerTo(u.click(draft, "↻ Заменить пункт 1"))).text).toBeUndefined();
    draft = await u.nextEdit();
    const after = await h.prisma.routeItem.findUniqueOrThrow({ where: { id: before.id } });
    expect([after.programmeId, after.activityId]).not.toEqual([before.programmeId, before.activityId]);
    expect(after.competency).toBe(before.competency);

    // Prefer in-person learning: the draft is rebuilt.
    await u.answerTo(u.click(draft, "Очно"));
    draft = await u.nextEdit();
    expect(draft.text).toContain("Формат: очно");
    // More hours: the dropped item stays out, other items come in.
    await u.answerTo(u.click(draft, "120 ч"));
    draft = await u.nextEdit();
    expect((await h.prisma.route.findFirstOrThrow({ where: { person: { telegramId: 5001n }, status: "DRAFT" }, include: { items: true } })).items.length).toBeGreaterThan(1);

    await u.answerTo(u.click(draft, "✅ Подтвердить маршрут"));
    await u.nextEdit();
    expect((await u.nextMessage()).text).toContain("Маршрут утверждён");
    const active = await u.nextMessage();
    expect(active.text).toContain("Мой маршрут");
    expect(active.text).toContain("Выполнено 0 из");
    const confirmed = await h.prisma.route.findFirstOrThrow({ where: { person: { telegramId: 5001n }, status: "ACTIVE" }, include: { items: { orderBy: [{ dueOn: "asc" }, { position: "asc" }] } } });
    expect(confirmed.preferredFormat).toBe("IN_PERSON");
    expect(confirmed.confirmedAt).not.toBeNull();
    const attempt = await h.prisma.attempt.findFirstOrThrow({ where: { person: { telegramId: 5001n }, status: "COMPLETED" } });
    expect(confirmed.attemptId).toBe(attempt.id);

    // Item 1: open, start, done with evidence.
    await u.answerTo(u.click(active, "1"));
    let card = await u.nextEdit();
    expect(card.text).toContain("Пункт 1 из");
    expect(card.text).toContain("Статус: в плане");
    await u.answerTo(u.click(card, "▶️ Приступаю"));
    card = await u.nextEdit();
    expect(card.text).toContain("Статус: в процессе");
    await u.answerTo(u.click(card, "✅ Выполнено"));
    const ask = await u.nextMessage();
    const isProgramme = confirmed.items[0]!.programmeId !== null;
    expect(ask.text).toContain(isProgramme ? "номер удостоверения" : "что полезного");
    u.send("ok");
    expect((await u.nextMessage()).text).toMatch(isProgramme ? /от 3 до 64 символов/ : /от 10 до 1[\s\u00a0\u202f]?000 символов/);
    const evidence = isProgramme ? "ПК 622412345678" : "Научилась строить урок от планируемого результата.";
    u.send(evidence);
    expect((await u.nextMessage()).text).toContain("Отмечено: выполнено");
    const done = await h.prisma.routeItem.findUniqueOrThrow({ where: { id: confirmed.items[0]!.id } });
    expect(done).toMatchObject({ status: "DONE", evidence });
    expect(done.doneAt).not.toBeNull();

    // /route shows the progress.
    u.send("/route");
    const progress = await u.nextMessage();
    expect(progress.text).toMatch(/Выполнено 1 из \d+ · \d+\u00a0% · \d+ из \d+ ч/);

    // The printable XLSX.
    await u.answerTo(u.click(progress, "📄 Скачать маршрут (XLSX)"));
    const doc = await u.nextMessage();
    expect(doc.file).toBeDefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(doc.file!) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("Маршрут");
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain("Индивидуальный образовательный маршрут педагога");
    expect(cells).toContain("Иванова Мария Петровна");
    expect(cells).toContain(evidence);

    // Skip the rest: the route is complete and a repeat diagnostic is offered.
    const rest = confirmed.items.slice(1);
    for (const [i, item] of rest.entries()) {
      u.send("/route");
      const view = await u.nextMessage();
      await u.answerTo(u.click(view, String(confirmed.items.indexOf(item) + 1)));
      const c = await u.nextEdit();
      await u.answerTo(u.click(c, "Пропустить"));
      if (i < rest.length - 1) await u.nextEdit();
    }
    const finished = await u.nextMessage();
    expect(finished.text).toContain("Маршрут пройден");
    expect((await h.prisma.route.findUniqueOrThrow({ where: { id: confirmed.id } })).status).toBe("COMPLETED");

    // The repeat diagnostic shows how the route's groups changed.
    await u.answerTo(u.click(finished, "Пройти диагностику ещё раз"));
    await u.nextMessage();
    const last = await answerMany(u, await u.nextMessage(), 25, "best");
    expect(last.photo).toBeDefined();
    const second = await u.nextMessage();
    expect(second.text).toContain("Как изменились компетенции, над которыми вы работали по маршруту");
    expect(second.text).toMatch(/Предметные компетенции: 0 → 100 \(\+100\)/);
  });

  it("refuses someone else's draft and items, forged or replayed", async () => {
    const owner = h.api.user(5002);
    const result = await diagnosticWithDeficits(owner, await startDiagnostic(owner, await onboard(owner)));
    await owner.answerTo(owner.click(result, "Построить маршрут"));
    const draft = await owner.nextMessage();
    const route = await h.prisma.route.findFirstOrThrow({ where: { person: { telegramId: 5002n } }, include: { items: true } });

    const intruder = h.api.user(5003);
    const anyMessage = await onboard(intruder);
    for (const data of [`rd:${route.id}:ok`, `rd:${route.id}:drop:${route.items[0]!.id}`, `ri:${route.items[0]!.id}:done`, `ri:${route.items[0]!.id}`]) {
      expect((await intruder.answerTo(intruder.press(anyMessage, data))).text, data).toBe("Эта кнопка уже не действует");
    }
    const unchanged = await h.prisma.route.findUniqueOrThrow({ where: { id: route.id }, include: { items: true } });
    expect(unchanged.status).toBe("DRAFT");
    expect(unchanged.items).toHaveLength(route.items.length);

    // The owner's own draft buttons still work, and a confirmed draft's buttons go stale.
    await owner.answerTo(owner.click(draft, "✅ Подтвердить маршрут"));
    await owner.nextEdit();
    await owner.nextMessage();
    await owner.nextMessage();
    expect((await owner.answerTo(owner.press(draft, `rd:${route.id}:ok`))).text).toBe("Эта кнопка уже не действует");
    expect((await h.prisma.route.findUniqueOrThrow({ where: { id: route.id } })).status).toBe("ACTIVE");
  });
});
