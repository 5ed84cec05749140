// Scheduled work: node-cron only ticks; each tick produces what is due as outbox
// rows keyed by recipient, kind and period (so a repeated tick, a restart or a
// second process produces nothing twice), then the sender delivers them.
// A run missed while the bot was down is made up at the next tick, once: only the
// current period is produced, and a digest made up late says so. A digest covers
// what happened since the previous one was produced. Between ticks, delivery wakes
// up by itself when the next row falls due or a 429 pause ends (a clock timer).
import cron, { type ScheduledTask } from "node-cron";
import type { I18n } from "@grammyjs/i18n";
import type { Logger } from "pino";
import { cb } from "../bot/callback-data.ts";
import type { ConversationContext } from "../bot/context.ts";
import type { Config } from "../config.ts";
import type { Content } from "../content/load.ts";
import { setTimer, type Clock } from "../core/clock.ts";
import { addDays, afterQuietHours, localDate } from "../core/schedule.ts";
import type { PrismaClient } from "../db/database.ts";
import { enqueue, type OutgoingMessage } from "../delivery/outbox.ts";
import type { DrainResult, Sender } from "../delivery/sender.ts";
import { OutboxRetention } from "../delivery/outbox-privacy.ts";
import type { ScheduleRepository } from "../repositories/schedule.ts";
import type { PersonLocales } from "../repositories/locales.ts";
import { recipientTranslators, type Translate } from "../bot/i18n.ts";
import type { MentoringRepository } from "../repositories/mentoring.ts";
import type { MentoringService } from "../services/mentoring.ts";
import { composeDigests, digestSlot, queueDigests } from "../services/digests.ts";
import { askMentorMessage, movedOnMessage, nameOf } from "../bot/views/mentoring.ts";

const DAY = 86_400_000;
const LATE_AFTER_MS = 30 * 60_000;
/**
 * Methodists whose digests are computed by one statement. Some of its scans cover the
 * whole region whatever the batch, so a region's methodists (250,000 teachers have
 * about 1,000) should fit in one.
 */
const DIGEST_BATCH = 2_000;
/** How often the embedded database's planner statistics are refreshed (it has no autovacuum). */
const ANALYZE_EVERY_MS = DAY;
/** A drain that failed (e.g. the database was unreachable) is tried again after this. */
const WAKE_RETRY_MS = 10_000;
/** The earliest next wake-up when something due was left behind by a drain. */
const WAKE_MIN_MS = 1_000;

export interface SchedulerDeps {
  mentoring: MentoringRepository;
  mentoringService: MentoringService;
  config: Config;
  content: Content;
  clock: Clock;
  log: Logger;
  i18n: I18n<ConversationContext>;
  /** Scheduled messages speak each recipient's chosen language (Russian unless they chose another). */
  locales: PersonLocales;
  prisma: PrismaClient;
  schedule: ScheduleRepository;
  sender: Sender;
  /**
   * Refreshes the planner's statistics. Given for the embedded database only: a
   * PostgreSQL server's autovacuum does it there. Without statistics the digest
   * statement can be planned many times slower.
   */
  analyze?: () => Promise<void>;
}

export interface TickReport {
  digests: number;
  reminders: number;
  delivery: DrainResult;
}

