// Queries behind scheduled messages: a methodist's digest data and the teachers'
// due reminders. Each is a handful of set-based queries, never one per teacher.
import type { DigestData } from "../core/digest.ts";
import type { PrismaClient } from "../db/database.ts";
import type { CaseloadsRepository } from "./caseloads.ts";

const UNDER_35 = ["UNDER_25", "FROM_25_TO_29", "FROM_30_TO_34"] as const;
const DAY = 86_400_000;
const open = ["PLANNED", "IN_PROGRESS"] as const;

export interface ReminderRecipient {
  personId: number;
  telegramId: bigint;
  timeZone: string | null;
}

export function scheduleRepository(prisma: PrismaClient, caseloads: CaseloadsRepository) {
  const recipient = { id: true, telegramId: true, timeZone: true, mutedKinds: true, unreachableAt: true } as const;
  const reachable = (kind: string) => ({ unreachableAt: null, NOT: { mutedKinds: { has: kind } } });

  return {
    /** Methodists with their digest settings. */
    methodists: () =>
      prisma.person.findMany({
        where: { roles: { some: { role: "METHODIST" } }, unreachableAt: null },
        select: { id: true, telegramId: true, timeZone: true, digestHour: true, digestWhenEmpty: true },
      }),

    /** When the methodist's previous digest was produced: the next one covers what happened since. */
    lastDigestAt: async (methodistId: number) =>
      (await prisma.outboxMessage.findFirst({ where: { personId: methodistId, kind: "digest" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }))?.createdAt,

    /** Keys among `keys` already in the outbox. */
    existingKeys: async (keys: string[]) => new Set((await prisma.outboxMessage.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((m) => m.key)),

    /** What happened in the caseload in [from, to), and what needs attention on `today` (a UTC midnight). */
    async digestData(methodistId: number, from: Date, to: Date, today: Date, silentDays: number): Promise<DigestData> {
      const teachers = await caseloads.teacherWhere(methodistId);
      const name = { select: { id: true, fullName: true } } as const;
      const label = (p: { id: number; fullName: string | null }) => ({ personId: p.id, name: p.fullName ?? `#${p.id}` });
      const [caseload, finished, routes, done, overdue, silent, young] = await Promise.all([
        prisma.person.count({ where: teachers }),
        prisma.attempt.findMany({
          where: { status: "COMPLETED", completedAt: { gte: from, lt: to }, person: teachers },
          select: { person: name, results: { where: { level: "DEFICIT" }, select: { groupCode: true } } },
        }),
        prisma.route.findMany({ where: { confirmedAt: { gte: from, lt: to }, person: teachers }, select: { person: name } }),
        prisma.routeItem.findMany({ where: { status: "DONE", doneAt: { gte: from, lt: to }, route: { person: teachers } }, select: { route: { select: { person: name } } } }),
        prisma.routeItem.findMany({
          where: { status: { in: [...open] }, dueOn: { lt: today }, route: { status: "ACTIVE", person: teachers } },
          select: { route: { select: { person: name } } },
        }),
        prisma.person.findMany({
          where: { AND: [teachers, { OR: [{ lastSeenAt: { lt: new Date(to.getTime() - silentDays * DAY) } }, { lastSeenAt: null, createdAt: { lt: new Date(to.getTime() - silentDays * DAY) } }] }] },
          select: { id: true, fullName: true },
          orderBy: { lastSeenAt: "asc" },
          take: 50,
        }),
        // Young teachers (under 35, first three years) with neither a mentor nor an active route.
        prisma.person.findMany({
          where: { AND: [teachers, { ageGroup: { in: [...UNDER_35] }, experienceYears: { lt: 3 }, routes: { none: { status: "ACTIVE" } }, pairsAsMentee: { none: { status: "ACTIVE" } } }] },
          select: { id: true, fullName: true },
          take: 50,
        }),
      ]);
      const perPerson = (rows: { route: { person: { id: number; fullName: string | null } } }[]) => {
        const counts = new Map<number, { personId: number; name: string; count: number }>();
        for (const r of rows) {
          const p = counts.get(r.route.person.id) ?? { ...label(r.route.person), count: 0 };
          p.count++;
          counts.set(p.personId, p);
        }
        return [...counts.values()];
      };
      return {
        caseload,
        finished: finished.map((a) => ({ ...label(a.person), deficits: a.results.map((r) => r.groupCode) })),
        routesConfirmed: routes.map((r) => label(r.person)),
        itemsDone: perPerson(done),
        overdue: perPerson(overdue),
        silent: silent.map(label),
        youngWithoutSupport: young.map(label),
      };
    },

    /** Unfinished diagnostics last touched in [from, to). */
    unfinishedDiagnostics: (from: Date, to: Date) =>
      prisma.attempt.findMany({
        where: { status: "IN_PROGRESS", updatedAt: { gte: from, lt: to }, person: reachable("diagnostic") },
        select: { id: true, cursor: true, person: { select: recipient } },
      }),

    /** Open items of active routes due on a day, or before it (overdue). */
    routeItemsDue: (where: { on: Date } | { before: Date }) =>
      prisma.routeItem.findMany({
        where: { status: { in: [...open] }, dueOn: "on" in where ? where.on : { lt: where.before }, route: { status: "ACTIVE", person: reachable("route") } },
        select: { id: true, dueOn: true, programme: { select: { title: true } }, activity: { select: { title: true } }, route: { select: { person: { select: recipient } } } },
      }),

    /** Routes finished before `before` with no diagnostic since. */
    finishedRoutesWithoutRetake: (before: Date) =>
      prisma.route.findMany({
        where: { status: "COMPLETED", completedAt: { lt: before }, person: { ...reachable("repeat"), attempts: { none: { status: "IN_PROGRESS" } } } },
        select: { id: true, completedAt: true, person: { select: { ...recipient, attempts: { where: { status: "COMPLETED" }, orderBy: { completedAt: "desc" }, take: 1, select: { completedAt: true } } } } },
      }),

    /** People whose latest diagnostic was finished before `before` (a repeat is due). */
    lastDiagnosticsBefore: (before: Date) =>
      prisma.person.findMany({
        where: { ...reachable("repeat"), attempts: { some: { status: "COMPLETED" }, none: { OR: [{ status: "IN_PROGRESS" }, { status: "COMPLETED", completedAt: { gte: before } }] } } },
        select: { ...recipient, attempts: { where: { status: "COMPLETED" }, orderBy: { completedAt: "desc" }, take: 1, select: { id: true } } },
      }),
  };
}

export type ScheduleRepository = ReturnType<typeof scheduleRepository>;
