import type { Context } from "grammy";

/** Answers the button press and replaces the message's buttons with the chosen answer. */
export async function showChoice(ctx: Context, label: string): Promise<void> {
  await ctx.answerCallbackQuery();
  const text = ctx.callbackQuery?.message?.text;
  // A message too old to edit loses nothing: the choice is already recorded.
  await (text ? ctx.editMessageText(`${text}\n\n→ ${label}`) : ctx.editMessageReplyMarkup()).catch(() => undefined);
}
