// A methodist's caseload: teachers of the municipalities and organizations assigned
// to them (including those who join later) and teachers assigned one by one.
// Visibility is always computed here, on the server, from these assignments.
import type { PrismaClient } from "../db/database.ts";
import type { Prisma } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

export type AssignmentTarget = { scope: "MUNICIPALITY"; municipalityId: string } | { scope: "ORGANIZATION"; organizationId: string } | { scope: "PERSON"; teacherId: number };

/**
 * The same caseloads in SQL, for statements over many methodists at once (digests):
 * rows (mid, pid, name, seen, age, exp) for the methodists in `methodistIds` (an SQL
 * int[] expression). Must select exactly what teacherWhere selects; a test compares them.
 */
export function caseloadsSql(methodistIds: string): string {
  const branch = (scope: string, join: string) => `
  SELECT a."methodistId" AS mid, p."id" AS pid, p."fullName" AS name, COALESCE(p."lastSeenAt", p."createdAt") AS seen,
         p."ageGroup"::text AS age, p."experienceYears" AS exp
  FROM "MethodistAssignment" a JOIN "Person" p ON ${join}
  WHERE a."scope" = '${scope}' AND a."methodistId" = ANY(${methodistIds}) AND p."profileCompletedAt" IS NOT NULL AND p."id" <> a."methodistId"`;
  return [
    branch("MUNICIPALITY", `p."municipalityId" = a."municipalityId"`),
    branch("ORGANIZATION", `p."organizationId" = a."organizationId"`),
    branch("PERSON", `p."id" = a."teacherId"`),
  ].join("\n  UNION");
}

/** One assignment of a methodist's caseload, as stored. */
export interface Assignment {
  id: number;
  scope: string;
  municipalityId: string | null;
  organizationId: string | null;
  teacherId: number | null;
}

/**
 * Adds an assignment inside a transaction (idempotent) with its audit entry; `via`
 * says where it came from (the chat, the command line, an invitation). Null when it
 * was already there.
 */
export async function assignIn(tx: Tx, methodistId: number, target: AssignmentTarget, actorId: number | null, now: Date, via?: string): Promise<Assignment | null> {
  const data = {
    methodistId,
    scope: target.scope,
    municipalityId: target.scope === "MUNICIPALITY" ? target.municipalityId : null,
    organizationId: target.scope === "ORGANIZATION" ? target.organizationId : null,
    teacherId: target.scope === "PERSON" ? target.teacherId : null,
  };
  if (await tx.methodistAssignment.findFirst({ where: data })) return null;
  const row = await tx.methodistAssignment.create({ data: { ...data, createdAt: now } });
  await tx.auditLog.create({ data: { actorId, action: "caseload.assign", targetId: methodistId, details: { ...data, ...(via ? { via } : {}) }, at: now } });
  return row;
}

export function caseloadsRepository(prisma: PrismaClient) {
  /** The condition selecting a methodist's teachers; nothing when they have no assignment. */
  async function teacherWhere(methodistId: number): Promise<Prisma.PersonWhereInput> {
    const rows = await prisma.methodistAssignment.findMany({ where: { methodistId } });
    const municipalities = rows.flatMap((r) => (r.scope === "MUNICIPALITY" && r.municipalityId ? [r.municipalityId] : []));
    const organizations = rows.flatMap((r) => (r.scope === "ORGANIZATION" && r.organizationId ? [r.organizationId] : []));
    const people = rows.flatMap((r) => (r.scope === "PERSON" && r.teacherId ? [r.teacherId] : []));
    const or: Prisma.PersonWhereInput[] = [];
    if (municipalities.length) or.push({ municipalityId: { in: municipalities } });
    if (organizations.length) or.push({ organizationId: { in: organizations } });
    if (people.length) or.push({ id: { in: people } });
    return or.length ? { AND: [{ OR: or }, { profileCompletedAt: { not: null } }, { id: { not: methodistId } }] } : { id: { in: [] } };
  }

  return {
    teacherWhere,

    /** `assignment` is the new row, or null when it was already there. */
    async assign(methodistId: number, target: AssignmentTarget, actorId: number | null, now: Date): Promise<{ created: boolean; caseload: number; assignment: Assignment | null }> {
      const assignment = await prisma.$transaction((tx) => assignIn(tx, methodistId, target, actorId, now));
      return { created: assignment !== null, caseload: await prisma.person.count({ where: await teacherWhere(methodistId) }), assignment };
    },

    /** The removed assignment, or null when the methodist has no such assignment. */
    async unassign(methodistId: number, assignmentId: number, actorId: number | null, now: Date): Promise<Assignment | null> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.methodistAssignment.findFirst({ where: { id: assignmentId, methodistId } });
        if (!row) return null;
        await tx.methodistAssignment.delete({ where: { id: row.id } });
        await tx.auditLog.create({ data: { actorId, action: "caseload.unassign", targetId: methodistId, details: { assignmentId }, at: now } });
        return row;
      });
    },

    /** What an assignment names, for people to read: a municipality's, organization's or teacher's name. */
    async targetName(a: Pick<Assignment, "municipalityId" | "organizationId" | "teacherId">): Promise<string> {
      if (a.municipalityId) return (await prisma.municipality.findUnique({ where: { id: a.municipalityId }, select: { name: true } }))?.name ?? a.municipalityId;
      if (a.organizationId) return (await prisma.organization.findUnique({ where: { id: a.organizationId }, select: { name: true } }))?.name ?? a.organizationId;
      if (a.teacherId) return (await prisma.person.findUnique({ where: { id: a.teacherId }, select: { fullName: true } }))?.fullName?.trim() || "—";
      return "—";
    },

    assignmentsOf: (methodistId: number) =>
      prisma.methodistAssignment.findMany({ where: { methodistId }, orderBy: { id: "asc" } }),

    async size(methodistId: number): Promise<number> {
      return prisma.person.count({ where: await teacherWhere(methodistId) });
    },

    async teachers(methodistId: number, skip: number, take: number) {
      return prisma.person.findMany({
        where: await teacherWhere(methodistId),
        orderBy: [{ fullName: "asc" }, { id: "asc" }],
        skip,
        take,
        select: { id: true, fullName: true, organization: { select: { name: true } }, organizationOther: true, ageGroup: true, experienceYears: true },
      });
    },

    /** Whether the teacher is in the methodist's caseload (checked for every card and action). */
    async canSee(methodistId: number, teacherId: number): Promise<boolean> {
      return (await prisma.person.count({ where: { AND: [{ id: teacherId }, await teacherWhere(methodistId)] } })) > 0;
    },
  };
}

export type CaseloadsRepository = ReturnType<typeof caseloadsRepository>;
