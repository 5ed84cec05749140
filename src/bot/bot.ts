// Assembles the Telegram adapter: plugins, then the features, each a composer.
import { conversations } from "@grammyjs/conversations";
import { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, GrammyError } from "grammy";
import { LOCALES } from "./i18n.ts";
export { createI18n } from "./i18n.ts";
import type { PrismaClient } from "../db/database.ts";
import type { BotContext, ConversationContext, Deps } from "./context.ts";
import { apiPolicy, beneath } from "./api-policy.ts";
import { conversationStorage } from "./conversation-storage.ts";
import { cancelFeature } from "./features/cancel.ts";
import { diagnosticFeature } from "./features/diagnostic.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { forgetFeature } from "./features/forget.ts";
import { menuFeature } from "./features/menu.ts";
import { PROFILE_CONVERSATION_VERSION, profileFeature } from "./features/profile.ts";
import { evidenceFeature, routeFeature } from "./features/route.ts";
import { staffEntryGate, startFeature } from "./features/start.ts";
import { staffFeature, staffNameFeature } from "./features/staff.ts";
import { methodistFeature, staffTextFeature } from "./features/methodist.ts";
import { mentoringConversations, mentoringFeature } from "./features/mentoring.ts";
import { broadcastConversations, broadcastFeature } from "./features/reports.ts";

export interface BotOptions {
  /** Fires when the process stops: every Bot API call in flight, and every wait to retry one, is aborted. */
  shutdown: AbortSignal;
}

/** The update types the bot serves; anything else is dropped before any feature sees it. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export function createBot(deps: Deps, prisma: PrismaClient, i18n: I18n<ConversationContext>, options: BotOptions): Bot<BotContext> {
  const { config, log } = deps;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    // Below the delivery claim and far below a service manager's stop timeout.
    client: { ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}), timeoutSeconds: 30 },
  });
  const policy = apiPolicy({ maxRetries: config.API_MAX_RETRIES, maxDelaySeconds: config.API_MAX_RETRY_DELAY_SECONDS }, options.shutdown, log);
  bot.api.config.use(...policy);

  // A private bot: only messages and button presses in a private chat with a person.
  // Any other press (in a group, on an inline message, a game button) is answered
  // silently; everything else is dropped. Nobody's data is ever posted into a group.
  bot.use(async (ctx, next) => {
    const served = ctx.update.message !== undefined || ctx.update.callback_query?.data !== undefined;
    if (served && ctx.chat?.type === "private" && ctx.from !== undefined && !ctx.from.is_bot) return next();
    if (ctx.update.callback_query) await ctx.answerCallbackQuery().catch(() => undefined);
  });
  // One update at a time per chat, so a double tap cannot race itself.
  bot.use(sequentialize((ctx) => ctx.chat!.id.toString()));
  bot.use(i18n);

  // Everything that touches the database is inside the boundary, so that any failure
  // (the database away, a Bot API refusal) gets the short apology.
  const features = bot.errorBoundary(async (err) => {
    log.error({ err: err.error, update: err.ctx.update.update_id }, "update failed");
    const ctx = err.ctx;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-generic") });
      else await ctx.reply(ctx.t("error-generic"));
    } catch {
      // The apology could not be sent either; the error is logged.
    }
  });
  // "Last seen" for digests (written at most hourly), and reachable again at once for
  // someone who had blocked the bot. Before consent there is no row, and nothing is written.
  features.use(async (ctx, next) => {
    await deps.people.seen(ctx.from!.id, deps.clock.now(), ctx.from!.username, 3_600_000);
    await next();
  });
  features.use(
    conversations<BotContext, BotContext>({
      // A form belongs to the person (in a private chat the chat is the person).
      storage: { type: "key", prefix: "conv:", version: PROFILE_CONVERSATION_VERSION, adapter: conversationStorage(prisma), getStorageKey: (ctx) => ctx.from?.id.toString() },
      // Each form gets the same translations and the same retries as the rest of the bot.
      plugins: [i18n, (ctx, next) => ((ctx as { api: Api }).api = beneath(ctx.api, policy), next())],
    }),
  );

  features.use(forgetFeature(deps)); // first: withdrawal works even in the middle of the profile form
  features.use(staffEntryGate(deps)); // staff who do not teach reach their panel even from an open profile form
  // Forms (conversations) next: while one is open, it receives the person's input first.
  features.use(profileFeature(deps, i18n));
  features.use(evidenceFeature(deps, i18n));
  features.use(staffNameFeature(deps, i18n));
  features.use(staffTextFeature(deps, i18n));
  features.use(mentoringConversations(deps, i18n));
  features.use(broadcastConversations(deps, i18n));
  // /cancel that no open form took: the diagnostic is paused, or nothing is open.
  features.use(cancelFeature(deps));
  features.use(startFeature(deps));
  features.use(menuFeature(deps));
  features.use(diagnosticFeature(deps));
  features.use(routeFeature(deps));
  features.use(staffFeature(deps));
  features.use(methodistFeature(deps));
  features.use(mentoringFeature(deps));
  features.use(broadcastFeature(deps));
  features.use(fallbackFeature(deps));

  return bot;
}


/** The command list shown by Telegram's menu button, in each locale. */
export async function publishCommands(bot: Bot<BotContext>, i18n: I18n<ConversationContext>): Promise<void> {
  const names = ["start", "menu", "diagnostic", "results", "route", "mentoring", "profile", "settings", "help", "privacy", "forget"];
  for (const locale of LOCALES) {
    const commands = names.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
    await bot.api.setMyCommands(commands, locale === "ru" ? {} : { language_code: locale });
  }
}

export function isUnauthorized(e: unknown): boolean {
  return e instanceof GrammyError && e.error_code === 401;
}
