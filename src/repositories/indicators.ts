// Facts behind the efficiency indicators for a period [from, to): a few set-based
// queries over the whole region, reduced to one record per person.
import type { DiagnosedPerson } from "../core/analysis.ts";
import type { MethodistLoad, PersonFacts, ProviderCount, StaffUnit } from "../core/indicators.ts";
import { isYoungTeacher } from "../core/profile.ts";
import type { PrismaClient } from "../db/database.ts";
import type { CaseloadsRepository } from "./caseloads.ts";

export interface IndicatorFacts {
  people: PersonFacts[];
  staff: StaffUnit[];
  methodists: MethodistLoad[];
  providers: ProviderCount[];
}

export function indicatorsRepository(prisma: PrismaClient, caseloads: CaseloadsRepository) {
  const ids = (rows: { personId: number }[]) => new Set(rows.map((r) => r.personId));

  return {
    async facts(from: Date, to: Date): Promise<IndicatorFacts> {
      const [people, diagnosed, routed, done, mentored, organizations, methodistRoles, programmes, activities] = await Promise.all([
        prisma.person.findMany({
          where: { profileCompletedAt: { not: null } },
          select: { id: true, municipalityId: true, organizationId: true, position: true, ageGroup: true, experienceYears: true },
        }),
        prisma.attempt.findMany({ where: { status: "COMPLETED", completedAt: { gte: from, lt: to } }, select: { personId: true }, distinct: ["personId"] }),
        // A route built on a diagnostic, confirmed before the period ends and not finished before it starts.
        prisma.route.findMany({
          where: { confirmedAt: { lt: to }, status: { in: ["ACTIVE", "COMPLETED", "ARCHIVED"] }, OR: [{ completedAt: null }, { completedAt: { gte: from } }] },
          select: { personId: true },
          distinct: ["personId"],
        }),
        prisma.routeItem.findMany({
          where: { status: "DONE", doneAt: { gte: from, lt: to }, programmeId: { not: null } },
          select: { route: { select: { personId: true } }, programme: { select: { competencies: true } } },
        }),
        prisma.mentorPair.findMany({ where: { createdAt: { lt: to }, OR: [{ closedAt: null }, { closedAt: { gte: from } }] }, select: { menteeId: true }, distinct: ["menteeId"] }),
        prisma.organization.findMany({ select: { id: true, municipalityId: true, teachersCount: true, managersCount: true } }),
        prisma.personRole.findMany({ where: { role: "METHODIST" }, select: { personId: true, municipalityId: true } }),
        prisma.programme.groupBy({ by: ["provider"], where: { active: true }, _count: { _all: true } }),
        prisma.activity.groupBy({ by: ["organizer"], where: { active: true }, _count: { _all: true } }),
      ]);
      const diagnosedIds = ids(diagnosed);
      const routedIds = ids(routed);
      const registerDone = new Set(done.map((d) => d.route.personId));
      const qualityDone = new Set(done.filter((d) => d.programme?.competencies.includes("quality")).map((d) => d.route.personId));
      const mentoredIds = new Set(mentored.map((m) => m.menteeId));
      const others = new Map(activities.map((a) => [a.organizer, a._count._all]));
      return {
        people: people.map((p) => ({
          personId: p.id,
          municipalityId: p.municipalityId,
          organizationId: p.organizationId,
          manager: p.position !== null && p.position !== "TEACHER",
          young: isYoungTeacher(p),
          diagnosed: diagnosedIds.has(p.id),
          routed: routedIds.has(p.id),
          registerProgrammeDone: registerDone.has(p.id),
          qualityProgrammeDone: qualityDone.has(p.id),
          mentored: mentoredIds.has(p.id),
        })),
        staff: organizations.map((o) => ({ organizationId: o.id, municipalityId: o.municipalityId, teachers: o.teachersCount, managers: o.managersCount })),
        methodists: await Promise.all(methodistRoles.map(async (m) => ({ methodistId: m.personId, municipalityId: m.municipalityId, caseload: await caseloads.size(m.personId) }))),
        providers: programmes.map((p) => ({ provider: p.provider, register: p._count._all, other: others.get(p.provider) ?? 0 })),
      };
    },

    /** Each person's latest diagnostic finished in [from, to), with its deficit groups. */
    async diagnosedPeople(from: Date, to: Date): Promise<DiagnosedPerson[]> {
      const attempts = await prisma.attempt.findMany({
        where: { status: "COMPLETED", completedAt: { gte: from, lt: to } },
        orderBy: [{ completedAt: "desc" }, { id: "desc" }],
        select: { personId: true, person: { select: { municipalityId: true, organizationId: true } }, results: { where: { level: "DEFICIT" }, select: { groupCode: true } } },
      });
      const seen = new Set<number>();
      return attempts.flatMap((a) => {
        if (seen.has(a.personId)) return [];
        seen.add(a.personId);
        return [{ personId: a.personId, municipalityId: a.person.municipalityId, organizationId: a.person.organizationId, deficits: a.results.map((r) => r.groupCode) }];
      });
    },

    /** How many routes built in [from, to) could not serve each competency. */
    async unservedCounts(from: Date, to: Date): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const r of await prisma.route.findMany({ where: { createdAt: { gte: from, lt: to }, status: { not: "DRAFT" } }, select: { unserved: true } })) {
        for (const u of r.unserved) {
          const code = u.split(":")[0]!;
          counts[code] = (counts[code] ?? 0) + 1;
        }
      }
      return counts;
    },

    /** Active catalogue entries, regional programmes first, for the gap and the recommendations. */
    async catalogue() {
      const [programmes, activities] = await Promise.all([
        prisma.programme.findMany({ where: { active: true }, select: { registryNumber: true, title: true, competencies: true, regional: true }, orderBy: [{ regional: "desc" }, { registryNumber: "asc" }] }),
        prisma.activity.findMany({ where: { active: true }, select: { id: true, title: true, competencies: true }, orderBy: { id: "asc" } }),
      ]);
      return [
        ...programmes.map((p) => ({ id: p.registryNumber, title: p.title, competencies: p.competencies, kind: "programme" as const })),
        ...activities.map((a) => ({ id: a.id, title: a.title, competencies: a.competencies, kind: "activity" as const })),
      ];
    },

    names: async () => {
      const [municipalities, organizations] = await Promise.all([
        prisma.municipality.findMany({ select: { id: true, name: true }, orderBy: { sortOrder: "asc" } }),
        prisma.organization.findMany({ select: { id: true, name: true, municipality: { select: { name: true } } }, orderBy: [{ municipalityId: "asc" }, { name: "asc" }] }),
      ]);
      return {
        municipalityIds: municipalities.map((m) => m.id),
        organizationIds: organizations.map((o) => o.id),
        names: Object.fromEntries([...municipalities.map((m) => [m.id, m.name]), ...organizations.map((o) => [o.id, o.name])]) as Record<string, string>,
        municipalityOf: Object.fromEntries(organizations.map((o) => [o.id, o.municipality.name])) as Record<string, string>,
      };
    },
  };
}

export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;
