// The individual educational route (ИОМ) builder: pure, messenger- and storage-free.
// Deficits are closed first with formal Federal Register programmes, groups "to
// develop" with non-formal and informal activities; every pick says why.
import type { Position } from "./instrument.ts";
import type { Level } from "./scoring.ts";

export type Format = "IN_PERSON" | "DISTANCE" | "BLENDED";
export const FORMATS: readonly Format[] = ["IN_PERSON", "DISTANCE", "BLENDED"];

/** A programme or an activity, as the builder sees it. */
export interface CatalogueEntry {
  kind: "programme" | "activity";
  /** Registry number of a programme, id of an activity. */
  id: string;
  /** Programme kind (ADVANCED, RETRAINING) or activity type (SEMINAR, …). */
  type: string;
  competencies: readonly string[];
  hours: number;
  format: Format;
  /** Empty: for everyone. */
  positions: readonly Position[];
  subjects: readonly string[];
  levels: readonly string[];
  regional: boolean;
  /** A local activity's municipality: offered only to its people. Unset: the whole region. */
  municipality?: string | null;
  startsOn?: Date | null;
  endsOn?: Date | null;
}

export const entryKey = (e: Pick<CatalogueEntry, "kind" | "id">) => `${e.kind}:${e.id}`;

export interface RouteTarget {
  competency: string;
  level: Exclude<Level, "CONFIDENT">;
  score: number;
}

export interface RouteRequest {
  targets: readonly RouteTarget[];
  person: {
    position: Position;
    subjects: readonly string[];
    /** Levels of education the person works at; empty when unknown. */
    levels: readonly string[];
    /** The person's municipality id, for local activities. */
    municipality?: string | null;
  };
  preferredFormat?: Format | null;
  hoursBudget: number;
  start: Date;
  months: number;
  /** Entries the person dropped or asked to replace. */
  exclude?: ReadonlySet<string>;
  /** Entries the person chose as replacements, kept when the route is built again. */
  keep?: readonly KeptEntry[];
}

/** An entry the person chose for a competency. */
export interface KeptEntry {
  competency: string;
  key: string;
}

export type Reason =
  | "formal-for-deficit"
  | "practice-for-develop"
  | "practice-for-deficit"
  | "subject"
  | "format"
  | "regional"
  | "dates"
  | "focused";

export interface PlannedItem {
  entry: CatalogueEntry;
  competency: string;
  reasons: Reason[];
  due: Date;
}

export interface Unserved {
  competency: string;
  /** No entry in the catalogue serves it, or none fits the hours left. */
  why: "no-match" | "budget";
}

/** Targets served by an item: as its own competency, or one more that its entry lists. */
export function servedBy(items: readonly Pick<PlannedItem, "entry">[], competency: string): number[] {
  return items.flatMap((item, i) => (item.entry.competencies.includes(competency) ? [i] : []));
}

export interface RoutePlan {
  items: PlannedItem[];
  unserved: Unserved[];
  /** Competencies whose items are all in another format than the preferred one: nothing in it fitted. */
  offFormat: string[];
  totalHours: number;
  start: Date;
  end: Date;
}

const DAY = 86_400_000;

export function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

const formal = (e: CatalogueEntry) => e.kind === "programme";

/** Whether the person may take the entry within the period at all. */
export function eligible(e: CatalogueEntry, req: RouteRequest, start: Date, end: Date): boolean {
  if (req.exclude?.has(entryKey(e))) return false;
  if (e.positions.length > 0 && !e.positions.includes(req.person.position)) return false;
  if (e.municipality && e.municipality !== req.person.municipality) return false;
  if (e.subjects.length > 0 && !e.subjects.some((s) => req.person.subjects.includes(s))) return false;
  if (e.levels.length > 0 && req.person.levels.length > 0 && !e.levels.some((l) => req.person.levels.includes(l))) return false;
  if (e.endsOn && e.endsOn < start) return false;
  if (e.startsOn && e.startsOn > end) return false;
  return true;
}

/** Ranks an entry for a target; higher is better. */
function rank(e: CatalogueEntry, t: RouteTarget, req: RouteRequest, start: Date, end: Date): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let score = 0;
  if (t.level === "DEFICIT" && formal(e)) {
    score += 8;
    reasons.push("formal-for-deficit");
  } else if (t.level === "DEVELOP" && !formal(e)) {
    score += 8;
    reasons.push("practice-for-develop");
  }
  // Practice for a deficit is "besides the programme" only when one is picked: the builder says so.
  if (e.subjects.length > 0) {
    score += 4;
    reasons.push("subject");
  }
  if (req.preferredFormat) {
    if (e.format === req.preferredFormat) {
      score += 3;
      reasons.push("format");
    } else if (e.format !== "BLENDED") score -= 3;
  }
  if (e.regional) {
    score += 2;
    reasons.push("regional");
  }
  if (e.startsOn && e.endsOn && e.startsOn >= start && e.endsOn <= end) {
    score += 1;
    reasons.push("dates");
  }
  if (e.competencies.length === 1) {
    score += 1;
    reasons.push("focused");
  }
  // Long retraining only when the budget is meant for it.
  if (e.type === "RETRAINING" && req.hoursBudget < 250) score -= 6;
  return { score, reasons };
}

