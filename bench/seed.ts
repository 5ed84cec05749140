// Data generator for the benchmarks: fills a database with a realistic region.
//
// Each call ADDS `teachers` teachers on top of what is there (ids continue from the
// current maximum), so the digest benchmark can grow one database 10k → 100k → 250k.
// Teachers are spread over generated organizations (~40 teachers each) of the sample
// directory's municipalities; every methodist follows up to six organizations, so a
// caseload is at most 240 (the regulations' cap is 250).
//
// Rows go in with createMany in batches and explicit ids (computed from an offset),
// so no row is read back; the id sequences are moved past the new rows at the end.
import type { PrismaClient } from "../src/db/database.ts";
import type { Prisma } from "../src/generated/prisma/client.ts";
import type { AgeGroup, Level, Position, RouteItemStatus, RouteStatus } from "../src/generated/prisma/enums.ts";

const DAY = 86_400_000;
const BATCH = 5_000;
export const TEACHERS_PER_ORG = 40;
export const ORGS_PER_METHODIST = 6;
/** Telegram ids of seeded people: TELEGRAM_BASE + person id. */
export const TELEGRAM_BASE = 1_000_000_000;
const GROUPS = ["subject", "methodological", "psychological", "communicative", "digital"] as const;
const SUBJECTS = ["primary", "russian_lit", "math", "physics", "chemistry", "biology", "history", "english", "informatics", "pe"];
const SURNAMES = ["Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева", "Козлова", "Новикова", "Морозова"];
const NAMES = ["Мария", "Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Юлия", "Екатерина"];
const PATRONYMICS = ["Петровна", "Ивановна", "Сергеевна", "Алексеевна", "Николаевна", "Владимировна"];
const OLDER: AgeGroup[] = ["FROM_35_TO_44", "FROM_45_TO_54", "FROM_55", "FROM_30_TO_34", "FROM_25_TO_29"];

export interface SeedOptions {
  teachers: number;
  /** The moment the data is relative to (default: now). */
  now?: Date;
  /** Progress lines, e.g. console.error. */
  progress?: (line: string) => void;
}

export interface SeedReport {
  teachers: number;
  methodists: number;
  organizations: number;
  attempts: number;
  routes: number;
  routeItems: number;
  pairs: number;
  ms: number;
}

