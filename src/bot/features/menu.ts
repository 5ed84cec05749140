import { Composer, InlineKeyboard } from "grammy";
import { localize } from "../../core/instrument.ts";
import { isYoungTeacher } from "../../core/profile.ts";
import type { PersonView } from "../../repositories/people.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, Deps } from "../context.ts";
import { resumeOrOffer, showResult } from "./diagnostic.ts";
import { ageKey, enterProfile, positionKey } from "./profile.ts";
import { withPerson } from "../guards.ts";
import { showMenu } from "../views/menu.ts";

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
