// Answering a button press (answerCallbackQuery) only stops the spinner on the
// person's button; it is never worth aborting the handling of the press for.
// Telegram refuses it with 400 "query is too old" when the bot is slow, or after a
// restart; the press must still be handled. Installed once on the bot's API, so
// that every callback handler gets it.
import type { Transformer } from "grammy";
import type { Logger } from "pino";

/** An API transformer: a failed answerCallbackQuery is logged (code only) and counted as done. */
export function bestEffortCallbackAnswers(log: Pick<Logger, "warn">): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== "answerCallbackQuery") return prev(method, payload, signal);
    try {
      const response = await prev(method, payload, signal);
      if (!response.ok) log.warn({ method, code: response.error_code }, "button press not acknowledged");
      return response.ok ? response : ({ ok: true, result: true } as Awaited<ReturnType<typeof prev>>);
    } catch (err) {
      log.warn({ method, code: (err as { error_code?: number }).error_code ?? (err as Error).name }, "button press not acknowledged");
      return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
    }
  };
}
