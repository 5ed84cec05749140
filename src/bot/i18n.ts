// Translations (Fluent files in locales/), apart from the bot so that the command-line
// tools can use them without loading every feature.
import path from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { ConversationContext } from "./context.ts";

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

