// The main menu, shared by every feature that leads back to it (/start, /menu, the
// fallback for input nobody expected, the end of forms).
import { InlineKeyboard } from "grammy";
import type { PersonView } from "../../repositories/people.ts";
import { cb } from "../callback-data.ts";
import type { BotContext, Deps } from "../context.ts";
import { staffHome } from "./staff-panel.ts";

/**
 * The main menu: what the person can do now, with the diagnostic's state on its button.
 * `intro` replaces the title (a short word on why the menu is shown); staff who do
 * not teach get their panel, which needs no word.
 */
export async function showMenu(ctx: BotContext, deps: Deps, person: PersonView, intro?: string): Promise<void> {
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
  await ctx.reply(intro ?? ctx.t("menu-title"), { reply_markup: kb });
}
