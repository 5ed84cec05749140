import { Composer, InlineKeyboard } from "grammy";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, Deps } from "../context.ts";
import { showChoice } from "../views/choice.ts";
import { pairEndedMessage } from "../views/mentoring.ts";
import { recipientTranslators } from "../i18n.ts";
import { tellDeclined } from "./mentoring.ts";

/** Conversation state rows of a chat (see the storage prefix in bot.ts). */
export const conversationKey = (chatId: number) => `conv:${chatId}`;

async function confirm(ctx: BotContext, deps: Deps): Promise<void> {
  if (!(await deps.people.byTelegramId(ctx.from!.id))) {
    await ctx.reply(ctx.t("forget-nothing"));
    return;
  }
  await ctx.reply(ctx.t("forget-confirm"), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-forget-yes"), cb.forget("yes")).row().text(ctx.t("button-forget-no"), cb.forget("no")),
  });
}

/** Withdrawal of consent: works at any moment, also in the middle of the profile form. */
export function forgetFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("forget", (ctx) => confirm(ctx, deps));
  composer.callbackQuery(cb.menu("forget"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await confirm(ctx, deps);
  });
  composer.callbackQuery(patterns.forget, async (ctx) => {
    const confirmed = ctx.match[1] === "yes";
    await showChoice(ctx, ctx.t(confirmed ? "button-forget-yes" : "button-forget-no"));
    if (!confirmed) {
      await ctx.reply(ctx.t("forget-kept"));
      return;
    }
    await ctx.conversation.exitAll();
    // Requests waiting for this person's answer as a mentor are declined first: they move on now.
    const person = await deps.people.byTelegramId(ctx.from.id);
    for (const requestId of person ? await deps.mentoring.askedOf(person.id) : []) {
      const r = await deps.mentoringService.answer(person!, requestId, false);
      if (r.result === "declined") await tellDeclined(deps, requestId, r.mentee.id, r.next);
    }
    const deleted = await deps.people.forget(ctx.from.id, [conversationKey(ctx.chat!.id)], deps.i18n.t("ru", "forgotten-name"));
    deps.log.info({ deleted: deleted !== null }, "personal data deleted on request");
    await ctx.reply(ctx.t(deleted ? "forget-done" : "forget-nothing"));
    // The other side of each of the person's pairs learns that the pair has ended.
    deps.locales.drop(ctx.from.id);
    const partners = deleted?.partners ?? [];
    const tr = await recipientTranslators(deps.i18n, deps.locales, partners.map((p) => p.personId));
    const now = deps.clock.now();
    await deps.notify(partners.map((p) => pairEndedMessage(tr.t(p.personId), p.pairId, { id: p.personId, telegramId: p.telegramId }, p.was === "mentor" ? "mentee" : "mentor", now)));
  });
  return composer;
}
