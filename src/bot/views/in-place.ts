// Settings and pickers change the message the person pressed, rather than sending a
// new one for every press.
import { GrammyError, type InlineKeyboard } from "grammy";
import type { ConversationContext } from "../context.ts";

/**
 * Replaces the pressed message with the text and keyboard; sends a new message when
 * there is nothing to replace (a command) or the old one cannot be edited any more.
 */
export async function showInPlace(ctx: ConversationContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery?.message) {
    const done = await ctx.editMessageText(text, { reply_markup: keyboard }).then(
      () => true,
      // The same text and buttons (a double press): nothing to change, nothing to send.
      (e: unknown) => e instanceof GrammyError && e.description.includes("message is not modified"),
    );
    if (done) return;
  }
  await ctx.reply(text, { reply_markup: keyboard });
}
