// SIGINT/SIGTERM: stop polling, finish the update in hand, confirm it, close the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import { Harness } from "../support/harness.ts";
import { answer, onboard, questionNumber, startDiagnostic } from "../support/journey.ts";

const targets = await databaseTargets();

describe.each(targets)("shutdown on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("finishes the update in hand before closing, and does not receive it again after a restart", async () => {
    const u = h.api.user(4001);
    const q1 = await startDiagnostic(u, await onboard(u));

    // The answer is being handled: the bot waits for the Bot API to edit the question.
    const held = h.api.hold("editMessageText");
    answer(u, q1, 1);
    await held.reached;
    const stopping = h.app.stop();
    held.release();
    await stopping;

    // The update was finished (the next question went out) before the offset was
    // confirmed and the database closed.
    const methods = h.api.calls.map((c) => c.method);
    const nextQuestion = methods.lastIndexOf("sendMessage");
    const confirm = h.api.calls.findLastIndex((c) => c.method === "getUpdates" && c.payload.timeout === 0);
    expect(nextQuestion).toBeGreaterThan(methods.lastIndexOf("editMessageText"));
    expect(confirm).toBeGreaterThan(nextQuestion);
    expect(h.api.pendingUpdates).toBe(0);
    const q2 = await u.nextMessage();
    expect(questionNumber(q2)).toBe(2);

    await h.restart();
    expect(await h.prisma.answer.count({ where: { attempt: { person: { telegramId: 4001n } } } })).toBe(1);
    answer(u, q2, 1);
    expect(questionNumber(await u.nextMessage())).toBe(3);
    expect(await h.prisma.answer.count({ where: { attempt: { person: { telegramId: 4001n } } } })).toBe(2);
  });
});
