// Long answers (reports, lists) in several messages: Telegram takes at most 4096
// characters a message. Texts are split at line boundaries, never inside a line
// unless a single line is itself too long; nothing is dropped.
import type { Context } from "grammy";
import type { InlineKeyboard } from "grammy";

/** Telegram's limit for a message's text, in characters (UTF-16 code units are what it counts). */
export const MESSAGE_LIMIT = 4096;

/**
 * The text in parts of at most `limit` characters, cut at line breaks. A line longer
 * than the limit is cut at its last space before the limit (or hard, if it has none).
 */
export function splitText(text: string, limit = MESSAGE_LIMIT): string[] {
  if (limit < 1) throw new RangeError("limit must be positive");
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    if (current.length > 0) parts.push(current);
    current = "";
  };
  for (let line of text.split("\n")) {
    while (line.length > limit) {
      flush();
      const space = line.lastIndexOf(" ", limit);
      const cut = space > 0 ? space : limit;
      parts.push(line.slice(0, cut));
      line = line.slice(space > 0 ? cut + 1 : cut);
    }
    if (current.length === 0 && parts.length > 0 && line.length === 0) continue; // no part starts with an empty line
    const joined = current.length === 0 ? line : `${current}\n${line}`;
    if (joined.length <= limit) current = joined;
    else {
      flush();
      current = line;
    }
  }
  flush();
  return parts.length > 0 ? parts : [text];
}

/** Sends a text of any length as several messages; the keyboard goes with the last one. */
export async function replyLong(ctx: Pick<Context, "reply">, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitText(text);
  for (let i = 0; i < parts.length; i++) {
    await ctx.reply(parts[i]!, i === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {});
  }
}