interface Candidate {
  entry: CatalogueEntry;
  score: number;
  reasons: Reason[];
}

/** Every eligible entry for a target, best first (ties by fewer hours, then id). */
export function candidatesFor(t: RouteTarget, req: RouteRequest, catalogue: readonly CatalogueEntry[], start: Date, end: Date): Candidate[] {
  return catalogue
    .filter((e) => e.competencies.includes(t.competency) && eligible(e, req, start, end))
    .map((entry) => ({ entry, ...rank(entry, t, req, start, end) }))
    .sort((a, b) => b.score - a.score || a.entry.hours - b.entry.hours || a.entry.id.localeCompare(b.entry.id));
}

/**
 * Builds a route over `months` from `start`. Deficits come first (weakest first),
 * then groups to develop. Each target gets its best item of the preferred kind (a
 * programme for a deficit, practice for a group to develop) that still leaves room
 * in the hours budget for one item of every target after it, else the best item
 * that fits; an item chosen for one target also serves every other competency it
 * lists. When every target is served, deficits get a practical activity besides
 * their programme while the budget allows. A target nothing serves is reported
 * ("no-match", or "budget" when only the hours are lacking), never dropped.
 */
export function buildRoute(req: RouteRequest, catalogue: readonly CatalogueEntry[]): RoutePlan {
  const start = startOfDay(req.start);
  const end = startOfDay(addMonths(start, req.months));
  const targets = [...req.targets].sort(
    (a, b) => (a.level === b.level ? 0 : a.level === "DEFICIT" ? -1 : 1) || a.score - b.score || a.competency.localeCompare(b.competency),
  );
  const candidates = targets.map((t) => candidatesFor(t, req, catalogue, start, end));

  const chosen = new Set<string>();
  const picks: { target: RouteTarget; c: Candidate }[] = [];
  const unserved: Unserved[] = [];
  let left = req.hoursBudget;
  const preferredKind = (target: RouteTarget, c: Candidate) => formal(c.entry) === (target.level === "DEFICIT");

  // The person's own choices come first, while the hours allow.
  for (const kept of req.keep ?? []) {
    const i = targets.findIndex((t) => t.competency === kept.competency);
    const c = i < 0 ? undefined : candidates[i]!.find((x) => entryKey(x.entry) === kept.key);
    if (!c || chosen.has(kept.key) || c.entry.hours > left) continue;
    chosen.add(kept.key);
    left -= c.entry.hours;
    picks.push({ target: targets[i]!, c });
  }

  /**
   * Hours to keep for the targets after the i-th: the cheapest entry of each one
   * not already covered by an entry chosen or kept for an earlier one.
   */
  const reserveAfter = (i: number): number => {
    const kept = [...picks.map((p) => p.c.entry)];
    let hours = 0;
    for (let j = i + 1; j < targets.length; j++) {
      const competency = targets[j]!.competency;
      if (kept.some((e) => e.competencies.includes(competency))) continue;
      const cheapest = candidates[j]!.filter((c) => !chosen.has(entryKey(c.entry))).sort((a, b) => a.entry.hours - b.entry.hours)[0];
      if (!cheapest) continue;
      kept.push(cheapest.entry);
      hours += cheapest.entry.hours;
    }
    return hours;
  };

  targets.forEach((target, i) => {
    // A kept choice of the preferred kind already serves the target.
    if (picks.some((p) => p.target === target && preferredKind(target, p.c))) return;
    const list = candidates[i]!;
    if (list.length === 0) {
      unserved.push({ competency: target.competency, why: "no-match" });
      return;
    }
    const reserve = reserveAfter(i);
    const fits = (c: Candidate, room: number) => !chosen.has(entryKey(c.entry)) && c.entry.hours <= room;
    // The kind comes first: a programme for a deficit, practice for a group to develop.
    const preferred = (c: Candidate) => preferredKind(target, c);
    const pick =
      list.find((c) => preferred(c) && fits(c, left - reserve)) ??
      list.find((c) => fits(c, left - reserve)) ??
      list.find((c) => preferred(c) && fits(c, left)) ??
      list.find((c) => fits(c, left));
    if (!pick) {
      // An entry chosen for another target may serve this one too.
      if (picks.some((p) => p.c.entry.competencies.includes(target.competency))) return;
      unserved.push({ competency: target.competency, why: list.every((c) => chosen.has(entryKey(c.entry))) ? "no-match" : "budget" });
      return;
    }
    chosen.add(entryKey(pick.entry));
    left -= pick.entry.hours;
    picks.push({ target, c: pick });
  });

  // Second pass: practice besides the programme for each deficit, budget allowing.
  for (const [i, target] of targets.entries()) {
    if (target.level !== "DEFICIT") continue;
    const own = picks.filter((p) => p.target === target);
    if (!own.some((p) => formal(p.c.entry)) || own.some((p) => !formal(p.c.entry))) continue;
    const practice = candidates[i]!.find((c) => !formal(c.entry) && !chosen.has(entryKey(c.entry)) && c.entry.hours <= left);
    if (!practice) continue;
    chosen.add(entryKey(practice.entry));
    left -= practice.entry.hours;
    picks.push({ target, c: { ...practice, reasons: ["practice-for-deficit", ...practice.reasons.filter((r) => r !== "practice-for-deficit")] } });
  }

  // Slots follow the target order (weakest first); the list reads by due date.
  const order = new Map(targets.map((t, i) => [t.competency, i]));
  const items = scheduleItems(
    picks
      .sort((a, b) => order.get(a.target.competency)! - order.get(b.target.competency)!)
      .map((p) => ({ entry: p.c.entry, competency: p.target.competency, reasons: p.c.reasons })),
    start,
    end,
  ).sort(byDue(order));
  const format = req.preferredFormat;
  const offFormat = format
    ? targets.flatMap((t) => {
        const own = items.filter((i) => i.competency === t.competency);
        return own.length > 0 && !own.some((i) => i.entry.format === format) ? [t.competency] : [];
      })
    : [];
  return { items, unserved, offFormat, totalHours: items.reduce((s, i) => s + i.entry.hours, 0), start, end };
}

