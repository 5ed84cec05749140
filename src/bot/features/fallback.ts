// Last in the chain: whatever no feature took gets a short, useful answer.
import { Composer } from "grammy";
import type { BotContext, Deps } from "../context.ts";
import { showMenu } from "../views/menu.ts";
import { sendQuestion } from "./diagnostic.ts";

export function fallbackFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  // A button from an old message, or a payload nobody issued.
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-stale") }));

  composer.on("message", async (ctx) => {
    if (ctx.message.text?.startsWith("/")) {
      await ctx.reply(ctx.t("unknown-command"));
      return;
    }
    const person = await deps.people.byTelegramId(ctx.from.id);
    if (!person) {
      await ctx.reply(ctx.t("need-start"));
      return;
    }
    const attempt = await deps.attempts.inProgress(person.id);
    const instrument = attempt && deps.content.instruments.find((i) => i.id === attempt.instrumentId && i.version === attempt.instrumentVersion);
    if (attempt && instrument) {
      await ctx.reply(ctx.t("question-use-buttons"));
      await sendQuestion(ctx, deps, attempt, instrument);
      return;
    }
    // The menu itself, with a word on why it came instead of an answer.
    await showMenu(ctx, deps, person, ctx.t(ctx.message.text === undefined ? "only-text" : "use-menu"));
  });

  return composer;
}
