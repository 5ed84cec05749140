// Broadcasts: a segment of people, resolved on the server (a methodist's segment is
// always limited to their caseload), and the messages put into the outbox, one
// row per recipient, so the delivery engine sends each once with its limits.
import type { PrismaClient } from "../db/database.ts";
import { enqueue } from "../delivery/outbox.ts";
import type { OutgoingButton } from "../delivery/outbox.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { CaseloadsRepository } from "./caseloads.ts";

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

const UNDER_35 = ["UNDER_25", "FROM_25_TO_29", "FROM_30_TO_34"] as const;

export function broadcastsRepository(prisma: PrismaClient, caseloads: CaseloadsRepository) {
  async function where(segment: Segment, methodistId?: number): Promise<Prisma.PersonWhereInput> {
    const and: Prisma.PersonWhereInput[] = [];
    if (methodistId !== undefined) and.push(await caseloads.teacherWhere(methodistId));
    if (segment.role === "teacher") and.push({ position: "TEACHER", profileCompletedAt: { not: null } });
    else if (segment.role === "manager") and.push({ position: { in: ["HEAD", "DEPUTY", "UNIT_HEAD"] }, profileCompletedAt: { not: null } });
    else if (segment.role) and.push({ roles: { some: { role: segment.role.toUpperCase() as "MENTOR" | "METHODIST" | "COORDINATOR" } } });
    if (segment.municipalityId) and.push({ municipalityId: segment.municipalityId });
    if (segment.organizationId) and.push({ organizationId: segment.organizationId });
    if (segment.young) and.push({ ageGroup: { in: [...UNDER_35] }, experienceYears: { lt: 3 } });
    return { AND: and };
  }

  /** The people of a segment: Telegram chat and id. */
  async function recipients(segment: Segment, methodistId?: number): Promise<{ id: number; telegramId: bigint; unreachableAt: Date | null }[]> {
    const people = await prisma.person.findMany({ where: await where(segment, methodistId), select: { id: true, telegramId: true, unreachableAt: true }, orderBy: { id: "asc" } });
    if (!segment.deficit) return people;
    // The latest finished diagnostic decides: a deficit overcome since does not count.
    // One array parameter, however many people (a region's segment can be 100,000).
    const ids = people.map((p) => p.id);
    const rows = await prisma.$queryRaw<{ personId: number }[]>`
      SELECT l."personId" FROM (
        SELECT DISTINCT ON (a."personId") a."personId", a."id" FROM "Attempt" a
        WHERE a."status" = 'COMPLETED'::"AttemptStatus" AND a."personId" = ANY(${ids}::int[])
        ORDER BY a."personId", a."completedAt" DESC, a."id" DESC
      ) l
      WHERE EXISTS (SELECT 1 FROM "GroupResult" g WHERE g."attemptId" = l."id" AND g."groupCode" = ${segment.deficit} AND g."level" = 'DEFICIT'::"Level")`;
    const withDeficit = new Set(rows.map((r) => r.personId));
    return people.filter((p) => withDeficit.has(p.id));
  }

  return {
    recipients,

    /** Records the broadcast and puts one message per recipient into the outbox. */
    async send(authorId: number | null, text: string, segment: Segment, methodistId: number | undefined, now: Date, buttons?: OutgoingButton[][]): Promise<{ id: number; recipients: number }> {
      const people = await recipients(segment, methodistId);
      const b = await prisma.broadcast.create({ data: { authorId, text, segment: { ...segment, ...(methodistId ? { caseloadOf: methodistId } : {}) }, recipients: people.length, createdAt: now } });
      await prisma.auditLog.create({ data: { actorId: authorId, action: "broadcast.send", details: { broadcastId: b.id, recipients: people.length, segment: { ...segment } }, at: now } });
      await enqueue(
        prisma,
        people.map((p) => ({ key: `broadcast:${b.id}:${p.id}`, personId: p.id, chatId: p.telegramId, kind: "broadcast", text, ...(buttons ? { buttons } : {}), dueAt: now })),
        now,
      );
      // People known to have blocked the bot are not tried again; the report counts them.
      if (people.some((p) => p.unreachableAt)) {
        await prisma.outboxMessage.updateMany({
          where: { kind: "broadcast", key: { startsWith: `broadcast:${b.id}:` }, person: { unreachableAt: { not: null } } },
          data: { status: "UNREACHABLE", lastError: "blocked the bot earlier" },
        });
      }
      return { id: b.id, recipients: people.length };
    },

    /** Delivered, waiting, unreachable (blocked the bot) and failed. */
    async report(id: number): Promise<BroadcastReport | null> {
      const b = await prisma.broadcast.findUnique({ where: { id } });
      if (!b) return null;
      const rows = await prisma.outboxMessage.groupBy({ by: ["status"], where: { key: { startsWith: `broadcast:${id}:` } }, _count: { _all: true } });
      const n = (s: string) => rows.filter((r) => r.status === s).reduce((x, r) => x + r._count._all, 0);
      return { recipients: b.recipients, sent: n("SENT"), pending: n("PENDING") + n("SENDING"), unreachable: n("UNREACHABLE"), failed: n("FAILED") };
    },

    byId: (id: number) => prisma.broadcast.findUnique({ where: { id } }),
  };
}

export type BroadcastsRepository = ReturnType<typeof broadcastsRepository>;
