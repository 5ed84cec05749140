// Queries behind scheduled messages: all due methodists' digest data (one statement) and the teachers'
// due reminders. Each is a handful of set-based queries, never one per teacher.
import type { DigestData, DigestList, DigestPerson } from "../core/digest.ts";
import type { PrismaClient } from "../db/database.ts";
import { caseloadsSql } from "./caseloads.ts";

const DAY = 86_400_000;
const open = ["PLANNED", "IN_PROGRESS"] as const;

export interface ReminderRecipient {
  personId: number;
  telegramId: bigint;
  timeZone: string | null;
}

/** One methodist's digest to compute: since `from`, with overdue counted before `today` (YYYY-MM-DD, their local date). */
export interface DigestRequest {
  methodistId: number;
  from: Date;
  today: string;
}

interface DigestRow {
  kind: "caseload" | "finished" | "routes" | "done" | "deficits" | "overdue" | "silent" | "young";
  mid: number;
  pid: number | null;
  name: string | null;
  n: number;
  deficits: string[] | null;
  total: number;
  items: number;
  rk: number;
}

// Parameters: $1 methodist ids, $2 their `from` (timestamps), $3 their `today` (dates),
// $4 `to`, $5 silent before, $6 names per list, $7 the earliest `from`, $8 the latest
// `today` ($7 and $8 let the indexes narrow the scans). Timestamps are UTC, as stored.
const DIGEST_SQL = `
WITH m AS (
  SELECT id, since::timestamp(3) AS since, today::date AS today FROM unnest($1::int[], $2::text[], $3::text[]) AS m(id, since, today)
),
cl AS MATERIALIZED (${caseloadsSql("$1::int[]")}),
fin AS MATERIALIZED (
  SELECT cl.mid, cl.pid, cl.name, at."id" AS aid
  FROM cl JOIN m ON m.id = cl.mid JOIN "Attempt" at ON at."personId" = cl.pid
  WHERE at."status" = 'COMPLETED' AND at."completedAt" >= $7::timestamp(3) AND at."completedAt" >= m.since AND at."completedAt" < $4::timestamp(3)
),
deficits AS (
  -- Through the primary key, attempt by attempt: the day's attempts are few, the results many.
  SELECT fin.mid, fin.pid, fin.name, d.deficits
  FROM fin CROSS JOIN LATERAL (
    SELECT array_agg(g."groupCode" ORDER BY g."groupCode") AS deficits FROM "GroupResult" g WHERE g."attemptId" = fin.aid AND g."level" = 'DEFICIT'
  ) d
  WHERE d.deficits IS NOT NULL
),
overdue AS (
  SELECT cl.mid, cl.pid, cl.name, count(*)::int AS n
  FROM cl JOIN m ON m.id = cl.mid
  JOIN "Route" r ON r."personId" = cl.pid AND r."status" = 'ACTIVE'
  JOIN "RouteItem" i ON i."routeId" = r."id"
  WHERE i."status" IN ('PLANNED', 'IN_PROGRESS') AND i."dueOn" < $8::date AND i."dueOn" < m.today
  GROUP BY cl.mid, cl.pid, cl.name
),
young AS (
  SELECT cl.mid, cl.pid, cl.name FROM cl
  WHERE cl.age IN ('UNDER_25', 'FROM_25_TO_29', 'FROM_30_TO_34') AND cl.exp < 3
    AND NOT EXISTS (SELECT 1 FROM "Route" r WHERE r."personId" = cl.pid AND r."status" = 'ACTIVE')
    AND NOT EXISTS (SELECT 1 FROM "MentorPair" mp WHERE mp."menteeId" = cl.pid AND mp."status" = 'ACTIVE')
),
ranked AS (
  SELECT 'deficits'::text AS kind, mid, pid, name, cardinality(deficits)::int AS n, deficits, count(*) OVER w AS total, 0::bigint AS items,
         row_number() OVER (PARTITION BY mid ORDER BY cardinality(deficits) DESC, name, pid) AS rk
  FROM deficits WINDOW w AS (PARTITION BY mid)
  UNION ALL
  SELECT 'overdue', mid, pid, name, n, NULL, count(*) OVER w, sum(n) OVER w, row_number() OVER (PARTITION BY mid ORDER BY n DESC, name, pid)
  FROM overdue WINDOW w AS (PARTITION BY mid)
  UNION ALL
  SELECT 'silent', mid, pid, name, 0, NULL, count(*) OVER w, 0, row_number() OVER (PARTITION BY mid ORDER BY seen, pid)
  FROM cl WHERE seen < $5::timestamp(3) WINDOW w AS (PARTITION BY mid)
  UNION ALL
  SELECT 'young', mid, pid, name, 0, NULL, count(*) OVER w, 0, row_number() OVER (PARTITION BY mid ORDER BY name, pid)
  FROM young WINDOW w AS (PARTITION BY mid)
)
SELECT kind, mid, pid, name, n, deficits, total::int AS total, items::int AS items, rk::int AS rk FROM ranked WHERE rk <= $6
UNION ALL
SELECT 'caseload', mid, NULL, NULL, count(*)::int, NULL, 0, 0, 0 FROM cl GROUP BY mid
UNION ALL
SELECT 'finished', mid, NULL, NULL, count(*)::int, NULL, 0, 0, 0 FROM fin GROUP BY mid
UNION ALL
SELECT 'routes', cl.mid, NULL, NULL, count(*)::int, NULL, 0, 0, 0
FROM cl JOIN m ON m.id = cl.mid JOIN "Route" r ON r."personId" = cl.pid
WHERE r."confirmedAt" >= $7::timestamp(3) AND r."confirmedAt" >= m.since AND r."confirmedAt" < $4::timestamp(3)
GROUP BY cl.mid
UNION ALL
SELECT 'done', cl.mid, NULL, NULL, count(*)::int, NULL, 0, 0, 0
FROM cl JOIN m ON m.id = cl.mid JOIN "Route" r ON r."personId" = cl.pid JOIN "RouteItem" i ON i."routeId" = r."id"
WHERE i."status" = 'DONE' AND i."doneAt" >= $7::timestamp(3) AND i."doneAt" >= m.since AND i."doneAt" < $4::timestamp(3)
GROUP BY cl.mid`;

