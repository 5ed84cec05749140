// Translations (Fluent files in locales/), apart from the bot so that the command-line
// tools can use them without loading every feature.
import path from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { ConversationContext } from "./context.ts";
import type { LocaleId, PersonLocales } from "../repositories/locales.ts";

export const LOCALES_DIR = path.resolve(import.meta.dirname, "../../locales");
export const LOCALES = ["ru", "en"] as const;
/** The language of a queued message whose recipient chose none. */
export const DEFAULT_LOCALE: LocaleId = "ru";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * `chosen`: the language a person chose in /settings, which wins over their Telegram's
 * language. Without it (the command line) the bot's replies follow Telegram's language.
 */
export function createI18n(chosen?: Pick<PersonLocales, "ofTelegram">): I18n<ConversationContext> {
  return new I18n<ConversationContext>({
    defaultLocale: "ru",
    directory: LOCALES_DIR,
    useSession: false,
    // The person's choice; else Russian unless their Telegram speaks English.
    localeNegotiator: async (ctx) => (ctx.from && (await chosen?.ofTelegram(ctx.from.id))) || (ctx.from?.language_code?.startsWith("en") ? "en" : "ru"),
    fluentBundleOptions: { useIsolating: false },
  });
}

/** Translations in one language (Russian when none is given). */
export function translator(i18n: I18n<ConversationContext>, locale?: string | null): Translate {
  const l = locale ?? DEFAULT_LOCALE;
  return (key, vars) => i18n.t(l, key, vars);
}

/** Each recipient's language, for composing queued messages: their choice, else Russian. */
export interface RecipientTranslators {
  locale(personId: number): LocaleId;
  t(personId: number): Translate;
}

export async function recipientTranslators(i18n: I18n<ConversationContext>, locales: Pick<PersonLocales, "of">, personIds: readonly number[]): Promise<RecipientTranslators> {
  const chosen = await locales.of(personIds);
  const locale = (personId: number) => chosen.get(personId) ?? DEFAULT_LOCALE;
  return { locale, t: (personId) => translator(i18n, locale(personId)) };
}
