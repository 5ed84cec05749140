// Broadcasts: a segment of people, resolved on the server (a methodist's segment is
// always limited to their caseload), and the messages put into the outbox, one
// row per recipient, so the delivery engine sends each once with its limits.
import type { PrismaClient } from "../db/database.ts";
import { checkMessage, type OutgoingButton } from "../delivery/outbox.ts";
import { validUntil } from "../delivery/validity.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { caseloadsSql } from "./caseloads.ts";

export interface Segment {
  /** teacher and manager follow the profile's position; the others are granted roles. */
  role?: "teacher" | "manager" | "mentor" | "methodist" | "coordinator";
  municipalityId?: string;
  organizationId?: string;
  young?: boolean;
  /** A competency group at the deficit level in the person's latest finished diagnostic. */
  deficit?: string;
}

export interface BroadcastReport {
  recipients: number;
  sent: number;
  pending: number;
  unreachable: number;
  failed: number;
}

const UNDER_35 = ["UNDER_25", "FROM_25_TO_29", "FROM_30_TO_34"];
const MANAGER = ["HEAD", "DEPUTY", "UNIT_HEAD"];

/**
 * The segment as an SQL condition on "Person" p: everything is decided in the
 * database, so a region-wide segment of 100,000 people never passes through the bot.
 */
export function segmentCondition(segment: Segment, methodistId?: number): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (methodistId !== undefined) {
    if (!Number.isInteger(methodistId)) throw new Error(`methodist id must be an integer, got ${methodistId}`);
    and.push(Prisma.sql`p."id" IN (SELECT c.pid FROM (${Prisma.raw(caseloadsSql(`ARRAY[${methodistId}]::int[]`))}) c)`);
  }
  if (segment.role === "teacher") and.push(Prisma.sql`p."position" = 'TEACHER'::"Position" AND p."profileCompletedAt" IS NOT NULL`);
  else if (segment.role === "manager") and.push(Prisma.sql`p."position"::text = ANY(${MANAGER}::text[]) AND p."profileCompletedAt" IS NOT NULL`);
  else if (segment.role) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "PersonRole" r WHERE r."personId" = p."id" AND r."role"::text = ${segment.role.toUpperCase()})`);
  if (segment.municipalityId) and.push(Prisma.sql`p."municipalityId" = ${segment.municipalityId}`);
  if (segment.organizationId) and.push(Prisma.sql`p."organizationId" = ${segment.organizationId}`);
  if (segment.young) and.push(Prisma.sql`p."ageGroup"::text = ANY(${UNDER_35}::text[]) AND p."experienceYears" < 3`);
  if (segment.deficit) {
    // The latest finished diagnostic decides: a deficit overcome since does not count.
    and.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "GroupResult" g
      WHERE g."groupCode" = ${segment.deficit} AND g."level" = 'DEFICIT'::"Level" AND g."attemptId" = (
        SELECT a."id" FROM "Attempt" a WHERE a."personId" = p."id" AND a."status" = 'COMPLETED'::"AttemptStatus"
        ORDER BY a."completedAt" DESC, a."id" DESC LIMIT 1))`);
  }
  return Prisma.join(and, " AND ");
}

export function broadcastsRepository(prisma: PrismaClient) {
  return {
    /** How many people the segment has (a methodist's: within their caseload). */
    async count(segment: Segment, methodistId?: number): Promise<number> {
      const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "Person" p WHERE ${segmentCondition(segment, methodistId)}`;
      return row?.n ?? 0;
    },

    /**
     * Records the broadcast and puts one message per recipient into the outbox, in
     * one statement. People known to have blocked the bot get their row as
     * UNREACHABLE at once: they are not tried again, and the report counts them.
     * `text` may come in each language: a person who chose English gets `en`, everyone else `ru`.
     */
    async send(authorId: number | null, texts: string | { ru: string; en: string }, segment: Segment, methodistId: number | undefined, now: Date, buttons?: OutgoingButton[][]): Promise<{ id: number; recipients: number }> {
      const { ru: text, en } = typeof texts === "string" ? { ru: texts, en: texts } : texts;
      for (const t of [text, en]) checkMessage({ key: "broadcast", text: t, ...(buttons ? { buttons } : {}) });
      const json = buttons ? JSON.stringify(buttons.map((row) => row.map((b) => ({ text: b.text, data: b.data })))) : null;
      return prisma.$transaction(
        async (tx) => {
          const b = await tx.broadcast.create({ data: { authorId, text, segment: { ...segment, ...(methodistId ? { caseloadOf: methodistId } : {}) }, recipients: 0, createdAt: now } });
          const recipients = await tx.$executeRaw`
            INSERT INTO "OutboxMessage" ("key", "personId", "chatId", "kind", "text", "buttons", "dueAt", "expiresAt", "status", "lastError", "createdAt", "mentions")
            SELECT 'broadcast:' || ${b.id}::int || ':' || p."id", p."id", p."telegramId", 'broadcast', CASE WHEN p."locale" = 'en' THEN ${en} ELSE ${text} END, ${json}::jsonb, ${now}, ${validUntil("broadcast", now)},
                   CASE WHEN p."unreachableAt" IS NULL THEN 'PENDING'::"DeliveryStatus" ELSE 'UNREACHABLE'::"DeliveryStatus" END,
                   CASE WHEN p."unreachableAt" IS NULL THEN NULL ELSE 'blocked the bot earlier' END,
                   ${now},
                   -- The header names the author.
                   CASE WHEN ${authorId}::int IS NULL THEN '{}'::int[] ELSE ARRAY[${authorId}::int] END
            FROM "Person" p WHERE ${segmentCondition(segment, methodistId)}
            ORDER BY p."id"
            ON CONFLICT ("key") DO NOTHING`;
          await tx.broadcast.update({ where: { id: b.id }, data: { recipients } });
          await tx.auditLog.create({ data: { actorId: authorId, action: "broadcast.send", details: { broadcastId: b.id, recipients, segment: { ...segment } }, at: now } });
          return { id: b.id, recipients };
        },
        { timeout: 300_000 },
      );
    },

    /** Delivered, waiting, unreachable (blocked the bot) and failed (refused by Telegram, or expired undelivered). */
    async report(id: number): Promise<BroadcastReport | null> {
      const b = await prisma.broadcast.findUnique({ where: { id } });
      if (!b) return null;
      const rows = await prisma.outboxMessage.groupBy({ by: ["status"], where: { key: { startsWith: `broadcast:${id}:` } }, _count: { _all: true } });
      const n = (s: string) => rows.filter((r) => r.status === s).reduce((x, r) => x + r._count._all, 0);
      return { recipients: b.recipients, sent: n("SENT"), pending: n("PENDING") + n("SENDING"), unreachable: n("UNREACHABLE"), failed: n("FAILED") + n("EXPIRED") };
    },

    byId: (id: number) => prisma.broadcast.findUnique({ where: { id } }),

    /** The latest broadcasts, newest first; only the author's when `authorId` is given. */
    recent: (limit: number, authorId?: number) =>
      prisma.broadcast.findMany({
        where: authorId === undefined ? {} : { authorId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit,
        select: { id: true, authorId: true, text: true, recipients: true, createdAt: true },
      }),
  };
}

export type BroadcastsRepository = ReturnType<typeof broadcastsRepository>;
