import { entryKey, type CatalogueEntry, type Format, type KeptEntry, type PlannedItem, type RoutePlan } from "../core/route.ts";
import type { PrismaClient } from "../db/database.ts";

export type RouteItemStatus = "PLANNED" | "IN_PROGRESS" | "DONE" | "SKIPPED";

const itemView = {
  id: true,
  position: true,
  competency: true,
  hours: true,
  dueOn: true,
  reasons: true,
  status: true,
  evidence: true,
  startedAt: true,
  doneAt: true,
  programme: { select: { registryNumber: true, title: true, provider: true, kind: true, format: true, url: true, startsOn: true, endsOn: true, regional: true } },
  activity: {
    select: { id: true, type: true, title: true, organizer: true, format: true, url: true, startsOn: true, endsOn: true, site: { select: { name: true, organization: true } } },
  },
} as const;

const routeView = {
  id: true,
  personId: true,
  attemptId: true,
  status: true,
  preferredFormat: true,
  hoursBudget: true,
  startsOn: true,
  endsOn: true,
  unserved: true,
  offFormat: true,
  excluded: true,
  chosen: true,
  confirmedAt: true,
  completedAt: true,
  reviewedAt: true,
  reviewComment: true,
  // By due date: a replaced item takes its new course's date.
  items: { select: itemView, orderBy: [{ dueOn: "asc" }, { position: "asc" }] as { dueOn?: "asc"; position?: "asc" }[] },
} as const;

export function routesRepository(prisma: PrismaClient) {
  const byId = (id: number, personId: number) => prisma.route.findFirst({ where: { id, personId }, select: routeView });

  return {
    byId,

    /** Active programmes and activities that address any of the competencies. */
    async catalogue(competencies: readonly string[]): Promise<CatalogueEntry[]> {
      const where = { active: true, competencies: { hasSome: [...competencies] } };
      const [programmes, activities] = await Promise.all([prisma.programme.findMany({ where }), prisma.activity.findMany({ where })]);
      return [
        ...programmes.map((p) => ({ ...p, kind: "programme" as const, id: p.registryNumber, type: p.kind })),
        // Activities are offered by the regional system; self-study resources are mostly federal.
        ...activities.map((a) => ({ ...a, kind: "activity" as const, regional: a.type !== "SELF_STUDY", municipality: a.municipalityId })),
      ];
    },

    /** Replaces the person's draft with a new one built from `plan`, keeping the teacher's edits. */
    async saveDraft(personId: number, attemptId: number, plan: RoutePlan, settings: { format: Format | null; hoursBudget: number }, now: Date, edits: DraftEdits = { excluded: [], chosen: [] }) {
      return prisma.$transaction(async (tx) => {
        await tx.route.deleteMany({ where: { personId, status: "DRAFT" } });
        const route = await tx.route.create({
          data: {
            personId,
            attemptId,
            status: "DRAFT",
            preferredFormat: settings.format,
            hoursBudget: settings.hoursBudget,
            startsOn: plan.start,
            endsOn: plan.end,
            unserved: plan.unserved.map((u) => `${u.competency}:${u.why}`),
            offFormat: plan.offFormat,
            excluded: [...edits.excluded],
            chosen: [...edits.chosen],
            createdAt: now,
            items: { create: plan.items.map((item, position) => ({ position, ...itemData(item) })) },
          },
          select: { id: true },
        });
        return route.id;
      });
    },

    draftOf: (personId: number) => prisma.route.findFirst({ where: { personId, status: "DRAFT" }, select: routeView }),
    activeOf: (personId: number) => prisma.route.findFirst({ where: { personId, status: "ACTIVE" }, select: routeView }),

    /** Drops a draft item; the draft remembers it, so that a rebuild leaves it out too. */
    async dropItem(routeId: number, itemId: number): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const old = await tx.routeItem.findFirst({ where: { id: itemId, routeId, route: { status: "DRAFT" } }, select: editedItem });
        if (!old) return false;
        await tx.routeItem.delete({ where: { id: itemId } });
        await tx.route.update({ where: { id: routeId }, data: rememberEdit(old.route, keyOf(old)) });
        return true;
      });
    },

    /** Replaces a draft item; the draft remembers both, so that a rebuild keeps the choice. */
    async replaceItem(routeId: number, itemId: number, item: PlannedItem): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const old = await tx.routeItem.findFirst({ where: { id: itemId, routeId, route: { status: "DRAFT" } }, select: editedItem });
        if (!old) return false;
        await tx.routeItem.update({ where: { id: itemId }, data: { programmeId: null, activityId: null, ...itemData(item) } });
        await tx.route.update({ where: { id: routeId }, data: rememberEdit(old.route, keyOf(old), { competency: item.competency, key: entryKey(item.entry) }) });
        return true;
      });
    },

    /** Makes the draft the active route; a previous active route is archived. */
    async confirm(routeId: number, personId: number, now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const draft = await tx.route.findFirst({ where: { id: routeId, personId, status: "DRAFT" }, select: { id: true } });
        if (!draft) return false;
        await tx.route.updateMany({ where: { personId, status: "ACTIVE" }, data: { status: "ARCHIVED" } });
        await tx.route.update({ where: { id: routeId }, data: { status: "ACTIVE", confirmedAt: now } });
        return true;
      });
    },

    /** The item of the person's active route, or null: ownership is checked here. */
    activeItem: (itemId: number, personId: number) =>
      prisma.routeItem.findFirst({ where: { id: itemId, route: { personId, status: "ACTIVE" } }, select: { ...itemView, routeId: true } }),

    /**
     * Moves an item of the person's active route to a status; when every item is
     * done or skipped the route is completed. Returns whether the route is now complete.
     */
    async setItemStatus(itemId: number, personId: number, status: RouteItemStatus, now: Date, evidence?: string): Promise<{ changed: boolean; completed: boolean }> {
      return prisma.$transaction(async (tx) => {
        const item = await tx.routeItem.findFirst({ where: { id: itemId, route: { personId, status: "ACTIVE" } }, select: { routeId: true, startedAt: true } });
        if (!item) return { changed: false, completed: false };
        await tx.routeItem.update({
          where: { id: itemId },
          data: {
            status,
            ...(status === "IN_PROGRESS" || (status === "DONE" && !item.startedAt) ? { startedAt: item.startedAt ?? now } : {}),
            ...(status === "DONE" ? { doneAt: now, evidence: evidence ?? null } : { doneAt: null, evidence: null }),
          },
        });
        const open = await tx.routeItem.count({ where: { routeId: item.routeId, status: { in: ["PLANNED", "IN_PROGRESS"] } } });
        if (open > 0) return { changed: true, completed: false };
        await tx.route.update({ where: { id: item.routeId }, data: { status: "COMPLETED", completedAt: now } });
        return { changed: true, completed: true };
      });
    },

    /** A methodist approves the teacher's active route, or comments on it. */
    async review(teacherId: number, reviewerId: number, now: Date, comment?: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const r = await tx.route.updateMany({
          where: { personId: teacherId, status: "ACTIVE" },
          data: comment === undefined ? { reviewedById: reviewerId, reviewedAt: now } : { reviewComment: comment, reviewedById: reviewerId },
        });
        if (r.count) await tx.auditLog.create({ data: { actorId: reviewerId, action: comment === undefined ? "route.approve" : "route.comment", targetId: teacherId, at: now } });
        return r.count > 0;
      });
    },

    /** The latest completed route built on the given attempt, if any. */
    completedFrom: (personId: number, attemptId: number) =>
      prisma.route.findFirst({ where: { personId, attemptId, status: "COMPLETED" }, select: { id: true, items: { select: { competency: true } } } }),
  };
}

