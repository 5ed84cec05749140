import type { Position } from "../core/instrument.ts";
import type { AgeGroup } from "../core/profile.ts";
import type { PrismaClient } from "../db/database.ts";
import { forgetInOutbox } from "../delivery/outbox-privacy.ts";

export interface ProfileInput {
  fullName: string;
  position: Position;
  municipalityId: string;
  organizationId: string | null;
  organizationOther: string | null;
  subjects: string[];
  experienceYears: number;
  ageGroup: AgeGroup;
}

const personView = {
  id: true,
  telegramId: true,
  fullName: true,
  position: true,
  subjects: true,
  experienceYears: true,
  ageGroup: true,
  organizationOther: true,
  profileCompletedAt: true,
  municipality: { select: { id: true, name: true } },
  organization: { select: { id: true, name: true, type: true } },
} as const;

const fullView = {
  ...personView,
  timeZone: true,
  mutedKinds: true,
  digestHour: true,
  digestWhenEmpty: true,
  unreachableAt: true,
} as const;

/** The other side of a pair that ended because a person deleted their data: `was` is what the other side was in it. */
export interface PairPartner {
  pairId: number;
  personId: number;
  telegramId: bigint;
  was: "mentor" | "mentee";
}

export function peopleRepository(prisma: PrismaClient) {
  return {
    byId: (id: number) => prisma.person.findUnique({ where: { id }, select: fullView }),

    async setDigest(id: number, data: { digestHour?: number; digestWhenEmpty?: boolean; timeZone?: string }): Promise<void> {
      await prisma.person.update({ where: { id }, data });
    },

    /** Switches a reminder kind off, or on again. */
    async toggleMuted(id: number, kind: string): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const p = await tx.person.findUniqueOrThrow({ where: { id }, select: { mutedKinds: true } });
        const muted = p.mutedKinds.includes(kind) ? p.mutedKinds.filter((k) => k !== kind) : [...p.mutedKinds, kind];
        await tx.person.update({ where: { id }, data: { mutedKinds: muted } });
      });
    },

    async recommend(authorId: number, teacherId: number, text: string, now: Date): Promise<void> {
      await prisma.$transaction([
        prisma.recommendation.create({ data: { authorId, teacherId, text, createdAt: now } }),
        prisma.auditLog.create({ data: { actorId: authorId, action: "recommendation.create", targetId: teacherId, at: now } }),
      ]);
    },

    recommendationsFor: (teacherId: number, take: number) =>
      prisma.recommendation.findMany({ where: { teacherId }, orderBy: { id: "desc" }, take, select: { text: true, createdAt: true } }),

    byTelegramId(telegramId: number) {
      return prisma.person.findUnique({ where: { telegramId: BigInt(telegramId) }, select: personView });
    },

    /** Records consent; the person's row is created only now. Idempotent. */
    async consent(telegramId: number, consentVersion: string, now: Date): Promise<void> {
      await prisma.person.upsert({
        where: { telegramId: BigInt(telegramId) },
        create: { telegramId: BigInt(telegramId), consentVersion, consentedAt: now },
        update: {},
      });
    },

    /** Marks the person as seen now; a person who writes is reachable again. */
    /**
     * The person wrote to the bot: reachable again at once, "last seen" now. One
     * statement that writes only when something changes (unreachable, a new username,
     * or last seen more than `everyMs` ago), so it costs a read on most updates and
     * holds for every bot process alike.
     */
    async seen(telegramId: number, now: Date, username: string | undefined, everyMs: number): Promise<void> {
      const stale = new Date(now.getTime() - everyMs);
      await prisma.$executeRaw`
        UPDATE "Person" SET "lastSeenAt" = ${now}, "unreachableAt" = NULL, "username" = ${username ?? null}
        WHERE "telegramId" = ${BigInt(telegramId)}
          AND ("unreachableAt" IS NOT NULL OR "lastSeenAt" IS NULL OR "lastSeenAt" < ${stale} OR "username" IS DISTINCT FROM ${username ?? null})`;
    },

    async setName(telegramId: number, fullName: string): Promise<void> {
      await prisma.person.update({ where: { telegramId: BigInt(telegramId) }, data: { fullName } });
    },

    async saveProfile(telegramId: number, p: ProfileInput, now: Date): Promise<void> {
      await prisma.person.update({
        where: { telegramId: BigInt(telegramId) },
        data: { ...p, profileCompletedAt: now },
      });
    },

    /**
     * Deletes the person and everything stored about them: attempts, answers and
     * results go by cascade; conversation state is keyed by the chat. Returns null
     * when there was nobody, else the other sides of the person's active mentoring
     * pairs (those pairs go with the person), to be told.
     */
    async forget(telegramId: number, sessionKeys: readonly string[], neutralName: string): Promise<{ partners: PairPartner[] } | null> {
      return prisma.$transaction(async (tx) => {
        const person = await tx.person.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { id: true, telegramId: true, fullName: true, username: true } });
        await tx.session.deleteMany({ where: { key: { in: [...sessionKeys] } } });
        if (!person) return null;
        const partner = { select: { id: true, telegramId: true } } as const;
        const pairs = await tx.mentorPair.findMany({
          where: { status: "ACTIVE", OR: [{ menteeId: person.id }, { mentorId: person.id }] },
          select: { id: true, mentorId: true, menteeId: true, mentor: partner, mentee: partner },
        });
        // The mentors' places this person held (an active pair, a request waiting for an answer) come back.
        const held = [
          ...pairs.filter((p) => p.menteeId === person.id).map((p) => p.mentorId),
          ...(await tx.mentoringRequest.findMany({ where: { menteeId: person.id, status: "ASKED" }, select: { askedId: true } })).flatMap((r) => (r.askedId ? [r.askedId] : [])),
        ];
        for (const mentorId of held) {
          await tx.mentorProfile.updateMany({ where: { personId: mentorId, taken: { gt: 0 } }, data: { taken: { decrement: 1 } } });
        }
        // Other people's messages not sent yet lose this person (their own rows go by cascade).
        await forgetInOutbox(tx, person, neutralName);
        await tx.person.delete({ where: { id: person.id } });
        return {
          partners: pairs.map((p) =>
            p.menteeId === person.id
              ? { pairId: p.id, personId: p.mentor.id, telegramId: p.mentor.telegramId, was: "mentor" as const }
              : { pairId: p.id, personId: p.mentee.id, telegramId: p.mentee.telegramId, was: "mentee" as const },
          ),
        };
      });
    },
  };
}

export type PeopleRepository = ReturnType<typeof peopleRepository>;
export type PersonView = NonNullable<Awaited<ReturnType<PeopleRepository["byTelegramId"]>>>;