/** By due date; on the same day, in target order. */
export function byDue(order: ReadonlyMap<string, number>) {
  return (a: { due: Date; competency: string }, b: { due: Date; competency: string }) =>
    a.due.getTime() - b.due.getTime() || (order.get(a.competency) ?? 0) - (order.get(b.competency) ?? 0);
}

/**
 * Due dates: an item with dates inside the period is due when it ends; the
 * others are spread over the period, the n-th of N at n/N of it.
 */
export function scheduleItems(items: Omit<PlannedItem, "due">[], start: Date, end: Date): PlannedItem[] {
  const span = end.getTime() - start.getTime();
  return items.map((item, i) => {
    const slot = startOfDay(new Date(start.getTime() + Math.round(((i + 1) * span) / items.length / DAY) * DAY));
    const ends = item.entry.endsOn;
    const due = ends && ends >= start && ends <= end ? startOfDay(ends) : slot;
    return { ...item, due };
  });
}

/** The next-best entry for an item's competency that is not in the plan yet, within the budget. */
export function alternativeFor(plan: RoutePlan, index: number, req: RouteRequest, catalogue: readonly CatalogueEntry[]): PlannedItem | undefined {
  const item = plan.items[index];
  if (!item) return undefined;
  const target = req.targets.find((t) => t.competency === item.competency);
  if (!target) return undefined;
  const inPlan = new Set(plan.items.map((i) => entryKey(i.entry)));
  const room = req.hoursBudget - plan.totalHours + item.entry.hours;
  const next = candidatesFor(target, req, catalogue, plan.start, plan.end).find(
    (c) => !inPlan.has(entryKey(c.entry)) && c.entry.hours <= room,
  );
  if (!next) return undefined;
  // Due when the new course ends, if it does inside the period; else the replaced item's slot.
  const ends = next.entry.endsOn;
  const due = ends && ends >= plan.start && ends <= plan.end ? startOfDay(ends) : item.due;
  return { entry: next.entry, competency: item.competency, reasons: next.reasons, due };
}

/** Progress of a route: share of items closed and of hours done. */
export function routeProgress(items: readonly { hours: number; status: "PLANNED" | "IN_PROGRESS" | "DONE" | "SKIPPED" }[]): {
  percent: number;
  hoursDone: number;
  hoursTotal: number;
  finished: boolean;
} {
  const counted = items.filter((i) => i.status !== "SKIPPED");
  const hoursTotal = counted.reduce((s, i) => s + i.hours, 0);
  const hoursDone = counted.filter((i) => i.status === "DONE").reduce((s, i) => s + i.hours, 0);
  const closed = items.filter((i) => i.status === "DONE" || i.status === "SKIPPED").length;
  return {
    percent: items.length ? Math.round((100 * closed) / items.length) : 0,
    hoursDone,
    hoursTotal,
    finished: items.length > 0 && closed === items.length,
  };
}

/** Levels of education an organization type works at (for the catalogue's audience). */
export function levelsOf(organizationType: string | null | undefined, subjects: readonly string[]): string[] {
  switch (organizationType) {
    case "KINDERGARTEN":
      return ["preschool"];
    case "COLLEGE":
      return ["vocational"];
    case "SUPPLEMENTARY":
      return ["supplementary"];
    case "SCHOOL":
      return subjects.length > 0 && subjects.every((s) => s === "primary") ? ["primary"] : ["primary", "basic", "secondary"];
    default:
      return [];
  }
}
