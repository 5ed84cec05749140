import { randomBytes } from "node:crypto";
import { checkInvite, type GrantedRole, type InviteCheck } from "../core/roles.ts";
import type { PrismaClient } from "../db/database.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { assignIn, type Assignment } from "./caseloads.ts";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId: number | null;
  action: string;
  targetId?: number | null;
  details?: Record<string, unknown>;
}

async function audit(tx: Tx, e: AuditEntry, now: Date): Promise<void> {
  await tx.auditLog.create({
    data: { actorId: e.actorId, action: e.action, targetId: e.targetId ?? null, details: (e.details ?? undefined) as Prisma.InputJsonValue | undefined, at: now },
  });
}

export function rolesRepository(prisma: PrismaClient) {
  /**
   * Grants a role (idempotent). A methodist of a municipality also gets that
   * municipality in their caseload (`assignment`: the new assignment, if any).
   */
  async function grantIn(tx: Tx, personId: number, role: GrantedRole, municipalityId: string | null, actorId: number | null, now: Date, via: string): Promise<{ granted: boolean; assignment: Assignment | null }> {
    const assignment = role === "METHODIST" && municipalityId ? await assignIn(tx, personId, { scope: "MUNICIPALITY", municipalityId }, actorId, now, via) : null;
    const existing = await tx.personRole.findUnique({ where: { personId_role: { personId, role } } });
    if (existing && existing.municipalityId === municipalityId) return { granted: false, assignment };
    await tx.personRole.upsert({
      where: { personId_role: { personId, role } },
      create: { personId, role, municipalityId, grantedAt: now, grantedById: actorId },
      update: { municipalityId, grantedAt: now, grantedById: actorId },
    });
    await audit(tx, { actorId, action: "role.grant", targetId: personId, details: { role, municipalityId, via } }, now);
    return { granted: true, assignment };
  }

  return {
    granted: async (personId: number) =>
      (await prisma.personRole.findMany({ where: { personId }, select: { role: true, municipalityId: true } })).map((r) => ({ role: r.role as GrantedRole, municipalityId: r.municipalityId })),

    has: async (personId: number, role: GrantedRole) => (await prisma.personRole.count({ where: { personId, role } })) > 0,

    /** Grants a role (idempotent), writing the audit log; a municipal methodist gets the municipality's caseload too. */
    grant: (personId: number, role: GrantedRole, municipalityId: string | null, actorId: number | null, now: Date, via = "coordinator") =>
      prisma.$transaction((tx) => grantIn(tx, personId, role, municipalityId, actorId, now, via)),

    /** Revokes a role; the last coordinator cannot be revoked. */
    async revoke(personId: number, role: GrantedRole, actorId: number | null, now: Date): Promise<"revoked" | "absent" | "last-coordinator"> {
      return prisma.$transaction(async (tx) => {
        if (role === "COORDINATOR" && (await tx.personRole.count({ where: { role: "COORDINATOR" } })) <= 1) {
          if (await tx.personRole.count({ where: { personId, role } })) return "last-coordinator";
        }
        const r = await tx.personRole.deleteMany({ where: { personId, role } });
        if (r.count === 0) return "absent";
        await audit(tx, { actorId, action: "role.revoke", targetId: personId, details: { role } }, now);
        return "revoked";
      });
    },

    holders: (role: GrantedRole) =>
      prisma.personRole.findMany({
        where: { role },
        select: { personId: true, municipalityId: true, person: { select: { fullName: true, telegramId: true } } },
        orderBy: { grantedAt: "asc" },
      }),

    /** A one-time invitation; the code goes into a /start link. */
    async createInvite(role: GrantedRole, municipalityId: string | null, actorId: number | null, now: Date, ttlHours: number): Promise<{ code: string; expiresAt: Date }> {
      const code = randomBytes(12).toString("base64url");
      const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
      await prisma.$transaction(async (tx) => {
        await tx.invite.create({ data: { code, role, municipalityId, createdById: actorId, createdAt: now, expiresAt } });
        await audit(tx, { actorId, action: "invite.create", details: { role, municipalityId, expiresAt: expiresAt.toISOString() } }, now);
      });
      return { code, expiresAt };
    },

    /**
     * Redeems an invitation once: a second use, an expired or an unknown code grants nothing.
     * An invitation for a municipality's methodist puts the municipality into their caseload.
     */
    async redeem(code: string, personId: number, now: Date): Promise<{ result: InviteCheck; role?: GrantedRole; municipalityId?: string | null }> {
      return prisma.$transaction(async (tx) => {
        const invite = await tx.invite.findUnique({ where: { code } });
        const result = checkInvite(invite, now);
        if (result !== "ok" || !invite) return { result };
        // Conditional update: of two simultaneous redemptions only one changes the row.
        const taken = await tx.invite.updateMany({ where: { code, usedAt: null }, data: { usedAt: now, usedById: personId } });
        if (taken.count === 0) return { result: "used" };
        await grantIn(tx, personId, invite.role as GrantedRole, invite.municipalityId, invite.createdById, now, "invite");
        return { result: "ok", role: invite.role as GrantedRole, municipalityId: invite.municipalityId };
      });
    },

    audit: (e: AuditEntry, now: Date) => prisma.$transaction((tx) => audit(tx, e, now)),

    recentAudit: (take: number) => prisma.auditLog.findMany({ orderBy: { id: "desc" }, take }),
  };
}

export type RolesRepository = ReturnType<typeof rolesRepository>;
