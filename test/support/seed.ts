// Small helpers that put people, roles, diagnostics and routes straight into the
// database for tests of scheduled work. Every person is also a chat of the fake
// Bot API (it answers "chat not found" for unknown chats).
import type { PrismaClient } from "../../src/db/database.ts";
import type { AgeGroup, Level, Position } from "../../src/generated/prisma/enums.ts";
import type { FakeBotApi, FakeUser } from "./fake-bot-api.ts";

const DAY = 86_400_000;

export interface SeedContext {
  prisma: PrismaClient;
  api: FakeBotApi;
  /** The test clock's now. */
  now: Date;
}

export interface PersonOptions {
  telegramId: number;
  fullName: string;
  municipalityId?: string | null;
  ageGroup?: AgeGroup;
  experienceYears?: number;
  lastSeenAt?: Date | null;
  timeZone?: string | null;
  mutedKinds?: string[];
  /** Profile finished (default): only then is a teacher in caseloads. */
  profileCompleted?: boolean;
}

export interface Seeded {
  id: number;
  telegramId: number;
  fullName: string;
  user: FakeUser;
}

/** A consented teacher with a finished profile, seen an hour ago unless told otherwise. */
export async function seedPerson(s: SeedContext, o: PersonOptions): Promise<Seeded> {
  const user = s.api.user(o.telegramId);
  const p = await s.prisma.person.create({
    data: {
      telegramId: BigInt(o.telegramId),
      consentVersion: "test",
      consentedAt: new Date(s.now.getTime() - 60 * DAY),
      fullName: o.fullName,
      position: "TEACHER",
      municipalityId: o.municipalityId === undefined ? null : o.municipalityId,
      subjects: [],
      experienceYears: o.experienceYears ?? 12,
      ageGroup: o.ageGroup ?? "FROM_35_TO_44",
      profileCompletedAt: o.profileCompleted === false ? null : new Date(s.now.getTime() - 60 * DAY),
      lastSeenAt: o.lastSeenAt === undefined ? new Date(s.now.getTime() - 3_600_000) : o.lastSeenAt,
      timeZone: o.timeZone ?? null,
      mutedKinds: o.mutedKinds ?? [],
      createdAt: new Date(s.now.getTime() - 60 * DAY),
    },
  });
  return { id: p.id, telegramId: o.telegramId, fullName: o.fullName, user };
}

export interface MethodistOptions extends PersonOptions {
  /** Municipalities assigned to the methodist. */
  assigned: string[];
  digestHour?: number;
  digestWhenEmpty?: boolean;
}

/** A person with the METHODIST role and municipality assignments. */
export async function seedMethodist(s: SeedContext, o: MethodistOptions): Promise<Seeded> {
  const m = await seedPerson(s, { ...o, municipalityId: o.municipalityId ?? null });
  await s.prisma.person.update({
    where: { id: m.id },
    data: { ...(o.digestHour === undefined ? {} : { digestHour: o.digestHour }), ...(o.digestWhenEmpty === undefined ? {} : { digestWhenEmpty: o.digestWhenEmpty }) },
  });
  await s.prisma.personRole.create({ data: { personId: m.id, role: "METHODIST", grantedAt: new Date(s.now.getTime() - 30 * DAY) } });
  for (const municipalityId of o.assigned) {
    await s.prisma.methodistAssignment.create({ data: { methodistId: m.id, scope: "MUNICIPALITY", municipalityId, createdAt: new Date(s.now.getTime() - 30 * DAY) } });
  }
  return m;
}

/** A finished diagnostic of the teacher instrument with the given group levels. */
export async function seedCompletedAttempt(s: SeedContext, personId: number, completedAt: Date, levels: Record<string, Level>): Promise<number> {
  const score = { DEFICIT: 20, DEVELOP: 60, CONFIDENT: 90 } as const;
  const a = await s.prisma.attempt.create({
    data: {
      personId,
      instrumentId: "teacher",
      instrumentVersion: "2026.1",
      status: "COMPLETED",
      cursor: 25,
      startedAt: new Date(completedAt.getTime() - 15 * 60_000),
      updatedAt: completedAt,
      completedAt,
      results: { create: Object.entries(levels).map(([groupCode, level]) => ({ groupCode, score: score[level], level })) },
    },
  });
  return a.id;
}

/** An unfinished diagnostic at question `cursor`, last touched at `updatedAt`. */
export async function seedUnfinishedAttempt(s: SeedContext, personId: number, updatedAt: Date, cursor = 7): Promise<number> {
  const a = await s.prisma.attempt.create({
    data: { personId, instrumentId: "teacher", instrumentVersion: "2026.1", status: "IN_PROGRESS", cursor, startedAt: new Date(updatedAt.getTime() - 10 * 60_000), updatedAt },
  });
  return a.id;
}

/** A UTC midnight of a "YYYY-MM-DD" date (how @db.Date columns are written). */
export const utcDate = (date: string): Date => new Date(`${date}T00:00:00Z`);

export interface RouteOptions {
  attemptId: number;
  confirmedAt: Date;
  /** Items' due dates ("YYYY-MM-DD"), one open programme item each. */
  itemsDue: string[];
  programmeId: string;
}

/** An active (confirmed) route with open items; returns the route's and items' ids. */
export async function seedActiveRoute(s: SeedContext, personId: number, o: RouteOptions): Promise<{ routeId: number; itemIds: number[] }> {
  const start = o.confirmedAt.toISOString().slice(0, 10);
  const r = await s.prisma.route.create({
    data: {
      personId,
      attemptId: o.attemptId,
      status: "ACTIVE",
      hoursBudget: 72,
      startsOn: utcDate(start),
      endsOn: new Date(utcDate(start).getTime() + 180 * DAY),
      unserved: [],
      createdAt: new Date(o.confirmedAt.getTime() - 10 * 60_000),
      confirmedAt: o.confirmedAt,
      items: { create: o.itemsDue.map((due, position) => ({ position, competency: "subject", programmeId: o.programmeId, hours: 36, dueOn: utcDate(due), reasons: [], status: "PLANNED" as const })) },
    },
    include: { items: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  return { routeId: r.id, itemIds: r.items.map((i) => i.id) };
}

export interface StaffOptions extends PersonOptions {
  /** An organization of the directory, or null (the default) for none. */
  organizationId?: string | null;
  /** TEACHER unless told otherwise; any other position is a manager. */
  position?: Position;
}

/** A person with a finished profile in an organization (seedPerson, then the place and position). */
export async function seedStaff(s: SeedContext, o: StaffOptions): Promise<Seeded> {
  const p = await seedPerson(s, o);
  await s.prisma.person.update({ where: { id: p.id }, data: { organizationId: o.organizationId ?? null, position: o.position ?? "TEACHER" } });
  return p;
}

/** A mentor's profile for an existing person, with free places. */
export async function seedMentorProfile(s: SeedContext, personId: number, o: { capacity?: number; strengths?: string[] } = {}): Promise<void> {
  await s.prisma.mentorProfile.create({
    data: { personId, subjects: [], strengths: o.strengths ?? ["subject"], capacity: o.capacity ?? 3, createdAt: s.now, updatedAt: s.now },
  });
}