export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private draining: Promise<DrainResult> | undefined;
  private queued: Promise<DrainResult> | undefined;
  private wake: { at: Date; cancel: () => void } | undefined;
  private lastTickAt: Date | undefined;
  private analyzedAt = -Infinity;
  private retention: OutboxRetention | undefined;

  constructor(private readonly d: SchedulerDeps) {}

  /** Translations for these recipients, each in their language. */
  private translators = (personIds: readonly number[]) => recipientTranslators(this.d.i18n, this.d.locales, personIds);
  private zone = (tz: string | null) => tz ?? this.d.content.directory.region.timezone;

  /** Every minute; a tick still running makes the next one wait its turn. */
  start(): void {
    this.task = cron.schedule("* * * * *", () => void this.tick().catch((err: unknown) => this.d.log.error({ err }, "scheduled tick failed")));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.cancel();
    this.wake = undefined;
    await this.task?.stop();
    await this.running?.catch(() => undefined);
    await this.idle();
  }

  tick(): Promise<TickReport> {
    const run = (this.running ?? Promise.resolve()).catch(() => undefined).then(() => this.produceAndSend());
    this.running = run;
    return run;
  }

  /**
   * Delivers what is due now without waiting for the next tick. A drain already under
   * way is followed by one more (shared by every caller meanwhile), so that rows
   * written after it began its last claim go out too.
   */
  deliverSoon(): Promise<DrainResult> {
    if (!this.draining) return this.startDrain();
    this.queued ??= this.draining.catch(() => undefined).then(() => {
      this.queued = undefined;
      return this.startDrain();
    });
    return this.queued;
  }

  /**
   * When the delivery wakes up by itself next: the next due row, or the end of a
   * 429 pause, whichever is later (undefined: nothing is waiting). The wake-up is a
   * timer of the clock (src/core/clock.ts), not the minute tick, so a pause of 5 s
   * resumes after 5 s; a test clock fires it when the test moves it.
   */
  get wakeAt(): Date | undefined {
    return this.wake?.at;
  }

  /** Resolves once no delivery is under way or queued (the next wake-up is planned by then). */
  async idle(): Promise<void> {
    while (this.draining || this.queued) await Promise.allSettled([this.draining, this.queued]);
  }

  private startDrain(): Promise<DrainResult> {
    const run = this.d.sender.drain().then(
      async (r) => {
        await this.planWake(false);
        return r;
      },
      async (err: unknown) => {
        await this.planWake(true);
        throw err;
      },
    );
    this.draining = run;
    void run.catch(() => undefined).finally(() => {
      if (this.draining === run) this.draining = undefined;
    });
    return run;
  }

  /** Sets the wake-up timer for what the outbox holds next (after a failure: a retry soon). */
  private async planWake(failed: boolean): Promise<void> {
    if (this.stopped) return;
    const now = this.d.clock.now().getTime();
    let at: number | null;
    try {
      at = failed ? now + WAKE_RETRY_MS : ((await this.d.sender.nextWakeAt())?.getTime() ?? null);
    } catch (err) {
      this.d.log.warn({ err }, "delivery: cannot plan the next wake-up");
      at = now + WAKE_RETRY_MS;
    }
    if (this.stopped) return;
    this.wake?.cancel();
    this.wake = undefined;
    if (at === null) return;
    // Something due already was left by this drain: locked by another process's transaction, or written just now.
    const when = new Date(Math.max(at, now + (at <= now ? WAKE_MIN_MS : 0)));
    const cancel = setTimer(this.d.clock, when, () => {
      if (this.wake?.cancel !== cancel) return;
      this.wake = undefined;
      void this.deliverSoon().catch((err: unknown) => this.d.log.error({ err }, "delivery failed"));
    });
    this.wake = { at: when, cancel };
  }

  private async produceAndSend(): Promise<TickReport> {
    const now = this.d.clock.now();
    if (this.d.analyze && now.getTime() - this.analyzedAt >= ANALYZE_EVERY_MS) {
      this.analyzedAt = now.getTime();
      await this.d.analyze().catch((err: unknown) => this.d.log.warn({ err }, "ANALYZE failed"));
    }
    // Once a day: texts of messages finished more than OUTBOX_RETENTION_DAYS ago are deleted.
    await (this.retention ??= new OutboxRetention(this.d)).daily(now);
    // The previous tick of this process: a digest is late only if no tick happened at its hour.
    const previousTick = this.lastTickAt;
    this.lastTickAt = now;
    const digests = await this.produceDigests(now, previousTick);
    const reminders = (await this.produceReminders(now)) + (await this.produceMentoring(now));
    if (digests + reminders > 0) this.d.log.info({ digests, reminders }, "scheduled messages produced");
    const delivery = await this.deliverSoon();
    return { digests, reminders, delivery };
  }

  /**
   * Every methodist whose digest hour has come and whose digest for their local day
   * does not exist yet. Their data comes from one statement per DIGEST_BATCH methodists.
   */
  private async produceDigests(now: Date, previousTick: Date | undefined): Promise<number> {
    const methodists = await this.d.schedule.methodists();
    const due = methodists.flatMap((m) => {
      const slot = digestSlot(m, now, this.d.content.directory.region.timezone, this.d.config.QUIET_HOURS);
      // A day's digest made up at night would arrive with the next morning's: leave it to that one.
      return now >= slot.scheduled && localDate(slot.dueAt, slot.timeZone) === slot.date ? [slot] : [];
    });
    let produced = 0;
    for (let i = 0; i < due.length; i += DIGEST_BATCH) {
      const chunk = due.slice(i, i + DIGEST_BATCH);
      const existing = await this.d.schedule.existingKeys(chunk.map((x) => x.key));
      const todo = chunk.filter((x) => !existing.has(x.key));
      if (todo.length === 0) continue;
      const composed = await composeDigests(
        this.d,
        todo.map((x) => ({
          ...x,
          // Missed: the bot was not ticking at the methodist's hour (down, or just started).
          // A methodist who got the role later the same day gets the day's digest, not an excuse.
          late: now.getTime() - x.scheduled.getTime() > LATE_AFTER_MS && (previousTick === undefined || previousTick < x.scheduled),
          firstFrom: new Date(x.scheduled.getTime() - DAY),
        })),
        now,
      );
      produced += await queueDigests(this.d.prisma, composed, now);
    }
    return produced;
  }

  /** Requests a mentor has not answered in time move on; active pairs get a monthly check-in. */
  private async produceMentoring(now: Date): Promise<number> {
    const { mentoring, mentoringService, content, config } = this.d;
    const messages: OutgoingMessage[] = [];
    for (const e of await mentoringService.expireUnanswered()) {
      const [mentee] = await mentoring.people([e.menteeId]);
      const next = e.next.step === "asked" ? (await mentoring.people([e.next.mentorId]))[0] : undefined;
      const request = await mentoring.request(e.requestId);
      if (!mentee || !request) continue;
      const tr = await this.translators([mentee.id, ...(next ? [next.id] : [])]);
      messages.push(movedOnMessage(tr.t(mentee.id), e.requestId, mentee, "timeout", next ? { step: "asked", id: next.id, name: nameOf(next) } : { step: "exhausted" }, now));
      if (next) messages.push(askMentorMessage(tr.t(next.id), content.instruments, e.requestId, mentee, next, request.needs, config.MENTOR_ANSWER_DAYS, now, tr.locale(next.id)));
    }
    const region = content.directory.region.timezone;
    const month = localDate(now, region).slice(0, 7);
    const pairs = await mentoring.pairsOlderThan(new Date(now.getTime() - 28 * DAY));
    const tr = await this.translators(pairs.flatMap((p) => [p.mentor.id, p.mentee.id]));
    for (const pair of pairs) {
      for (const [p, other] of [[pair.mentor, pair.mentee], [pair.mentee, pair.mentor]] as const) {
        const t = tr.t(p.id);
        messages.push({
          key: `checkin:${pair.id}:${month}:${p.id}`,
          kind: "mentoring:checkin",
          personId: p.id,
          chatId: p.telegramId,
          text: t("mentoring-checkin", { name: nameOf(other) }),
          mentions: [other.id],
          aboutMentioned: true,
          buttons: [[{ text: t("button-checkin-yes"), data: cb.checkin(pair.id, month, true) }, { text: t("button-checkin-no"), data: cb.checkin(pair.id, month, false) }]],
          dueAt: afterQuietHours(now, region, config.QUIET_HOURS),
          local: { timeZone: region, quietHours: config.QUIET_HOURS },
        });
      }
    }
    return enqueue(this.d.prisma, messages, now);
  }

  private async produceReminders(now: Date): Promise<number> {
    const { schedule, config } = this.d;
    const region = this.d.content.directory.region.timezone;
    // Composed once the recipients are known: each in their own language.
    type Compose = (t: Translate) => { text: string; button: [string, string] };
    const wanted: { key: string; kind: string; p: { id: number; telegramId: bigint; timeZone: string | null }; compose: Compose }[] = [];
    const push = (key: string, kind: string, p: { id: number; telegramId: bigint; timeZone: string | null }, text: (t: Translate) => string, button: (t: Translate) => [string, string]) =>
      wanted.push({ key, kind, p, compose: (t) => ({ text: text(t), button: button(t) }) });

    // An unfinished diagnostic: after one day, and after three.
    const day = (n: number) => new Date(now.getTime() - n * DAY);
    for (const a of await schedule.unfinishedDiagnostics(day(3), day(1))) {
      push(`reminder:diagnostic-1d:${a.id}`, "reminder:diagnostic", a.person, (t) => t("reminder-diagnostic-1d", { n: a.cursor }), (t) => [t("button-continue"), cb.diagnostic("continue")]);
    }
    for (const a of await schedule.unfinishedDiagnostics(day(30), day(3))) {
      push(`reminder:diagnostic-3d:${a.id}`, "reminder:diagnostic", a.person, (t) => t("reminder-diagnostic-3d", { n: a.cursor }), (t) => [t("button-continue"), cb.diagnostic("continue")]);
    }
    // Route items due in three days, and overdue ones (once each). Dates are the region's.
    const today = localDate(now, region);
    const title = (i: { programme: { title: string } | null; activity: { title: string } | null }) => i.programme?.title ?? i.activity?.title ?? "";
    for (const i of await schedule.routeItemsDue({ on: new Date(`${addDays(today, 3)}T00:00:00Z`) })) {
      push(`reminder:due-soon:${i.id}`, "reminder:route", i.route.person, (t) => t("reminder-due-soon", { title: title(i) }), (t) => [t("button-route"), cb.route("open")]);
    }
    for (const i of await schedule.routeItemsDue({ before: new Date(`${today}T00:00:00Z`) })) {
      push(`reminder:overdue:${i.id}`, "reminder:route", i.route.person, (t) => t("reminder-overdue", { title: title(i) }), (t) => [t("button-route"), cb.route("open")]);
    }
    // A repeat diagnostic: a week after a finished route, or months after the last one.
    for (const r of await schedule.finishedRoutesWithoutRetake(day(7))) {
      const last = r.person.attempts[0]?.completedAt;
      if (last && r.completedAt && last > r.completedAt) continue;
      push(`reminder:repeat-route:${r.id}`, "reminder:repeat", r.person, (t) => t("reminder-repeat-route"), (t) => [t("button-retake-diagnostic"), cb.diagnostic("new")]);
    }
    const monthsAgo = new Date(now);
    monthsAgo.setUTCMonth(monthsAgo.getUTCMonth() - config.REPEAT_DIAGNOSTIC_MONTHS);
    for (const p of await schedule.lastDiagnosticsBefore(monthsAgo)) {
      push(`reminder:repeat:${p.attempts[0]!.id}`, "reminder:repeat", p, (t) => t("reminder-repeat-months", { months: config.REPEAT_DIAGNOSTIC_MONTHS }), (t) => [t("button-retake-diagnostic"), cb.diagnostic("new")]);
    }
    const tr = await this.translators(wanted.map((w) => w.p.id));
    const messages: OutgoingMessage[] = wanted.map(({ key, kind, p, compose }) => {
      const { text, button } = compose(tr.t(p.id));
      return {
        key,
        kind,
        personId: p.id,
        chatId: p.telegramId,
        text,
        buttons: [[{ text: button[0], data: button[1] }]],
        dueAt: afterQuietHours(now, this.zone(p.timeZone), config.QUIET_HOURS),
        local: { timeZone: this.zone(p.timeZone), quietHours: config.QUIET_HOURS },
      };
    });
    return enqueue(this.d.prisma, messages, now);
  }
}