/** The teacher's edits of a draft: entry keys dropped or replaced, and "competency|key" of the replacements. */
export interface DraftEdits {
  excluded: readonly string[];
  chosen: readonly string[];
}

export const chosenEntry = (c: KeptEntry) => `${c.competency}|${c.key}`;
export function parseChosen(chosen: readonly string[]): KeptEntry[] {
  return chosen.flatMap((c) => {
    const [competency, key] = c.split("|");
    return competency && key ? [{ competency, key }] : [];
  });
}

const editedItem = { programmeId: true, activityId: true, route: { select: { excluded: true, chosen: true } } } as const;
const keyOf = (i: { programmeId: string | null; activityId: string | null }) => (i.programmeId ? `programme:${i.programmeId}` : `activity:${i.activityId}`);

function rememberEdit(route: DraftEdits, removed: string, added?: KeptEntry) {
  const chosen = route.chosen.filter((c) => !c.endsWith(`|${removed}`));
  return {
    excluded: [...new Set([...route.excluded, removed])].filter((k) => k !== added?.key),
    chosen: added ? [...chosen, chosenEntry(added)] : chosen,
  };
}

function itemData(item: PlannedItem) {
  return {
    competency: item.competency,
    hours: item.entry.hours,
    dueOn: item.due,
    reasons: item.reasons,
    ...(item.entry.kind === "programme" ? { programmeId: item.entry.id } : { activityId: item.entry.id }),
  };
}

export type RoutesRepository = ReturnType<typeof routesRepository>;
export type RouteView = NonNullable<Awaited<ReturnType<RoutesRepository["byId"]>>>;
export type RouteItemView = RouteView["items"][number];
