// An attempt stuck with every item answered but not completed (the last answer's
// handling was cut short: answerCallbackQuery refused, or the process killed) is
// completed from every entry point, and a refused button answer aborts nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointsFor } from "../../src/core/instrument.ts";
import { databaseTargets } from "../support/databases.ts";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { answer, answerMany, onboard, questionNumber, startDiagnostic } from "../support/journey.ts";

const targets = await databaseTargets();

describe.each(targets)("a diagnostic interrupted after its last answer on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  const attemptOf = async (telegramId: number) =>
    h.prisma.attempt.findFirstOrThrow({ where: { person: { telegramId: BigInt(telegramId) } }, orderBy: { id: "desc" }, select: { id: true, status: true, cursor: true, _count: { select: { answers: true, results: true } } } });

  /** What the process killed after recording the last answer leaves: every item answered, the cursor past the end, not completed. */
  const answerAllInDatabase = async (telegramId: number) => {
    const instrument = h.app.deps.content.instruments.find((i) => i.id === "teacher")!;
    const { id } = await attemptOf(telegramId);
    const now = h.clock.now();
    for (const item of instrument.items) {
      const points = pointsFor(instrument, item, 1)!;
      await h.prisma.answer.upsert({
        where: { attemptId_itemId: { attemptId: id, itemId: item.id } },
        create: { attemptId: id, itemId: item.id, choice: 1, ...points, answeredAt: now },
        update: {},
      });
    }
    await h.prisma.attempt.update({ where: { id }, data: { cursor: instrument.items.length } });
  };

  const expectResult = async (u: FakeUser) => {
    const chart = await u.nextMessage();
    expect(chart.photo).toBeDefined();
    expect((await u.nextMessage()).text).toContain("Диагностика завершена");
  };

  const expectOffer = async (u: FakeUser) => {
    u.send("/diagnostic");
    const m: BotMessage = await u.nextMessage();
    expect(m.text).toBe("Самодиагностика займёт около 10 минут. Начнём?");
  };

  it("the last answer whose button answer Telegram refuses (query is too old) still completes the attempt and shows the result", async () => {
    const u = h.api.user(8101);
    const last = await answerMany(u, await startDiagnostic(u, await onboard(u)), 24, "best");
    expect(questionNumber(last)).toBe(25);
    h.api.failNext("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
    answer(u, last, "best");
    await u.nextEdit();
    await expectResult(u);
    expect(await attemptOf(8101)).toMatchObject({ status: "COMPLETED", cursor: 25, _count: { answers: 25, results: 5 } });
    await expectOffer(u);
  });

  it("«Продолжить» completes an attempt whose every item is answered, and shows the result", async () => {
    const u = h.api.user(8102);
    await answerMany(u, await startDiagnostic(u, await onboard(u)), 1, 0);
    u.send("/diagnostic");
    const inProgress = await u.nextMessage();
    expect(inProgress.text).toContain("вопрос 2 из 25");
    await answerAllInDatabase(8102);
    await u.answerTo(u.click(inProgress, "Продолжить"));
    await expectResult(u);
    expect(await attemptOf(8102)).toMatchObject({ status: "COMPLETED", _count: { answers: 25, results: 5 } });
    await expectOffer(u);
  });

  it("/diagnostic, /results and a late press of an old question's button complete it too, once", async () => {
    const u = h.api.user(8103);
    await answerMany(u, await startDiagnostic(u, await onboard(u)), 1, 0);
    await answerAllInDatabase(8103);
    u.send("/diagnostic");
    await expectResult(u);
    expect((await attemptOf(8103)).status).toBe("COMPLETED");

    const r = h.api.user(8105);
    await answerMany(r, await startDiagnostic(r, await onboard(r)), 1, 0);
    await answerAllInDatabase(8105);
    r.send("/results");
    await expectResult(r);
    expect((await attemptOf(8105)).status).toBe("COMPLETED");

    const v = h.api.user(8104);
    const v2 = await answerMany(v, await startDiagnostic(v, await onboard(v)), 1, 0);
    await answerAllInDatabase(8104);
    await v.answerTo(answer(v, v2, 0));
    await expectResult(v);
    expect(await attemptOf(8104)).toMatchObject({ status: "COMPLETED", _count: { results: 5 } });
    // Pressed again: nothing more is recorded or shown twice.
    expect((await v.answerTo(answer(v, v2, 0))).text).toBeDefined();
    expect(v.unread("message")).toEqual([]);
  });
});
