import type { Instrument } from "../core/instrument.ts";
import type { AnswerPoints, GroupScore } from "../core/scoring.ts";
import type { PrismaClient } from "../db/database.ts";
import { Prisma } from "../generated/prisma/client.ts";

export interface AttemptState {
  id: number;
  personId: number;
  instrumentId: string;
  instrumentVersion: string;
  cursor: number;
}

const stateView = { id: true, personId: true, instrumentId: true, instrumentVersion: true, cursor: true } as const;

export function attemptsRepository(prisma: PrismaClient) {
  const inProgress = (personId: number): Promise<AttemptState | null> =>
    prisma.attempt.findFirst({ where: { personId, status: "IN_PROGRESS" }, select: stateView });

  return {
    inProgress,

    /** Starts an attempt, or returns the one already in progress (one per person, enforced by the database). */
    async start(personId: number, instrument: Instrument, now: Date): Promise<AttemptState> {
      try {
        return await prisma.attempt.create({
          data: {
            personId,
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            startedAt: now,
            updatedAt: now,
          },
          select: stateView,
        });
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
          const existing = await inProgress(personId);
          if (existing) return existing;
        }
        throw e;
      }
    },

    /** The attempt in progress of the person with this Telegram id (one query, for every answer). */
    // SQL rather than the model's findFirst: this read is on every answer (see conversation-storage.ts).
    inProgressOf: async (telegramId: number): Promise<AttemptState | null> =>
      (
        await prisma.$queryRaw<AttemptState[]>`
          SELECT a."id", a."personId", a."instrumentId", a."instrumentVersion", a."cursor"
          FROM "Attempt" a JOIN "Person" p ON p."id" = a."personId"
          WHERE p."telegramId" = ${BigInt(telegramId)} AND a."status" = 'IN_PROGRESS'::"AttemptStatus"`
      )[0] ?? null,

    /**
     * Records the answer to the item at `cursor` and moves on, only if the attempt
     * is still at that item: a second press of the same button records nothing.
     * One statement (atomic on its own), which also reads the answer already given
     * to `nextItemId`, if any, for the next question to show it.
     */
    async answer(
      attemptId: number,
      cursor: number,
      points: AnswerPoints & { choice: number },
      now: Date,
      nextItemId: string | null,
    ): Promise<{ recorded: boolean; nextChoice: number | undefined }> {
      const [row] = await prisma.$queryRaw<{ recorded: number; nextChoice: number | null }[]>`
        WITH moved AS (
          UPDATE "Attempt" SET "cursor" = "cursor" + 1, "updatedAt" = ${now}
          WHERE "id" = ${attemptId} AND "cursor" = ${cursor} AND "status" = 'IN_PROGRESS'::"AttemptStatus"
          RETURNING "id"
        ), saved AS (
          INSERT INTO "Answer" ("attemptId", "itemId", "choice", "points", "maxPoints", "answeredAt")
          SELECT "id", ${points.itemId}, ${points.choice}, ${points.points}, ${points.maxPoints}, ${now} FROM moved
          ON CONFLICT ("attemptId", "itemId") DO UPDATE
            SET "choice" = EXCLUDED."choice", "points" = EXCLUDED."points", "maxPoints" = EXCLUDED."maxPoints", "answeredAt" = EXCLUDED."answeredAt"
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM saved)::int AS "recorded",
               (SELECT "choice" FROM "Answer" WHERE "attemptId" = ${attemptId} AND "itemId" = ${nextItemId ?? ""}) AS "nextChoice"`;
      return { recorded: (row?.recorded ?? 0) > 0, nextChoice: row?.nextChoice ?? undefined };
    },

    /** Steps back to the previous item; its answer stays until it is answered again. */
    async back(attemptId: number, cursor: number, now: Date): Promise<boolean> {
      if (cursor <= 0) return false;
      const moved = await prisma.attempt.updateMany({
        where: { id: attemptId, cursor, status: "IN_PROGRESS" },
        data: { cursor: cursor - 1, updatedAt: now },
      });
      return moved.count > 0;
    },

    async choice(attemptId: number, itemId: string): Promise<number | undefined> {
      const a = await prisma.answer.findUnique({ where: { attemptId_itemId: { attemptId, itemId } }, select: { choice: true } });
      return a?.choice;
    },

    async answers(attemptId: number): Promise<(AnswerPoints & { choice: number })[]> {
      return prisma.answer.findMany({
        where: { attemptId },
        select: { itemId: true, choice: true, points: true, maxPoints: true },
      });
    },

    /** Closes the attempt with its group results; false when it was closed already. */
    async complete(attemptId: number, scores: readonly GroupScore[], now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const closed = await tx.attempt.updateMany({
          where: { id: attemptId, status: "IN_PROGRESS" },
          data: { status: "COMPLETED", completedAt: now, updatedAt: now },
        });
        if (closed.count === 0) return false;
        await tx.groupResult.createMany({
          data: scores.map((s) => ({ attemptId, groupCode: s.group, score: s.score, level: s.level })),
        });
        return true;
      });
    },

    /** Group results of the person's own finished attempt. */
    resultsOf: (attemptId: number, personId: number) =>
      prisma.groupResult.findMany({ where: { attemptId, attempt: { personId, status: "COMPLETED" } }, select: { groupCode: true, score: true, level: true } }),

    async abandon(attemptId: number, now: Date): Promise<void> {
      await prisma.attempt.updateMany({
        where: { id: attemptId, status: "IN_PROGRESS" },
        data: { status: "ABANDONED", updatedAt: now },
      });
    },

    /** The person's finished attempts, newest first, with their group results. */
    completed(personId: number, take: number) {
      return prisma.attempt.findMany({
        where: { personId, status: "COMPLETED" },
        orderBy: [{ completedAt: "desc" }, { id: "desc" }],
        take,
        select: {
          id: true,
          instrumentId: true,
          instrumentVersion: true,
          completedAt: true,
          results: { select: { groupCode: true, score: true, level: true } },
        },
      });
    },
  };
}

export type AttemptsRepository = ReturnType<typeof attemptsRepository>;