export function scheduleRepository(prisma: PrismaClient) {
  const recipient = { id: true, telegramId: true, timeZone: true, mutedKinds: true, unreachableAt: true } as const;
  const reachable = (kind: string) => ({ unreachableAt: null, NOT: { mutedKinds: { has: kind } } });

  return {
    /** Methodists with their digest settings. */
    methodists: () =>
      prisma.person.findMany({
        where: { roles: { some: { role: "METHODIST" } }, unreachableAt: null },
        select: { id: true, telegramId: true, timeZone: true, digestHour: true, digestWhenEmpty: true },
      }),

    /** When each methodist's previous digest was produced: the next one covers what happened since. */
    async lastDigestsAt(methodistIds: number[]): Promise<Map<number, Date>> {
      const rows = await prisma.outboxMessage.groupBy({ by: ["personId"], where: { kind: "digest", personId: { in: methodistIds } }, _max: { createdAt: true } });
      return new Map(rows.flatMap((r) => (r._max.createdAt ? [[r.personId, r._max.createdAt] as const] : [])));
    },

    /** Keys among `keys` already in the outbox. */
    existingKeys: async (keys: string[]) => new Set((await prisma.outboxMessage.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((m) => m.key)),

    /**
     * The digest data of many methodists in one statement: what happened in each
     * caseload in [from, to), and what needs attention on the methodist's `today`
     * (their local date). The caseloads are computed once, in the database; counts and
     * the first `top` names of each list come back, never a row per teacher.
     */
    async digests(batch: DigestRequest[], to: Date, silentDays: number, top: number): Promise<Map<number, DigestData>> {
      const out = new Map<number, DigestData>();
      if (batch.length === 0) return out;
      const ts = (d: Date) => d.toISOString().slice(0, 23).replace("T", " ");
      const earliest = new Date(Math.min(...batch.map((b) => b.from.getTime())));
      const latestDay = batch.map((b) => b.today).sort().at(-1)!;
      const rows = await prisma.$queryRawUnsafe<DigestRow[]>(
        DIGEST_SQL,
        batch.map((b) => b.methodistId),
        batch.map((b) => ts(b.from)),
        batch.map((b) => b.today),
        ts(to),
        ts(new Date(to.getTime() - silentDays * DAY)),
        top,
        ts(earliest),
        latestDay,
      );
      const list = <P>(): DigestList<P & DigestPerson> => ({ count: 0, top: [] });
      for (const b of batch) {
        out.set(b.methodistId, { caseload: 0, finished: list(), routesConfirmed: 0, itemsDone: 0, overdue: { ...list(), items: 0 }, silent: list(), youngWithoutSupport: list() });
      }
      // Rows of a union come in no particular order: the statement ranks, this keeps the rank.
      for (const r of rows.sort((a, b) => a.rk - b.rk)) {
        const d = out.get(r.mid);
        if (!d) continue;
        const person = { personId: r.pid!, name: r.name ?? `#${r.pid}` };
        switch (r.kind) {
          case "caseload": d.caseload = r.n; break;
          case "finished": d.finished.count = r.n; break;
          case "routes": d.routesConfirmed = r.n; break;
          case "done": d.itemsDone = r.n; break;
          case "deficits": d.finished.top.push({ ...person, deficits: r.deficits ?? [] }); break;
          case "overdue": d.overdue.count = r.total; d.overdue.items = r.items; d.overdue.top.push({ ...person, count: r.n }); break;
          case "silent": d.silent.count = r.total; d.silent.top.push(person); break;
          case "young": d.youngWithoutSupport.count = r.total; d.youngWithoutSupport.top.push(person); break;
        }
      }
      return out;
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
