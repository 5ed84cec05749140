// Mentoring storage. A mentor's places are taken and given back only by
// conditional updates (`taken < capacity`), so two mentees asking for the last
// place at the same moment cannot both get it, on PGlite or on a server.
import type { MentorCandidate, PairType } from "../core/matching.ts";
import type { PrismaClient } from "../db/database.ts";
import { Prisma } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

export type AskOutcome = "asked" | "full" | "stale";
export type AnswerOutcome = { result: "accepted"; pairId: number } | { result: "declined" } | { result: "stale" };

const personCard = { select: { id: true, fullName: true, telegramId: true, username: true, subjects: true, organization: { select: { name: true } }, organizationOther: true, municipality: { select: { name: true } } } } as const;

async function freePlace(tx: Tx, mentorId: number): Promise<void> {
  await tx.mentorProfile.updateMany({ where: { personId: mentorId, taken: { gt: 0 } }, data: { taken: { decrement: 1 } } });
}

/** Takes one of the mentor's places if one is free; false when the mentor is full, paused or stopped. */
async function takePlace(tx: Tx, mentorId: number): Promise<boolean> {
  const taken = await tx.$executeRaw`UPDATE "MentorProfile" SET "taken" = "taken" + 1 WHERE "personId" = ${mentorId} AND "status" = 'ACTIVE' AND "taken" < "capacity"`;
  return taken === 1;
}

