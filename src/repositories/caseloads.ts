// A methodist's caseload: teachers of the municipalities and organizations assigned
// to them (including those who join later) and teachers assigned one by one.
// Visibility is always computed here, on the server, from these assignments.
import type { PrismaClient } from "../db/database.ts";
import type { Prisma } from "../generated/prisma/client.ts";

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

    async assign(methodistId: number, target: AssignmentTarget, actorId: number | null, now: Date): Promise<{ created: boolean; caseload: number }> {
      const data = {
        methodistId,
        scope: target.scope,
        municipalityId: target.scope === "MUNICIPALITY" ? target.municipalityId : null,
        organizationId: target.scope === "ORGANIZATION" ? target.organizationId : null,
        teacherId: target.scope === "PERSON" ? target.teacherId : null,
      };
      const created = await prisma.$transaction(async (tx) => {
        if (await tx.methodistAssignment.findFirst({ where: data })) return false;
        await tx.methodistAssignment.create({ data: { ...data, createdAt: now } });
        await tx.auditLog.create({ data: { actorId, action: "caseload.assign", targetId: methodistId, details: { ...data }, at: now } });
        return true;
      });
      return { created, caseload: await prisma.person.count({ where: await teacherWhere(methodistId) }) };
    },

    async unassign(methodistId: number, assignmentId: number, actorId: number | null, now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const r = await tx.methodistAssignment.deleteMany({ where: { id: assignmentId, methodistId } });
        if (r.count) await tx.auditLog.create({ data: { actorId, action: "caseload.unassign", targetId: methodistId, details: { assignmentId }, at: now } });
        return r.count > 0;
      });
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
