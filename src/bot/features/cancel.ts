// /cancel outside the forms. An open form (a grammY conversation) receives /cancel
// itself, before this, and says what it left; here come the diagnostic, which is
// not a form (it is paused, its answers kept), and «nothing is open».
import { Composer, InlineKeyboard } from "grammy";
import { cb } from "../callback-data.ts";
import type { BotContext, Deps } from "../context.ts";

export function cancelFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("cancel", async (ctx) => {
    const person = await deps.people.byTelegramId(ctx.from!.id);
    const attempt = person && (await deps.attempts.inProgress(person.id));
    const instrument = attempt && deps.content.instruments.find((i) => i.id === attempt.instrumentId && i.version === attempt.instrumentVersion);
    if (attempt && instrument && attempt.cursor < instrument.items.length) {
      await ctx.reply(ctx.t("cancel-diagnostic", { n: attempt.cursor, total: instrument.items.length }), {
        reply_markup: new InlineKeyboard().text(ctx.t("button-continue"), cb.diagnostic("continue")).row().text(ctx.t("button-menu"), cb.menu("open")),
      });
      return;
    }
    await ctx.reply(ctx.t("cancel-nothing"), person ? { reply_markup: new InlineKeyboard().text(ctx.t("button-menu"), cb.menu("open")) } : {});
  });
  return composer;
}