export function mentoringRepository(prisma: PrismaClient) {
  return {
    profile: (personId: number) => prisma.mentorProfile.findUnique({ where: { personId } }),

    /** Creates or updates the person's mentor profile and grants the MENTOR role. */
    async saveProfile(personId: number, p: { subjects: string[]; strengths: string[]; capacity: number }, actorId: number | null, now: Date): Promise<"saved" | "below-taken"> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.mentorProfile.findUnique({ where: { personId } });
        if (existing && p.capacity < existing.taken) return "below-taken";
        await tx.mentorProfile.upsert({
          where: { personId },
          create: { personId, ...p, status: "ACTIVE", createdAt: now, updatedAt: now },
          update: { ...p, updatedAt: now },
        });
        if (!(await tx.personRole.findUnique({ where: { personId_role: { personId, role: "MENTOR" } } }))) {
          await tx.personRole.create({ data: { personId, role: "MENTOR", grantedAt: now, grantedById: actorId } });
          await tx.auditLog.create({ data: { actorId: actorId ?? personId, action: "role.grant", targetId: personId, details: { role: "MENTOR", via: actorId ? "staff" : "self" }, at: now } });
        }
        return "saved";
      });
    },

    async setStatus(personId: number, status: "ACTIVE" | "PAUSED" | "STOPPED", now: Date): Promise<boolean> {
      return (await prisma.mentorProfile.updateMany({ where: { personId }, data: { status, updatedAt: now } })).count > 0;
    },

    /** Mentors who could take someone now, with where they work. */
    async candidates(): Promise<MentorCandidate[]> {
      const rows = await prisma.mentorProfile.findMany({
        where: { status: "ACTIVE" },
        select: { personId: true, subjects: true, strengths: true, capacity: true, taken: true, status: true, person: { select: { organizationId: true, municipalityId: true } } },
      });
      return rows.filter((r) => r.taken < r.capacity).map(({ person, ...r }) => ({ ...r, organizationId: person.organizationId, municipalityId: person.municipalityId }));
    },

    openRequestOf: (menteeId: number) => prisma.mentoringRequest.findFirst({ where: { menteeId, status: { in: ["OPEN", "ASKED"] } } }),

    /** A new request, or the person's unresolved one (one per person, enforced by the database). */
    async createRequest(menteeId: number, needs: string[], now: Date) {
      try {
        return await prisma.mentoringRequest.create({ data: { menteeId, needs, createdAt: now } });
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
          const open = await prisma.mentoringRequest.findFirst({ where: { menteeId, status: { in: ["OPEN", "ASKED"] } } });
          if (open) return open;
        }
        throw e;
      }
    },

    /** Sends the request to a mentor, taking one of their places; a full mentor is passed over. */
    async ask(requestId: number, mentorId: number, now: Date): Promise<AskOutcome> {
      return prisma.$transaction(async (tx) => {
        const request = await tx.mentoringRequest.findFirst({ where: { id: requestId, status: "OPEN" } });
        if (!request || request.passedIds.includes(mentorId) || request.menteeId === mentorId) return "stale";
        if (!(await takePlace(tx, mentorId))) {
          await tx.mentoringRequest.update({ where: { id: requestId }, data: { passedIds: { push: mentorId } } });
          return "full";
        }
        await tx.mentoringRequest.update({ where: { id: requestId }, data: { status: "ASKED", askedId: mentorId, askedAt: now } });
        return "asked";
      });
    },

    /** The asked mentor's answer: a pair (the place stays taken), or the place given back. */
    async answer(requestId: number, mentorId: number, accept: boolean, type: PairType, now: Date): Promise<AnswerOutcome> {
      return prisma.$transaction(async (tx) => {
        const moved = await tx.mentoringRequest.updateMany({
          where: { id: requestId, status: "ASKED", askedId: mentorId },
          data: accept ? { status: "ACCEPTED", resolvedAt: now } : { status: "OPEN", askedId: null, askedAt: null, passedIds: { push: mentorId } },
        });
        if (moved.count === 0) return { result: "stale" };
        if (!accept) {
          await freePlace(tx, mentorId);
          return { result: "declined" };
        }
        const request = await tx.mentoringRequest.findUniqueOrThrow({ where: { id: requestId } });
        const pair = await tx.mentorPair.create({ data: { mentorId, menteeId: request.menteeId, requestId, type, needs: request.needs, createdAt: now } });
        return { result: "accepted", pairId: pair.id };
      });
    },

    /** Requests whose mentor has not answered since `before`: handed back (the place freed) for the next candidate. */
    async expire(before: Date): Promise<{ requestId: number; menteeId: number; mentorId: number }[]> {
      const late = await prisma.mentoringRequest.findMany({ where: { status: "ASKED", askedAt: { lt: before } }, select: { id: true, menteeId: true, askedId: true } });
      const expired: { requestId: number; menteeId: number; mentorId: number }[] = [];
      for (const r of late) {
        const done = await prisma.$transaction(async (tx) => {
          const moved = await tx.mentoringRequest.updateMany({
            where: { id: r.id, status: "ASKED", askedId: r.askedId },
            data: { status: "OPEN", askedId: null, askedAt: null, passedIds: { push: r.askedId! } },
          });
          if (moved.count) await freePlace(tx, r.askedId!);
          return moved.count > 0;
        });
        if (done) expired.push({ requestId: r.id, menteeId: r.menteeId, mentorId: r.askedId! });
      }
      return expired;
    },

    async exhaust(requestId: number, now: Date): Promise<void> {
      await prisma.mentoringRequest.updateMany({ where: { id: requestId, status: "OPEN" }, data: { status: "EXHAUSTED", resolvedAt: now } });
    },

    async cancel(requestId: number, menteeId: number, now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const r = await tx.mentoringRequest.findFirst({ where: { id: requestId, menteeId, status: { in: ["OPEN", "ASKED"] } } });
        if (!r) return false;
        await tx.mentoringRequest.update({ where: { id: requestId }, data: { status: "CANCELLED", resolvedAt: now } });
        if (r.status === "ASKED" && r.askedId) await freePlace(tx, r.askedId);
        return true;
      });
    },

    request: (id: number) => prisma.mentoringRequest.findUnique({ where: { id } }),

    /** A coordinator pairs two people by hand (the mentor must have a free place). */
    /** Requests waiting for this mentor's answer. */
    askedOf: async (mentorId: number): Promise<number[]> =>
      (await prisma.mentoringRequest.findMany({ where: { status: "ASKED", askedId: mentorId }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id),

    async pairByHand(mentorId: number, menteeId: number, type: PairType, needs: string[], actorId: number | null, now: Date): Promise<number | "full"> {
      return prisma.$transaction(async (tx) => {
        if (!(await takePlace(tx, mentorId))) return "full";
        const pair = await tx.mentorPair.create({ data: { mentorId, menteeId, type, needs, createdAt: now, createdById: actorId } });
        await tx.auditLog.create({ data: { actorId, action: "pair.create", targetId: menteeId, details: { pairId: pair.id, mentorId }, at: now } });
        return pair.id;
      });
    },

    /** Closes an active pair and gives the mentor's place back; `actorId` is a member or a coordinator. */
    async close(pairId: number, actorId: number | null, now: Date, audit = false): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const pair = await tx.mentorPair.findFirst({ where: { id: pairId, status: "ACTIVE" } });
        if (!pair) return false;
        await tx.mentorPair.update({ where: { id: pairId }, data: { status: "CLOSED", closedAt: now, closedById: actorId } });
        await freePlace(tx, pair.mentorId);
        if (audit) await tx.auditLog.create({ data: { actorId, action: "pair.close", targetId: pair.menteeId, details: { pairId }, at: now } });
        return true;
      });
    },

    /** Active pairs where the person is mentor or mentee, with both people. */
    pairsOf: (personId: number) =>
      prisma.mentorPair.findMany({
        where: { status: "ACTIVE", OR: [{ mentorId: personId }, { menteeId: personId }] },
        orderBy: { id: "asc" },
        include: { mentor: personCard, mentee: personCard, meetings: { orderBy: { date: "desc" }, take: 3 }, goals: true, _count: { select: { meetings: true } } },
      }),

    /** The pair, if the person is in it. */
    pairOf: (pairId: number, personId: number) =>
      prisma.mentorPair.findFirst({ where: { id: pairId, OR: [{ mentorId: personId }, { menteeId: personId }] }, include: { mentor: personCard, mentee: personCard } }),

    pairsOfPeople: (personIds: number[]) =>
      prisma.mentorPair.findMany({ where: { status: "ACTIVE", OR: [{ mentorId: { in: personIds } }, { menteeId: { in: personIds } }] }, include: { mentor: personCard, mentee: personCard } }),

    people: (ids: number[]) => prisma.person.findMany({ where: { id: { in: ids } }, ...personCard }),

    async logMeeting(pairId: number, byId: number, m: { date: Date; topic: string; note: string | null }, now: Date): Promise<void> {
      await prisma.meeting.create({ data: { pairId, loggedById: byId, ...m, createdAt: now } });
    },

    async addGoal(pairId: number, routeItemId: number | null, text: string, now: Date): Promise<boolean> {
      const r = await prisma.pairGoal.createMany({ data: [{ pairId, routeItemId, text, createdAt: now }], skipDuplicates: true });
      return r.count > 0;
    },

    goalsOf: (pairId: number) => prisma.pairGoal.findMany({ where: { pairId }, select: { routeItemId: true, text: true } }),

    feedbackOf: (pairId: number, personId: number) => prisma.pairFeedback.findUnique({ where: { pairId_personId: { pairId, personId } } }),

    async checkin(pairId: number, personId: number, month: string, met: boolean, now: Date): Promise<void> {
      await prisma.pairCheckin.upsert({
        where: { pairId_personId_month: { pairId, personId, month } },
        create: { pairId, personId, month, met, createdAt: now },
        update: { met },
      });
    },

    async feedback(pairId: number, personId: number, rating: number, comment: string | null, now: Date): Promise<void> {
      await prisma.pairFeedback.upsert({
        where: { pairId_personId: { pairId, personId } },
        create: { pairId, personId, rating, comment, createdAt: now },
        update: { rating, ...(comment === null ? {} : { comment }) },
      });
    },

    /** Active pairs at least `since` old, for the monthly check-in. */
    pairsOlderThan: (since: Date) =>
      prisma.mentorPair.findMany({ where: { status: "ACTIVE", createdAt: { lt: since } }, include: { mentor: personCard, mentee: personCard } }),
  };
}

export type MentoringRepository = ReturnType<typeof mentoringRepository>;
