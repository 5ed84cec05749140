// Sends the outbox (src/delivery/outbox.ts), batch after batch.
//
// Delivery is at-least-once. Telegram's sendMessage has no idempotency key, so a
// process killed between the API call and recording SENT cannot know whether the
// message went out: its claim expires after lockMs, and a later drain (of any
// process) sends the message again. A rare duplicate is preferred over a lost
// reminder or digest.
//
// Claims are taken by one UPDATE … FOR UPDATE SKIP LOCKED, so processes never take
// the same row, and they are small (what can be sent in about two seconds at the
// rate). Right before each send the claim is fenced: extended by one conditional
// UPDATE (still ours, still SENDING), and a row whose claim was taken over is left
// to its new owner. Every later write is guarded by our workerId too. A send is
// aborted after sendTimeoutMs, well within the claim, so it never outlives it.
//
// The rate and the 429 pause hold for all processes together: they live in the
// database (SendBudget, one row per channel). Each send reserves its slot with one
// UPDATE (nextAt moves on by 1000/ratePerSecond ms), waits for it, then sends. A 429
// writes pausedUntil = now + retry_after for everybody; a drain that meets the pause
// puts its claim back and stops. A chat that got a message from this process less
// than perChatIntervalMs ago has the next one postponed instead of waited for.
//
// Transient failures (network, timeouts, 5xx) are retried with doubling, capped
// delays, and 429s after the pause, until the row's expiresAt (src/delivery/validity.ts);
// then the row is EXPIRED. Only permanent refusals (other 4xx) are FAILED, and 403
// marks the person unreachable. The API must not retry by itself (no auto-retry):
// retries are decided and recorded here.
import { type Api, GrammyError } from "grammy";
import type { Logger } from "pino";
import type { Clock } from "../core/clock.ts";
import type { PrismaClient } from "../db/database.ts";
import type { OutboxMessageUpdateManyMutationInput } from "../generated/prisma/models.ts";
import type { OutgoingButton } from "./outbox.ts";
import { retryDelayMs } from "./validity.ts";

export interface SenderOptions {
  prisma: PrismaClient;
  api: Api;
  clock: Clock;
  log: Logger;
  /** Distinct per process, e.g. `${hostname}:${pid}:${random}`. */
  workerId: string;
  /** Whose rate and pause this sender shares (one SendBudget row). */
  channel?: string;
  /** For all processes of the channel together. */
  ratePerSecond?: number;
  perChatIntervalMs?: number;
  /** Rows claimed at once; by default what the rate sends in CLAIM_SECONDS. */
  batchSize?: number;
  /** How long a claim holds (from its latest fence) before another worker may take it over. */
  lockMs?: number;
  /** A send still unanswered after this is aborted (and retried later); below lockMs. */
  sendTimeoutMs?: number;
  /** The longest wait before retrying a transient failure (a minute by default). */
  maxRetryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DrainResult {
  sent: number;
  failed: number;
  unreachable: number;
  /** Postponed after a 5xx, network error or timeout, to be tried again. */
  retried: number;
  /** A 429 (here or in another process) stopped the drain. */
  paused: boolean;
  /** Held back for a moment: the chat got a message less than a second ago. */
  postponed: number;
  /** Not delivered before their expiresAt: too old to matter. */
  expired: number;
  /** Claimed by us, but taken over by another worker before we sent them: left to it. */
  lost: number;
}

interface Claimed {
  id: number;
  personId: number;
  chatId: bigint;
  kind: string;
  text: string;
  buttons: OutgoingButton[][] | null;
  attempts: number;
  dueAt: Date;
  expiresAt: Date;
}

type Outcome = "sent" | "failed" | "unreachable" | "retried" | "paused" | "expired";

/** The channel of Telegram's Bot API; MAX and VK get their own rows and rates. */
export const TELEGRAM = "telegram";
/** The sender's Bot API client times out after this (src/app.ts builds its Api with it). */
export const SEND_TIMEOUT_SECONDS = 10;
const DEFAULT_LOCK_MS = 30_000;
/** A claim is what the rate sends in this long. */
const CLAIM_SECONDS = 2;
/**
 * nextAt is never honoured further ahead than this: only a clock set back makes it
 * so (each process reserves one slot at a time), and that must not stop sending.
 */
const MAX_AHEAD_MS = 10_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const unlocked = { lockedBy: null, lockedUntil: null } as const;

export class Sender {
  private readonly channel: string;
  private readonly interval: number;
  private readonly perChat: number;
  private readonly batchSize: number;
  private readonly lockMs: number;
  private readonly sendTimeoutMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** When each chat last got a message from this process (clock ms). */
  private readonly lastByChat = new Map<bigint, number>();
  /** The latest slot this sender waited for: time has certainly reached it. */
  private waitedUntil = 0;

