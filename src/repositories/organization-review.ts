// Organizations typed in by people because the directory lacked them: the
// coordinator's review list, and its two outcomes. "add" puts the organization into
// the directory (in the person's municipality); "merge" says it is one the directory
// already has. Either way the person's profile then points to the directory's
// organization, and so do the profiles of others in the same municipality who typed
// the same name. Each outcome is written to the audit log.
import type { PrismaClient } from "../db/database.ts";
import type { OrganizationType } from "../generated/prisma/enums.ts";

export interface PendingOrganization {
  /** The person whose profile carries the typed name: the entry's id. */
  id: number;
  typed: string;
  municipality: { id: string; name: string } | null;
  personName: string | null;
}

export interface ReviewOutcome {
  organization: { id: string; name: string };
  typed: string;
  /** Everyone whose profile now points to the organization (to be told). */
  people: { id: number; telegramId: bigint }[];
}

export const ORGANIZATION_TYPES = ["SCHOOL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY"] as const satisfies readonly OrganizationType[];

/** Case, quotes and spaces do not make another organization. */
const normalized = (s: string) => s.toLowerCase().replace(/[«»"'“”]/g, "").replace(/\s+/g, " ").trim();

const pendingWhere = { organizationOther: { not: null }, organizationId: null } as const;

export function organizationReviewRepository(prisma: PrismaClient) {
  type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

  /** The entry and everyone else in its municipality who typed the same name. */
  async function entryIn(tx: Tx, id: number) {
    const p = await tx.person.findFirst({ where: { id, ...pendingWhere }, select: { id: true, organizationOther: true, municipalityId: true } });
    if (!p) return null;
    const same = await tx.person.findMany({ where: { ...pendingWhere, municipalityId: p.municipalityId }, select: { id: true, telegramId: true, organizationOther: true } });
    return { typed: p.organizationOther!, municipalityId: p.municipalityId, people: same.filter((x) => normalized(x.organizationOther!) === normalized(p.organizationOther!)).map(({ id, telegramId }) => ({ id, telegramId })) };
  }

  async function point(tx: Tx, people: { id: number }[], organization: { id: string; municipalityId: string }): Promise<void> {
    await tx.person.updateMany({ where: { id: { in: people.map((p) => p.id) } }, data: { organizationId: organization.id, municipalityId: organization.municipalityId, organizationOther: null } });
  }

  return {
    /** Entries waiting for review, oldest profile first. */
    async pending(limit = 100): Promise<PendingOrganization[]> {
      const rows = await prisma.person.findMany({
        where: pendingWhere,
        orderBy: [{ profileCompletedAt: "asc" }, { id: "asc" }],
        take: limit,
        select: { id: true, fullName: true, organizationOther: true, municipality: { select: { id: true, name: true } } },
      });
      return rows.map((r) => ({ id: r.id, typed: r.organizationOther!, municipality: r.municipality, personName: r.fullName }));
    },

    count: () => prisma.person.count({ where: pendingWhere }),

    async entry(id: number): Promise<PendingOrganization | null> {
      const r = await prisma.person.findFirst({ where: { id, ...pendingWhere }, select: { id: true, fullName: true, organizationOther: true, municipality: { select: { id: true, name: true } } } });
      return r && { id: r.id, typed: r.organizationOther!, municipality: r.municipality, personName: r.fullName };
    },

    /**
     * Adds the typed organization to the directory in the person's municipality.
     * null: no such entry waiting (resolved already); "no-municipality": the profile has none.
     */
    async add(id: number, type: OrganizationType, actorId: number | null, now: Date): Promise<ReviewOutcome | null | "no-municipality"> {
      return prisma.$transaction(async (tx) => {
        const e = await entryIn(tx, id);
        if (!e) return null;
        if (!e.municipalityId) return "no-municipality";
        let orgId = `${e.municipalityId}-added-${id}`;
        for (let n = 2; await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } }); n++) orgId = `${e.municipalityId}-added-${id}-${n}`;
        const name = e.typed.replace(/\s+/g, " ").trim();
        const organization = await tx.organization.create({ data: { id: orgId, municipalityId: e.municipalityId, name, type }, select: { id: true, name: true, municipalityId: true } });
        await point(tx, e.people, organization);
        await tx.auditLog.create({ data: { actorId, action: "organization.add", targetId: id, details: { organizationId: orgId, typed: e.typed, people: e.people.length }, at: now } });
        return { organization: { id: organization.id, name: organization.name }, typed: e.typed, people: e.people };
      });
    },

    /** The typed organization is the directory's `organizationId`. null: no such entry; "no-organization": no such organization. */
    async merge(id: number, organizationId: string, actorId: number | null, now: Date): Promise<ReviewOutcome | null | "no-organization"> {
      return prisma.$transaction(async (tx) => {
        const e = await entryIn(tx, id);
        if (!e) return null;
        const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, municipalityId: true } });
        if (!organization) return "no-organization";
        await point(tx, e.people, organization);
        await tx.auditLog.create({ data: { actorId, action: "organization.merge", targetId: id, details: { organizationId, typed: e.typed, people: e.people.length }, at: now } });
        return { organization: { id: organization.id, name: organization.name }, typed: e.typed, people: e.people };
      });
    },
  };
}

export type OrganizationReviewRepository = ReturnType<typeof organizationReviewRepository>;
