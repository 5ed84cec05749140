// A methodist's daily digest, from the caseload's data to a message in the outbox:
// the scheduler produces them at each methodist's hour, and `npm run cli -- digest`
// previews one or sends it at once. Both go through here, so they say the same thing.
import type { ConversationContext } from "../bot/context.ts";
import type { I18n } from "@grammyjs/i18n";
import { digestMessage } from "../bot/views/digest.ts";
import { formatDate, groupTitle } from "../bot/views/route.ts";
import { recipientTranslators } from "../bot/i18n.ts";
import type { PersonLocales } from "../repositories/locales.ts";
import type { Content } from "../content/load.ts";
import { buildDigest, DIGEST_HIGHLIGHTS, type Digest } from "../core/digest.ts";
import { afterQuietHours, atLocal, localDate, quietHoursFor } from "../core/schedule.ts";
import type { PrismaClient } from "../db/database.ts";
import { enqueue, type OutgoingMessage } from "../delivery/outbox.ts";
import type { ScheduleRepository } from "../repositories/schedule.ts";


/** A methodist with their digest settings (ScheduleRepository.methodists). */
export interface DigestMethodist {
  id: number;
  telegramId: bigint;
  timeZone: string | null;
  digestHour: number;
  digestWhenEmpty: boolean;
}

/** A methodist's digest for one local day: when it is scheduled and when it may be delivered. */
export interface DigestSlot {
  methodist: DigestMethodist;
  timeZone: string;
  /** Their local date, YYYY-MM-DD. */
  date: string;
  /** Their digest hour on that date. */
  scheduled: Date;
  /** Now, or the end of the quiet hours now falls in (their own hour is not quiet for their digest). */
  dueAt: Date;
  quiet: readonly [number, number];
  /** One digest a methodist and local day. */
  key: string;
}

export interface DigestsDeps {
  prisma: PrismaClient;
  schedule: ScheduleRepository;
  content: Content;
  config: { QUIET_HOURS: readonly [number, number]; SILENT_DAYS: number };
  i18n: I18n<ConversationContext>;
  /** Each digest speaks its methodist's language (Russian unless they chose another). */
  locales: Pick<PersonLocales, "of">;
}

/** The digest for the methodist's local day at `now`. */
export function digestSlot(m: DigestMethodist, now: Date, regionTimeZone: string, quietHours: readonly [number, number]): DigestSlot {
  const timeZone = m.timeZone ?? regionTimeZone;
  const date = localDate(now, timeZone);
  // The methodist's own hour is not quiet for their own digest (6:00 means 6:00, not 8:00).
  const quiet = quietHoursFor(m.digestHour, quietHours);
  return { methodist: m, timeZone, date, scheduled: atLocal(date, m.digestHour, timeZone), dueAt: afterQuietHours(now, timeZone, quiet), quiet, key: `digest:${m.id}:${date}` };
}

/** A digest to compose: its slot, whether it comes late, and where its window starts when there was no digest before. */
export interface DigestRequest extends DigestSlot {
  late: boolean;
  /** The window's start when the methodist never had a digest. */
  firstFrom: Date;
}

export interface ComposedDigest {
  request: DigestRequest;
  digest: Digest;
  /** The message; `wanted` is false for an empty day the methodist wants nothing for. */
  message: OutgoingMessage;
  wanted: boolean;
}

/**
 * Composes the digests: each covers what happened since the methodist's previous
 * digest (so nothing is told twice or skipped), the data of all of them from one
 * statement. The caller keeps a batch to a size the statement handles well.
 */
export async function composeDigests(d: DigestsDeps, requests: readonly DigestRequest[], now: Date): Promise<ComposedDigest[]> {
  if (requests.length === 0) return [];
  const tr = await recipientTranslators(d.i18n, d.locales, requests.map((r) => r.methodist.id));
  const last = await d.schedule.lastDigestsAt(requests.map((r) => r.methodist.id));
  const data = await d.schedule.digests(
    requests.map((r) => ({ methodistId: r.methodist.id, from: last.get(r.methodist.id) ?? r.firstFrom, today: r.date })),
    now,
    d.config.SILENT_DAYS,
    DIGEST_HIGHLIGHTS,
  );
  return requests.map((r) => {
    const m = r.methodist;
    const digest = buildDigest(data.get(m.id)!);
    const locale = tr.locale(m.id);
    const { text, buttons, mentions } = digestMessage(tr.t(m.id), digest, {
      date: formatDate(new Date(`${r.date}T12:00:00Z`), locale),
      late: r.late,
      groupName: (code) => groupTitle(d.content.instruments, code, locale),
    });
    const message: OutgoingMessage = { key: r.key, personId: m.id, chatId: m.telegramId, kind: "digest", text, buttons, dueAt: r.dueAt, local: { timeZone: r.timeZone, quietHours: r.quiet }, mentions };
    return { request: r, digest, message, wanted: !digest.empty || m.digestWhenEmpty };
  });
}

/**
 * Puts the composed digests into the outbox, once per key; an empty day the methodist
 * wants nothing for is recorded as SKIPPED (it counts as produced). Returns how many
 * messages were created.
 */
export async function queueDigests(prisma: PrismaClient, composed: readonly ComposedDigest[], now: Date): Promise<number> {
  const skipped = composed.filter((c) => !c.wanted).map((c) => ({ key: c.message.key, personId: c.message.personId, chatId: BigInt(c.message.chatId) }));
  if (skipped.length > 0) {
    await prisma.outboxMessage.createMany({
      data: skipped.map((x) => ({ ...x, kind: "digest", text: "", dueAt: now, expiresAt: now, status: "SKIPPED" as const, createdAt: now })),
      skipDuplicates: true,
    });
  }
  return enqueue(
    prisma,
    composed.filter((c) => c.wanted).map((c) => c.message),
    now,
  );
}
