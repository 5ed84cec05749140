import { z } from "zod";
import type { Instrument, Position } from "../core/instrument.ts";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const localized = (max: number) => z.object({ ru: text(max), en: text(max).optional() });
const code = z.string().regex(/^[a-z][a-z0-9_-]{0,23}$/, "must be a short ASCII code: a-z, 0-9, - or _ (at most 24)");

const audience: Record<string, Position> = { teacher: "TEACHER", head: "HEAD", deputy: "DEPUTY", unit_head: "UNIT_HEAD" };

// Button labels must stay short; Telegram shows long ones cut off.
const BUTTON = 28;

const itemBase = {
  id: code,
  group: code,
  text: localized(700),
  hint: localized(100),
};

export const instrumentSchema = z
  .object({
    id: code,
    version: text(20),
    title: localized(120),
    audience: z.array(z.enum(Object.keys(audience) as [string, ...string[]])).min(1),
    scale: z.array(localized(BUTTON)).min(2).max(6),
    groups: z
      .array(z.object({ code, title: localized(80), short: localized(24), deficit: localized(300) }))
      .min(1),
    items: z
      .array(
        z.discriminatedUnion("type", [
          z.object({ ...itemBase, type: z.literal("scale") }),
          z.object({
            ...itemBase,
            type: z.literal("case"),
            options: z
              .array(z.object({ text: localized(300), score: z.number().int().min(0).max(10) }))
              .min(2)
              .max(6)
              .refine((o) => o.some((x) => x.score > 0), "at least one option must score above 0"),
          }),
        ]),
      )
      .min(1),
  })
  .superRefine((inst, ctx) => {
    const groups = new Set(inst.groups.map((g) => g.code));
    if (groups.size !== inst.groups.length) ctx.addIssue({ code: "custom", path: ["groups"], message: "group codes must be unique" });
    const seen = new Set<string>();
    inst.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
      if (!groups.has(item.group))
        ctx.addIssue({ code: "custom", path: ["items", i, "group"], message: `unknown group "${item.group}"` });
    });
    inst.groups.forEach((g, i) => {
      if (!inst.items.some((item) => item.group === g.code))
        ctx.addIssue({ code: "custom", path: ["groups", i], message: `group "${g.code}" has no items` });
    });
  })
  .transform((inst): Instrument => ({ ...inst, audience: inst.audience.map((a) => audience[a]!) }));

const organizationTypes = { school: "SCHOOL", kindergarten: "KINDERGARTEN", college: "COLLEGE", supplementary: "SUPPLEMENTARY" } as const;

export const directorySchema = z
  .object({
    version: text(20),
    sample: z.boolean().default(false),
    region: z.object({ code: text(10), name: localized(80), timezone: text(64) }),
    municipalities: z
      .array(
        z.object({
          id: code,
          name: text(120),
          organizations: z.array(
            z.object({
              id: code,
              name: text(160),
              type: z.enum(Object.keys(organizationTypes) as ["school", ...(keyof typeof organizationTypes)[]]),
              teachers: z.number().int().min(0).optional(),
              managers: z.number().int().min(0).optional(),
              lowResults: z.boolean().default(false),
            }),
          ),
        }),
      )
      .min(1),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.municipalities.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: "custom", path: ["municipalities", i, "id"], message: `duplicate id "${m.id}"` });
      ids.add(m.id);
      m.organizations.forEach((o, j) => {
        if (ids.has(o.id))
          ctx.addIssue({ code: "custom", path: ["municipalities", i, "organizations", j, "id"], message: `duplicate id "${o.id}"` });
        ids.add(o.id);
      });
    });
  })
  .transform((d) => ({
    ...d,
    municipalities: d.municipalities.map((m) => ({
      ...m,
      organizations: m.organizations.map((o) => ({ ...o, type: organizationTypes[o.type] })),
    })),
  }));

export type Directory = z.infer<typeof directorySchema>;

export const subjectsSchema = z
  .object({
    version: text(20),
    subjects: z.array(z.object({ code: z.string().regex(/^[a-z_]{1,16}$/, "must be a-z or _, at most 16"), name: localized(BUTTON) })).min(1),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.subjects.forEach((x, i) => {
      if (seen.has(x.code)) ctx.addIssue({ code: "custom", path: ["subjects", i, "code"], message: `duplicate code "${x.code}"` });
      seen.add(x.code);
    });
  });

export type Subject = z.infer<typeof subjectsSchema>["subjects"][number];
