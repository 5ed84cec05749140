// The language each person chose in /settings (Person.locale). The bot asks for it on
// every update (its replies), so the answer by Telegram id is kept for a short while;
// producers of queued messages (digests, reminders, notices, broadcasts) ask for many
// people at once and compose each message in its recipient's language.
import type { PrismaClient } from "../db/database.ts";

export const LOCALE_IDS = ["ru", "en"] as const;
export type LocaleId = (typeof LOCALE_IDS)[number];
export const isLocaleId = (s: unknown): s is LocaleId => typeof s === "string" && (LOCALE_IDS as readonly string[]).includes(s);

/** How long an answer by Telegram id is reused (another process's change shows after this). */
const CACHE_MS = 30_000;
const CACHE_MAX = 10_000;

export function personLocales(prisma: PrismaClient) {
  const cache = new Map<number, { locale: LocaleId | null; at: number }>();
  const remember = (telegramId: number, locale: LocaleId | null) => {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(telegramId, { locale, at: Date.now() });
  };

  return {
    /** The language the person with this Telegram id chose; undefined when they did not (or are unknown). */
    async ofTelegram(telegramId: number): Promise<LocaleId | undefined> {
      const hit = cache.get(telegramId);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.locale ?? undefined;
      const p = await prisma.person.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { locale: true } });
      const locale = isLocaleId(p?.locale) ? p.locale : null;
      remember(telegramId, locale);
      return locale ?? undefined;
    },

    /** The chosen languages of these people; someone who chose none is absent. */
    async of(personIds: readonly number[]): Promise<Map<number, LocaleId>> {
      if (personIds.length === 0) return new Map();
      const rows = await prisma.person.findMany({ where: { id: { in: [...new Set(personIds)] }, locale: { not: null } }, select: { id: true, locale: true } });
      return new Map(rows.flatMap((r) => (isLocaleId(r.locale) ? [[r.id, r.locale] as const] : [])));
    },

    /** Stores the person's choice (null: follow Telegram's language again). */
    async set(personId: number, locale: LocaleId | null): Promise<void> {
      const p = await prisma.person.update({ where: { id: personId }, data: { locale }, select: { telegramId: true } });
      remember(Number(p.telegramId), locale);
    },

    /** Drops what is remembered about a Telegram id (the person deleted their data). */
    drop(telegramId: number): void {
      cache.delete(telegramId);
    },
  };
}

export type PersonLocales = ReturnType<typeof personLocales>;