  constructor(private readonly o: SenderOptions) {
    const rate = o.ratePerSecond ?? 25;
    this.channel = o.channel ?? TELEGRAM;
    // Whole milliseconds, rounded up: the stored slots have millisecond precision.
    this.interval = Math.ceil(1000 / rate);
    this.perChat = o.perChatIntervalMs ?? 1000;
    this.batchSize = o.batchSize ?? Math.max(1, Math.ceil(rate * CLAIM_SECONDS));
    this.lockMs = o.lockMs ?? DEFAULT_LOCK_MS;
    this.sendTimeoutMs = o.sendTimeoutMs ?? SEND_TIMEOUT_SECONDS * 1000;
    this.maxRetryDelayMs = o.maxRetryDelayMs ?? 60_000;
    this.sleep = o.sleep ?? realSleep;
    if (this.sendTimeoutMs >= this.lockMs) throw new Error(`sender: a send (${this.sendTimeoutMs} ms) must end within its claim (${this.lockMs} ms)`);
  }

  /** Sends every message due now, batch after batch, until none is left or a 429 pauses sending. */
  async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, unreachable: 0, retried: 0, paused: false, postponed: 0, expired: 0, lost: 0 };
    const start = this.o.clock.now().getTime();
    const pausedUntil = await this.pausedUntil();
    if (pausedUntil && start < pausedUntil.getTime()) return { ...result, paused: true };
    for (const [chat, at] of this.lastByChat) if (start - at >= this.perChat) this.lastByChat.delete(chat);
    for (;;) {
      result.expired += await this.expire();
      const batch = await this.claim();
      if (batch.length === 0) return result;
      for (const [i, m] of batch.entries()) {
        const last = this.lastByChat.get(m.chatId);
        if (last !== undefined && this.o.clock.now().getTime() - last < this.perChat) {
          await this.settle(m.id, { status: "PENDING", dueAt: new Date(last + this.perChat), ...unlocked });
          result.postponed++;
          this.o.log.debug({ outboxId: m.id, kind: m.kind }, "outbox: postponed, chat got a message just now");
          continue;
        }
        const outcome = await this.sendInTurn(m);
        if (outcome === "paused") {
          await this.release(batch.slice(i));
          return { ...result, paused: true };
        }
        result[outcome === "lost" ? "lost" : outcome]++;
      }
    }
  }

  /**
   * The earliest moment something may need sending: the next due row, or a claim
   * that will expire (its worker may have died), but not before a pause ends.
   * Null when nothing is waiting.
   */
  async nextWakeAt(): Promise<Date | null> {
    const [row] = await this.o.prisma.$queryRaw<{ due: Date | null; claim: Date | null; paused: Date | null }[]>`
      SELECT (SELECT min("dueAt") FROM "OutboxMessage" WHERE "status" = 'PENDING'::"DeliveryStatus") AS "due",
             (SELECT min("lockedUntil") FROM "OutboxMessage" WHERE "status" = 'SENDING'::"DeliveryStatus") AS "claim",
             (SELECT "pausedUntil" FROM "SendBudget" WHERE "channel" = ${this.channel}) AS "paused"`;
    const next = [row?.due, row?.claim].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
    if (next.length === 0) return null;
    return new Date(Math.max(Math.min(...next), row?.paused?.getTime() ?? 0));
  }

  /** Waits for our slot of the shared rate, fences the claim, sends. */
  private async sendInTurn(m: Claimed): Promise<Outcome | "lost"> {
    const slot = await this.reserve();
    if (slot === "paused") return "paused";
    const now = Math.max(this.o.clock.now().getTime(), this.waitedUntil);
    if (slot > now) {
      await this.sleep(slot - now);
      this.waitedUntil = slot;
    }
    // The fence: still ours and still to send? Extended from now, and a pause set meanwhile (by anyone) is seen.
    const until = new Date(this.o.clock.now().getTime() + this.lockMs);
    const fenced = await this.o.prisma.$queryRaw<{ pausedUntil: Date | null }[]>`
      UPDATE "OutboxMessage" SET "lockedUntil" = ${until}::timestamp(3)
      WHERE "id" = ${m.id} AND "lockedBy" = ${this.o.workerId} AND "status" = 'SENDING'::"DeliveryStatus"
      RETURNING (SELECT "pausedUntil" FROM "SendBudget" WHERE "channel" = ${this.channel}) AS "pausedUntil"`;
    if (fenced.length === 0) {
      this.o.log.warn({ outboxId: m.id, kind: m.kind }, "outbox: claim taken over by another worker, not sent");
      return "lost";
    }
    const paused = fenced[0]!.pausedUntil;
    if (paused && paused.getTime() > this.o.clock.now().getTime()) return "paused";
    return this.send(m);
  }

  /**
   * Takes the next slot of the channel's rate, shared by every process: one
   * statement, so that concurrent senders get distinct slots. "paused" while a 429's
   * retry_after lasts (no slot is taken then).
   */
  private async reserve(): Promise<number | "paused"> {
    const now = this.o.clock.now();
    const ahead = new Date(now.getTime() + MAX_AHEAD_MS);
    const [b] = await this.o.prisma.$queryRaw<{ nextAt: Date; pausedUntil: Date | null }[]>`
      INSERT INTO "SendBudget" ("channel", "nextAt") VALUES (${this.channel}, ${now}::timestamp(3) + make_interval(secs => ${this.interval / 1000}::float8))
      ON CONFLICT ("channel") DO UPDATE SET "nextAt" = CASE
        WHEN "SendBudget"."pausedUntil" > ${now}::timestamp(3) THEN "SendBudget"."nextAt"
        ELSE GREATEST(LEAST("SendBudget"."nextAt", ${ahead}::timestamp(3)), ${now}::timestamp(3)) + make_interval(secs => ${this.interval / 1000}::float8) END
      RETURNING "nextAt", "pausedUntil"`;
    if (b!.pausedUntil && b!.pausedUntil > now) return "paused";
    return b!.nextAt.getTime() - this.interval;
  }

  private async pausedUntil(): Promise<Date | null> {
    const b = await this.o.prisma.sendBudget.findUnique({ where: { channel: this.channel }, select: { pausedUntil: true } });
    return b?.pausedUntil ?? null;
  }

  /** Rows whose validity has passed before they could be sent: EXPIRED, never sent. */
  private async expire(): Promise<number> {
    const now = this.o.clock.now();
    const n = await this.o.prisma.$executeRaw`
      UPDATE "OutboxMessage" SET "status" = 'EXPIRED'::"DeliveryStatus", "lastError" = COALESCE("lastError", 'expired'), "lockedBy" = NULL, "lockedUntil" = NULL
      WHERE "expiresAt" <= ${now}::timestamp(3)
        AND (("status" = 'PENDING'::"DeliveryStatus" AND "dueAt" <= ${now}::timestamp(3))
          OR ("status" = 'SENDING'::"DeliveryStatus" AND "lockedUntil" < ${now}::timestamp(3)))`;
    if (n > 0) this.o.log.warn({ expired: n }, "outbox: expired undelivered");
    return n;
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.o.clock.now();
    const until = new Date(now.getTime() + this.lockMs);
    const rows = await this.o.prisma.$queryRaw<Claimed[]>`
      UPDATE "OutboxMessage" SET "status" = 'SENDING'::"DeliveryStatus", "lockedBy" = ${this.o.workerId}, "lockedUntil" = ${until}
      WHERE "id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE ("status" = 'PENDING'::"DeliveryStatus" AND "dueAt" <= ${now})
           OR ("status" = 'SENDING'::"DeliveryStatus" AND "lockedUntil" < ${now})
        ORDER BY "dueAt", "id"
        LIMIT ${this.batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "personId", "chatId", "kind", "text", "buttons", "attempts", "dueAt", "expiresAt"`;
    return rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
  }

  /** Puts claimed rows back as they were, for any worker to take (after a pause). */
  private release(batch: Claimed[]) {
    return this.o.prisma.outboxMessage.updateMany({ where: { id: { in: batch.map((x) => x.id) }, status: "SENDING", lockedBy: this.o.workerId }, data: { status: "PENDING", ...unlocked } });
  }

  /** Writes to a row only while this worker still holds its claim. */
  private settle(id: number, data: OutboxMessageUpdateManyMutationInput) {
    return this.o.prisma.outboxMessage.updateMany({ where: { id, lockedBy: this.o.workerId }, data });
  }

  private async send(m: Claimed): Promise<Outcome> {
    const keyboard = m.buttons?.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data })));
    try {
      // Aborted well before the claim (fenced just now) could expire and another worker send it too.
      await this.o.api.sendMessage(Number(m.chatId), m.text, keyboard?.length ? { reply_markup: { inline_keyboard: keyboard } } : {}, AbortSignal.timeout(this.sendTimeoutMs) as Parameters<Api["sendMessage"]>[3]);
    } catch (e) {
      return this.failure(m, e);
    }
    const now = this.o.clock.now();
    this.lastByChat.set(m.chatId, now.getTime());
    await this.settle(m.id, { status: "SENT", sentAt: now, ...unlocked });
    this.o.log.debug({ outboxId: m.id, kind: m.kind }, "outbox: sent");
    return "sent";
  }

  private async failure(m: Claimed, e: unknown): Promise<Outcome> {
    const now = this.o.clock.now().getTime();
    const log = { outboxId: m.id, kind: m.kind };
    // HttpError's message names only the method: the cause (whose URL holds the token) stays out.
    const error = e instanceof GrammyError ? `${e.error_code}: ${e.description}` : e instanceof Error ? e.message : String(e);
    if (e instanceof GrammyError && e.error_code === 429) {
      // For every process: the budget row is shared.
      const until = new Date(now + (e.parameters.retry_after ?? 1) * 1000);
      await this.o.prisma.$executeRaw`
        INSERT INTO "SendBudget" ("channel", "nextAt", "pausedUntil") VALUES (${this.channel}, ${new Date(now)}::timestamp(3), ${until}::timestamp(3))
        ON CONFLICT ("channel") DO UPDATE SET "pausedUntil" = GREATEST("SendBudget"."pausedUntil", EXCLUDED."pausedUntil")`;
      await this.settle(m.id, { status: "PENDING", dueAt: until, ...unlocked });
      this.o.log.warn({ ...log, retryAfter: e.parameters.retry_after }, "outbox: 429, sending paused");
      return "paused";
    }
    if (e instanceof GrammyError && e.error_code === 403) {
      await this.o.prisma.$transaction([
        this.settle(m.id, { status: "UNREACHABLE", lastError: error, ...unlocked }),
        this.o.prisma.person.updateMany({ where: { id: m.personId }, data: { unreachableAt: new Date(now) } }),
      ]);
      this.o.log.debug({ ...log, error }, "outbox: person unreachable");
      return "unreachable";
    }
    const transient = !(e instanceof GrammyError) || e.error_code >= 500;
    if (!transient) {
      await this.settle(m.id, { status: "FAILED", lastError: error, ...unlocked });
      this.o.log.warn({ ...log, error }, "outbox: failed");
      return "failed";
    }
    const attempts = m.attempts + 1;
    const dueAt = new Date(now + retryDelayMs(attempts, this.maxRetryDelayMs));
    if (dueAt >= m.expiresAt) {
      await this.settle(m.id, { status: "EXPIRED", attempts, lastError: error, ...unlocked });
      this.o.log.warn({ ...log, attempts, error }, "outbox: expired undelivered");
      return "expired";
    }
    await this.settle(m.id, { status: "PENDING", attempts, lastError: error, dueAt, ...unlocked });
    this.o.log.warn({ ...log, attempts, error, dueAt }, "outbox: will retry");
    return "retried";
  }
}
