import { Composer, InlineKeyboard } from "grammy";
import { localize } from "../../core/instrument.ts";
import { isYoungTeacher } from "../../core/profile.ts";
import type { PersonView } from "../../repositories/people.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, Deps } from "../context.ts";
import { resumeOrOffer, showResult } from "./diagnostic.ts";
import { ageKey, enterProfile, positionKey } from "./profile.ts";
import { withPerson } from "../guards.ts";
import { staffHome } from "../views/staff-panel.ts";

/** The main menu: what the person can do now, with the diagnostic's state on its button. */
export async function showMenu(ctx: BotContext, deps: Deps, person: PersonView): Promise<void> {
  // Coordinators and methodists who do not teach: their panel is their menu.
  if (!person.profileCompletedAt && (await staffHome(ctx, deps, person))) return;
  const kb = new InlineKeyboard();
  if (!person.profileCompletedAt) {
    kb.text(ctx.t("button-fill-profile"), cb.menu("edit-profile")).row();
  } else {
    const attempt = await deps.attempts.inProgress(person.id);
    const done = (await deps.attempts.completed(person.id, 1)).length > 0;
    if (attempt) {
      const total = deps.content.instruments.find((i) => i.id === attempt.instrumentId)?.items.length ?? 0;
      kb.text(ctx.t("button-continue-diagnostic", { n: attempt.cursor + 1, total }), cb.diagnostic("continue")).row();
    } else {
      kb.text(ctx.t(done ? "button-retake-diagnostic" : "button-start-diagnostic"), cb.diagnostic("new")).row();
    }
    if (done) kb.text(ctx.t("button-results"), cb.menu("results")).row();
    if ((await deps.routes.activeOf(person.id)) ?? (await deps.routes.draftOf(person.id))) kb.text(ctx.t("button-route"), cb.route("open")).row();
    else if (done) kb.text(ctx.t("button-build-route"), cb.route("build")).row();
    kb.text(ctx.t("button-mentoring"), cb.mentoring("home")).row();
    kb.text(ctx.t("button-profile"), cb.menu("profile")).row();
  }
  // Staff sections by granted role (checked again on every action).
  const granted = new Set((await deps.roles.granted(person.id)).map((r) => r.role));
  if (granted.has("METHODIST")) kb.text(ctx.t("button-my-teachers"), cb.teachers(0)).row();
  if (granted.has("COORDINATOR")) kb.text(ctx.t("button-admin"), cb.admin("panel")).row();
  kb.text(ctx.t("button-settings"), cb.reminders("open")).row();
  kb.text(ctx.t("button-forget"), cb.menu("forget"));
  await ctx.reply(ctx.t("menu-title"), { reply_markup: kb });
}

async function showProfile(ctx: BotContext, deps: Deps, person: PersonView): Promise<void> {
  const locale = await ctx.i18n.getLocale();
  const names = new Map(deps.content.subjects.map((s) => [s.code, localize(s.name, locale)]));
  const organization = person.organization?.name ?? (person.organizationOther ? ctx.t("profile-organization-review", { name: person.organizationOther }) : "—");
  const text = ctx.t("profile-summary", {
    name: person.fullName ?? "—",
    position: person.position ? ctx.t(positionKey[person.position]) : "—",
    municipality: person.municipality?.name ?? "—",
    organization,
    subjects: person.subjects.map((s) => names.get(s) ?? s).join(", ") || "—",
    experience: person.experienceYears == null ? "—" : ctx.t("experience-years", { n: person.experienceYears }),
    age: person.ageGroup ? ctx.t(ageKey[person.ageGroup]) : "—",
  });
  const young = isYoungTeacher(person) ? `\n\n${ctx.t("profile-young-note")}` : "";
  await ctx.reply(text + young, {
    reply_markup: new InlineKeyboard().text(ctx.t("button-edit-profile"), cb.menu("edit-profile")).row().text(ctx.t("button-menu"), cb.menu("open")),
  });
}

export function menuFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("menu", (ctx) => withPerson(ctx, deps, (p) => showMenu(ctx, deps, p)));
  composer.command("profile", (ctx) => withPerson(ctx, deps, (p) => (p.profileCompletedAt ? showProfile(ctx, deps, p) : enterProfile(ctx))));
  composer.callbackQuery(patterns.menu, async (ctx) => {
    await ctx.answerCallbackQuery();
    const action = ctx.match[1];
    await withPerson(ctx, deps, async (person) => {
      switch (action) {
        case "results":
          if (!(await showResult(ctx, deps, person))) await resumeOrOffer(ctx, deps, person);
          return;
        case "profile":
          return person.profileCompletedAt ? showProfile(ctx, deps, person) : enterProfile(ctx);
        case "edit-profile":
          return enterProfile(ctx);
        default:
          return showMenu(ctx, deps, person);
      }
    });
  });
  return composer;
}