/** A deterministic pseudo-random generator (mulberry32), so reruns seed the same region. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function maxId(prisma: PrismaClient, table: string): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ m: number | null }[]>(`SELECT MAX("id")::int AS m FROM "${table}"`);
  return rows[0]?.m ?? 0;
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function seed(prisma: PrismaClient, o: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const now = o.now ?? new Date();
  const log = o.progress ?? (() => undefined);
  const random = rng(o.teachers + (await maxId(prisma, "Person")));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const dateOnly = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

  const municipalities = (await prisma.municipality.findMany({ select: { id: true }, orderBy: { sortOrder: "asc" } })).map((m) => m.id);
  if (municipalities.length === 0) throw new Error("the directory is empty: start the app once (it loads the sample directory) before seeding");
  const programmes = (await prisma.programme.findMany({ select: { registryNumber: true } })).map((p) => p.registryNumber);
  const activities = (await prisma.activity.findMany({ select: { id: true } })).map((a) => a.id);
  if (programmes.length + activities.length === 0) throw new Error("the catalogue is empty: start the app once (it loads the sample catalogue) before seeding");

  // Organizations: generated ones, ~40 teachers each, round-robin over the municipalities.
  const orgOffset = await prisma.organization.count({ where: { id: { startsWith: "bench-" } } });
  const orgCount = Math.ceil(o.teachers / TEACHERS_PER_ORG);
  const orgs = Array.from({ length: orgCount }, (_, k) => {
    const n = orgOffset + k;
    return { id: `bench-${n}`, municipalityId: municipalities[n % municipalities.length]!, name: `МБОУ «Школа № ${n + 1}»`, type: "SCHOOL" as const, teachersCount: TEACHERS_PER_ORG };
  });
  await inBatches(orgs, (data) => prisma.organization.createMany({ data }));

  // People: the teachers, then one methodist for every six organizations.
  const firstPerson = (await maxId(prisma, "Person")) + 1;
  const methodistCount = Math.ceil(orgCount / ORGS_PER_METHODIST);
  const people: Prisma.PersonCreateManyInput[] = [];
  const young = new Set<number>();
  for (let i = 0; i < o.teachers; i++) {
    const id = firstPerson + i;
    const org = orgs[Math.floor(i / TEACHERS_PER_ORG)]!;
    const isYoung = random() < 0.1;
    if (isYoung) young.add(id);
    const seenDaysAgo = random() < 0.15 ? 20 + random() * 60 : random() * 10; // ~15 % are "silent"
    people.push({
      id,
      telegramId: BigInt(TELEGRAM_BASE + id),
      consentVersion: "bench",
      consentedAt: ago(90 + random() * 200),
      fullName: `${pick(SURNAMES)} ${pick(NAMES)} ${pick(PATRONYMICS)}`,
      position: (random() < 0.07 ? pick(["HEAD", "DEPUTY", "UNIT_HEAD"]) : "TEACHER") as Position,
      municipalityId: org.municipalityId,
      organizationId: org.id,
      subjects: random() < 0.3 ? [pick(SUBJECTS), pick(SUBJECTS)].filter((s, j, a) => a.indexOf(s) === j) : [pick(SUBJECTS)],
      experienceYears: isYoung ? Math.floor(random() * 3) : 3 + Math.floor(random() * 35),
      ageGroup: isYoung ? pick<AgeGroup>(["UNDER_25", "FROM_25_TO_29", "FROM_30_TO_34"]) : pick(OLDER),
      profileCompletedAt: ago(80 + random() * 100),
      lastSeenAt: ago(seenDaysAgo),
      createdAt: ago(90 + random() * 200),
    });
  }
  const firstMethodist = firstPerson + o.teachers;
  for (let k = 0; k < methodistCount; k++) {
    people.push({
      id: firstMethodist + k,
      telegramId: BigInt(TELEGRAM_BASE + firstMethodist + k),
      consentVersion: "bench",
      consentedAt: ago(300),
      fullName: `Методист ${pick(SURNAMES)} ${k + 1}`,
      position: "TEACHER",
      municipalityId: orgs[k * ORGS_PER_METHODIST]!.municipalityId,
      subjects: [],
      profileCompletedAt: ago(300),
      lastSeenAt: ago(1),
      createdAt: ago(300),
    });
  }
  await inBatches(people, (data) => prisma.person.createMany({ data }));
  log(`seed: ${o.teachers} teachers, ${methodistCount} methodists, ${orgCount} organizations`);

  await inBatches(
    Array.from({ length: methodistCount }, (_, k) => ({ personId: firstMethodist + k, role: "METHODIST" as const, grantedAt: ago(300) })),
    (data) => prisma.personRole.createMany({ data }),
  );
  await inBatches(
    orgs.map((org, n) => ({ methodistId: firstMethodist + Math.floor(n / ORGS_PER_METHODIST), scope: "ORGANIZATION" as const, organizationId: org.id, createdAt: ago(300) })),
    (data) => prisma.methodistAssignment.createMany({ data }),
  );

  // A finished diagnostic for every teacher (completed over the last 60 days), five group results each.
  const firstAttempt = (await maxId(prisma, "Attempt")) + 1;
  const attempts = [];
  const results = [];
  const deficits = new Map<number, string[]>();
  for (let i = 0; i < o.teachers; i++) {
    const id = firstAttempt + i;
    const completedAt = ago(random() * 60);
    attempts.push({ id, personId: firstPerson + i, instrumentId: "teacher", instrumentVersion: "2026.1", status: "COMPLETED" as const, cursor: 25, startedAt: new Date(completedAt.getTime() - 900_000), updatedAt: completedAt, completedAt });
    const weak: string[] = [];
    for (const groupCode of GROUPS) {
      const score = Math.floor(20 + random() * 80);
      const level: Level = score < 50 ? "DEFICIT" : score < 75 ? "DEVELOP" : "CONFIDENT";
      if (level === "DEFICIT") weak.push(groupCode);
      results.push({ attemptId: id, groupCode, score, level });
    }
    deficits.set(i, weak);
  }
  await inBatches(attempts, (data) => prisma.attempt.createMany({ data }));
  await inBatches(results, (data) => prisma.groupResult.createMany({ data }));
  log(`seed: ${attempts.length} attempts, ${results.length} group results`);

  // Routes: ~45 % active (4 items, some done, some overdue), ~10 % completed, ~10 % draft.
  const firstRoute = (await maxId(prisma, "Route")) + 1;
  const routes: Prisma.RouteCreateManyInput[] = [];
  const items: Prisma.RouteItemCreateManyInput[] = [];
  for (let i = 0; i < o.teachers; i++) {
    const r = random();
    const status: RouteStatus | undefined = r < 0.45 ? "ACTIVE" : r < 0.55 ? "COMPLETED" : r < 0.65 ? "DRAFT" : undefined;
    if (!status) continue;
    const id = firstRoute + routes.length;
    const created = ago(5 + random() * 120);
    routes.push({
      id, personId: firstPerson + i, attemptId: firstAttempt + i, status, hoursBudget: 72,
      startsOn: dateOnly(created), endsOn: dateOnly(new Date(created.getTime() + 180 * DAY)), unserved: [], createdAt: created,
      confirmedAt: status === "DRAFT" ? null : random() < 0.02 ? ago(random()) : created,
      completedAt: status === "COMPLETED" ? ago(random() * 30) : null,
    });
    for (let position = 0; position < 4; position++) {
      const due = new Date(created.getTime() + (position + 1) * 40 * DAY);
      const itemStatus: RouteItemStatus = status === "COMPLETED" ? "DONE" : status === "DRAFT" ? "PLANNED" : due < now ? (random() < 0.7 ? "DONE" : "IN_PROGRESS") : random() < 0.2 ? "IN_PROGRESS" : "PLANNED";
      const programme = programmes.length > 0 && (activities.length === 0 || random() < 0.5);
      items.push({
        routeId: id, position, competency: deficits.get(i)?.[position] ?? GROUPS[position]!,
        programmeId: programme ? pick(programmes) : null, activityId: programme ? null : pick(activities),
        hours: 18, dueOn: dateOnly(due), reasons: ["deficit"], status: itemStatus,
        startedAt: itemStatus === "PLANNED" ? null : created, doneAt: itemStatus === "DONE" ? ago(random() * 30) : null,
        evidence: itemStatus === "DONE" ? "Удостоверение 00001" : null,
      });
    }
  }
  await inBatches(routes, (data) => prisma.route.createMany({ data }));
  await inBatches(items, (data) => prisma.routeItem.createMany({ data }));
  log(`seed: ${routes.length} routes, ${items.length} route items`);

  // Mentoring: ~3 % of the experienced teachers are mentors; half of the young ones have a pair.
  const mentors = [];
  for (let i = 0; i < o.teachers; i++) if (!young.has(firstPerson + i) && random() < 0.03) mentors.push(firstPerson + i);
  const firstPair = (await maxId(prisma, "MentorPair")) + 1;
  const pairs = [];
  const taken = new Map<number, number>();
  let m = 0;
  for (const menteeId of young) {
    if (mentors.length === 0 || random() < 0.5) continue;
    const mentorId = mentors[m++ % mentors.length]!;
    if ((taken.get(mentorId) ?? 0) >= 3) continue;
    taken.set(mentorId, (taken.get(mentorId) ?? 0) + 1);
    pairs.push({ id: firstPair + pairs.length, mentorId, menteeId, type: "YOUNG_SPECIALIST" as const, needs: ["methodological"], createdAt: ago(10 + random() * 100) });
  }
  await inBatches(
    mentors.map((personId) => ({ personId, subjects: [pick(SUBJECTS)], strengths: [pick(GROUPS)], capacity: 3, taken: taken.get(personId) ?? 0, createdAt: ago(150), updatedAt: ago(150) })),
    (data) => prisma.mentorProfile.createMany({ data }),
  );
  await inBatches(pairs, (data) => prisma.mentorPair.createMany({ data }));
  await inBatches(
    mentors.map((personId) => ({ personId, role: "MENTOR" as const, grantedAt: ago(150) })),
    (data) => prisma.personRole.createMany({ data }),
  );
  log(`seed: ${mentors.length} mentors, ${pairs.length} pairs`);

  // Explicit ids do not move the sequences: move them past the new rows.
  for (const table of ["Person", "Attempt", "Route", "MentorPair"]) {
    await prisma.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX("id") FROM "${table}"), 1))`);
  }
  // Fresh planner statistics, as autovacuum (PostgreSQL) or the bot's daily ANALYZE
  // (embedded) would have them: the benchmarks measure the bot, not a stale plan.
  await prisma.$executeRawUnsafe("ANALYZE");
  return {
    teachers: o.teachers, methodists: methodistCount, organizations: orgCount, attempts: attempts.length,
    routes: routes.length, routeItems: items.length, pairs: pairs.length, ms: performance.now() - started,
  };
}
