// Assembles the Telegram adapter: plugins, then the features, each a composer.
import path from "node:path";
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, GrammyError } from "grammy";
import type { PrismaClient } from "../db/database.ts";
import { bestEffortCallbackAnswers } from "./callback-answers.ts";
import type { BotContext, ConversationContext, Deps } from "./context.ts";
import { conversationStorage } from "./conversation-storage.ts";
import { diagnosticFeature } from "./features/diagnostic.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { forgetFeature } from "./features/forget.ts";
import { menuFeature } from "./features/menu.ts";
import { PROFILE_CONVERSATION_VERSION, profileFeature } from "./features/profile.ts";
import { evidenceFeature, routeFeature } from "./features/route.ts";
import { startFeature } from "./features/start.ts";
import { staffFeature, staffNameFeature } from "./features/staff.ts";
import { methodistFeature, staffTextFeature } from "./features/methodist.ts";
import { mentoringConversations, mentoringFeature } from "./features/mentoring.ts";
import { broadcastConversations, broadcastFeature } from "./features/reports.ts";

export const LOCALES_DIR = path.resolve(import.meta.dirname, "../../locales");
export const LOCALES = ["ru", "en"] as const;

export function createI18n(): I18n<ConversationContext> {
  return new I18n<ConversationContext>({
    defaultLocale: "ru",
    directory: LOCALES_DIR,
    useSession: false,
    // Russian unless the person's Telegram speaks English.
    localeNegotiator: (ctx) => (ctx.from?.language_code?.startsWith("en") ? "en" : "ru"),
    fluentBundleOptions: { useIsolating: false },
  });
}

export interface BotHandle {
  bot: Bot<BotContext>;
  i18n: I18n<ConversationContext>;
  /** The highest update id handled so far (0 before the first). */
  lastUpdateId(): number;
  /** Resolves when no update is being handled. */
  idle(): Promise<void>;
}

export function createBot(deps: Deps, prisma: PrismaClient, i18n: I18n<ConversationContext>): BotHandle {
  const { config, log } = deps;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    client: config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {},
  });
  // Bounded: a flood wait or an outage must not hold an update forever.
  bot.api.config.use(autoRetry({ maxRetryAttempts: config.API_MAX_RETRIES, maxDelaySeconds: config.API_MAX_RETRY_DELAY_SECONDS }));
  bot.api.config.use(bestEffortCallbackAnswers(log)); // after (outside) the retries

  // Updates in hand, so that a shutdown can let them finish (the runner's stop does not wait).
  let lastUpdateId = 0;
  let active = 0;
  const waiting: (() => void)[] = [];
  bot.use(async (ctx, next) => {
    active++;
    try {
      await next();
    } finally {
      lastUpdateId = Math.max(lastUpdateId, ctx.update.update_id);
      if (--active === 0) for (const resolve of waiting.splice(0)) resolve();
    }
  });
  // One update at a time per chat, so a double tap cannot race itself.
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  // A private bot: group chats are ignored.
  bot.drop((ctx) => ctx.chat !== undefined && ctx.chat.type !== "private");
  bot.use(i18n);
  // "Last seen" for digests, written at most hourly per person.
  const seen = new Map<number, number>();
  bot.use(async (ctx, next) => {
    const id = ctx.from?.id;
    const now = deps.clock.now();
    if (id !== undefined && now.getTime() - (seen.get(id) ?? 0) > 3_600_000) {
      // Counted only once a row was written: before consent there is none.
      if (await deps.people.touch(id, now, ctx.from?.username)) seen.set(id, now.getTime());
    }
    await next();
  });
  bot.use(
    conversations<BotContext, BotContext>({
      storage: { type: "key", prefix: "conv:", version: PROFILE_CONVERSATION_VERSION, adapter: conversationStorage(prisma) },
    }),
  );

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
  features.use(forgetFeature(deps)); // first: withdrawal works even in the middle of the profile form
  // Forms (conversations) next: while one is open, it receives the person's input first.
  features.use(profileFeature(deps, i18n));
  features.use(evidenceFeature(deps, i18n));
  features.use(staffNameFeature(deps, i18n));
  features.use(staffTextFeature(deps, i18n));
  features.use(mentoringConversations(deps, i18n));
  features.use(broadcastConversations(deps, i18n));
  features.use(startFeature(deps));
  features.use(menuFeature(deps));
  features.use(diagnosticFeature(deps));
  features.use(routeFeature(deps));
  features.use(staffFeature(deps));
  features.use(methodistFeature(deps));
  features.use(mentoringFeature(deps));
  features.use(broadcastFeature(deps));
  features.use(fallbackFeature(deps));

  bot.catch((err: BotError<BotContext>) => log.error({ err: err.error }, "unhandled bot error"));
  return {
    bot,
    i18n,
    lastUpdateId: () => lastUpdateId,
    idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
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
