// Server-side checks before an action: who the person is is read from the
// database for every update, never taken from callback data.
import { InlineKeyboard } from "grammy";
import type { PersonView } from "../repositories/people.ts";
import { cb } from "./callback-data.ts";
import type { BotContext, Deps } from "./context.ts";

/** Runs `then` for a person who has consented; others are sent to /start. */
export async function withPerson(ctx: BotContext, deps: Deps, then: (person: PersonView) => Promise<unknown>): Promise<void> {
  const person = await deps.people.byTelegramId(ctx.from!.id);
  if (!person) {
    await ctx.reply(ctx.t("need-start"));
    return;
  }
  await then(person);
}

/** Runs `then` for a person with a complete profile; others are asked to fill it in. */
export async function withProfile(ctx: BotContext, deps: Deps, then: (person: PersonView) => Promise<unknown>): Promise<void> {
  await withPerson(ctx, deps, async (person) => {
    if (person.profileCompletedAt) return then(person);
    await ctx.reply(ctx.t("profile-needed"), { reply_markup: new InlineKeyboard().text(ctx.t("button-fill-profile"), cb.menu("edit-profile")) });
  });
}
