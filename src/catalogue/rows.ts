// Row schemas of the catalogue files: programmes, activities, internship sites.
// Cells are text; lists are separated by ";"; an empty cell is "not set".
import { z } from "zod";
import type { Position } from "../core/instrument.ts";

export interface Vocabulary {
  competencies: ReadonlySet<string>;
  subjects: ReadonlySet<string>;
}

const positions: Record<string, Position> = { teacher: "TEACHER", head: "HEAD", deputy: "DEPUTY", unit_head: "UNIT_HEAD" };
const formats = { in_person: "IN_PERSON", distance: "DISTANCE", blended: "BLENDED" } as const;
const levels = ["preschool", "primary", "basic", "secondary", "vocational", "supplementary"];
const activityTypes = {
  seminar: "SEMINAR",
  webinar: "WEBINAR",
  workshop: "WORKSHOP",
  master_class: "MASTER_CLASS",
  internship: "INTERNSHIP",
  self_study: "SELF_STUDY",
  community: "COMMUNITY",
} as const;

const text = (max: number) => z.string().min(1, "is empty").max(max, `is longer than ${max} characters`);
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" ? undefined : v), s.optional());
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be a-z, 0-9 and -, at most 40 characters");
const url = optional(z.url({ error: "is not a link (http://… or https://…)" }));
const date = optional(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
    .transform((s) => new Date(`${s}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "is not a real date"),
);
const hours = z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(2000, "must be at most 2000");

/** A ";"-separated list whose every element is one of `allowed`. */
function list<T extends string>(allowed: ReadonlySet<string> | Record<string, T> | readonly string[], what: string, nonEmpty = false) {
  const map = Array.isArray(allowed) ? null : allowed instanceof Set ? null : (allowed as Record<string, T>);
  const set = map ? new Set(Object.keys(map)) : new Set(allowed as Iterable<string>);
  return z
    .string()
    .transform((s) => s.split(";").map((x) => x.trim()).filter(Boolean))
    .superRefine((items, ctx) => {
      if (nonEmpty && items.length === 0) ctx.addIssue({ code: "custom", message: `needs at least one ${what}` });
      const unknown = items.filter((x) => !set.has(x));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown ${what}: ${unknown.join(", ")} (allowed: ${[...set].join(", ")})` });
    })
    .transform((items) => (map ? items.map((x) => map[x]!) : items) as T[]);
}

const choice = <T extends string>(map: Record<string, T>, what: string) =>
  z.string().refine((v) => v in map, `must be one of: ${Object.keys(map).join(", ")} (${what})`).transform((v) => map[v]!);

const status = z
  .preprocess((v) => (v === "" ? "active" : v), z.enum(["active", "archived"], { error: "must be active or archived" }))
  .transform((s) => s === "active");

const datesInOrder = (r: { startsOn?: Date | undefined; endsOn?: Date | undefined }) => !r.startsOn || !r.endsOn || r.startsOn <= r.endsOn;

export function programmeRow(v: Vocabulary) {
  return z
    .object({
      registry_number: z.string().regex(/^[A-Za-z0-9А-Яа-я./-]{1,40}$/, "must be the registry number (letters, digits, . / -)"),
      title: text(300),
      provider: text(200),
      kind: choice({ advanced: "ADVANCED", retraining: "RETRAINING" } as const, "повышение квалификации or переподготовка"),
      hours,
      format: choice(formats, "format"),
      positions: list(positions, "position"),
      subjects: list(v.subjects, "subject"),
      levels: list(levels, "level"),
      competencies: list(v.competencies, "competency", true),
      scope: z.enum(["regional", "federal"], { error: "must be regional or federal" }),
      url,
      starts: date,
      ends: date,
      status,
    })
    .superRefine((r, ctx) => {
      // Register rules: advanced training from 16 hours, retraining from 250.
      if (r.kind === "ADVANCED" && r.hours < 16) ctx.addIssue({ code: "custom", path: ["hours"], message: "advanced training needs at least 16 hours" });
      if (r.kind === "RETRAINING" && r.hours < 250) ctx.addIssue({ code: "custom", path: ["hours"], message: "retraining needs at least 250 hours" });
      if (!datesInOrder({ startsOn: r.starts, endsOn: r.ends })) ctx.addIssue({ code: "custom", path: ["ends"], message: "is before starts" });
    })
    .transform((r) => ({
      registryNumber: r.registry_number,
      title: r.title,
      provider: r.provider,
      kind: r.kind,
      hours: r.hours,
      format: r.format,
      positions: r.positions,
      subjects: r.subjects,
      levels: r.levels,
      competencies: r.competencies,
      regional: r.scope === "regional",
      url: r.url ?? null,
      startsOn: r.starts ?? null,
      endsOn: r.ends ?? null,
      active: r.status,
    }));
}

export function activityRow(v: Vocabulary) {
  return z
    .object({
      id,
      type: choice(activityTypes, "activity type"),
      title: text(300),
      organizer: text(200),
      competencies: list(v.competencies, "competency", true),
      format: choice(formats, "format"),
      hours,
      positions: list(positions, "position"),
      subjects: list(v.subjects, "subject"),
      levels: list(levels, "level"),
      site: optional(id),
      url,
      starts: date,
      ends: date,
      status,
      // A local (municipal) activity: only for the people of this municipality; empty for the whole region.
      municipality: optional(id),
    })
    .superRefine((r, ctx) => {
      if (r.type === "INTERNSHIP" && !r.site) ctx.addIssue({ code: "custom", path: ["site"], message: "an internship needs its site (the id of an internship site)" });
      if (r.type !== "INTERNSHIP" && r.site) ctx.addIssue({ code: "custom", path: ["site"], message: "only internships have a site" });
      if (!datesInOrder({ startsOn: r.starts, endsOn: r.ends })) ctx.addIssue({ code: "custom", path: ["ends"], message: "is before starts" });
    })
    .transform((r) => ({
      id: r.id,
      type: r.type,
      title: r.title,
      organizer: r.organizer,
      competencies: r.competencies,
      format: r.format,
      hours: r.hours,
      positions: r.positions,
      subjects: r.subjects,
      levels: r.levels,
      siteId: r.site ?? null,
      url: r.url ?? null,
      startsOn: r.starts ?? null,
      endsOn: r.ends ?? null,
      active: r.status,
      municipalityId: r.municipality ?? null,
    }));
}

export function siteRow(v: Vocabulary) {
  return z
    .object({
      id,
      name: text(200),
      organization: text(200),
      municipality: optional(id),
      competencies: list(v.competencies, "competency", true),
      url,
    })
    .transform((r) => ({
      id: r.id,
      name: r.name,
      organization: r.organization,
      municipalityId: r.municipality ?? null,
      competencies: r.competencies,
      url: r.url ?? null,
    }));
}

export type ProgrammeRow = z.infer<ReturnType<typeof programmeRow>>;
export type ActivityRow = z.infer<ReturnType<typeof activityRow>>;
export type SiteRow = z.infer<ReturnType<typeof siteRow>>;
