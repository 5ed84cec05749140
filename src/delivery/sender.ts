// Sends the outbox (src/delivery/outbox.ts), batch after batch.
//
// Delivery is at-least-once. Telegram's sendMessage has no idempotency key, so a
// process killed between the API call and recording SENT cannot know whether the
// message went out: its claim expires after lockMs, and a later drain (of any
// process) sends the message again. A rare duplicate is preferred over a lost
// reminder or digest.
//
// Claims are taken by one UPDATE … FOR UPDATE SKIP LOCKED, so processes never take
// the same row; every later write is guarded by our workerId, so a worker whose
// claim was taken over cannot undo its new owner's work. Sends are spaced by
// 1000/ratePerSecond ms (all chats together); a chat that got a message less than
// perChatIntervalMs ago has the next one postponed instead of waited for. A 429
// stops the drain, and the whole sender honours retry_after. The API must not
// retry by itself (no auto-retry): retries are decided and recorded here.
import { type Api, GrammyError, HttpError } from "grammy";
import type { Logger } from "pino";
import type { Clock } from "../core/clock.ts";
import type { PrismaClient } from "../db/database.ts";
import type { OutboxMessageUpdateManyMutationInput } from "../generated/prisma/models.ts";
import type { OutgoingButton } from "./outbox.ts";

export interface SenderOptions {
  prisma: PrismaClient;
  api: Api;
  clock: Clock;
  log: Logger;
  /** Distinct per process, e.g. `${hostname}:${pid}:${random}`. */
  workerId: string;
  ratePerSecond?: number;
  perChatIntervalMs?: number;
  /** For 5xx and network errors. */
  maxAttempts?: number;
  batchSize?: number;
  /** How long a claim holds before another worker may take it over. */
  lockMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DrainResult {
  sent: number;
  failed: number;
  unreachable: number;
  /** Postponed after a 5xx or network error, to be tried again. */
  retried: number;
  /** A 429 stopped the drain. */
  paused: boolean;
  /** Held back for a moment: the chat got a message less than a second ago. */
  postponed: number;
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
}

type Outcome = "sent" | "failed" | "unreachable" | "retried" | "paused";

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const unlocked = { lockedBy: null, lockedUntil: null } as const;

export class Sender {
  private readonly interval: number;
  private readonly perChat: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly lockMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** When each chat last got a message from this process (clock ms). */
  private readonly lastByChat = new Map<bigint, number>();
  private pausedUntil = 0;

  constructor(private readonly o: SenderOptions) {
    this.interval = 1000 / (o.ratePerSecond ?? 25);
    this.perChat = o.perChatIntervalMs ?? 1000;
    this.maxAttempts = o.maxAttempts ?? 5;
    this.batchSize = o.batchSize ?? 50;
    this.lockMs = o.lockMs ?? 60_000;
    this.sleep = o.sleep ?? realSleep;
  }

  /** Sends every message due now, batch after batch, until none is left or a 429 pauses sending. */
  async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, unreachable: 0, retried: 0, paused: false, postponed: 0 };
    const start = this.o.clock.now().getTime();
    if (start < this.pausedUntil) return { ...result, paused: true };
    for (const [chat, at] of this.lastByChat) if (start - at >= this.perChat) this.lastByChat.delete(chat);
    let first = true;
    let lastSend = 0;
    for (let batch = await this.claim(); batch.length > 0; batch = await this.claim()) {
      for (const [i, m] of batch.entries()) {
        const last = this.lastByChat.get(m.chatId);
        if (last !== undefined && this.o.clock.now().getTime() - last < this.perChat) {
          await this.settle(m.id, { status: "PENDING", dueAt: new Date(last + this.perChat), ...unlocked });
          result.postponed++;
          this.o.log.debug({ outboxId: m.id, kind: m.kind }, "outbox: postponed, chat got a message just now");
          continue;
        }
        // Keep to the rate: wait only for what is left of the interval since the last send began.
        if (!first) {
          const left = this.interval - (this.o.clock.now().getTime() - lastSend);
          if (left > 0) await this.sleep(left);
        }
        first = false;
        lastSend = this.o.clock.now().getTime();
        const outcome = await this.send(m);
        if (outcome === "paused") {
          const rest = batch.slice(i + 1).map((x) => x.id);
          await this.o.prisma.outboxMessage.updateMany({ where: { id: { in: rest }, status: "SENDING", lockedBy: this.o.workerId }, data: { status: "PENDING", ...unlocked } });
          return { ...result, paused: true };
        }
        result[outcome]++;
      }
    }
    return result;
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
      RETURNING "id", "personId", "chatId", "kind", "text", "buttons", "attempts", "dueAt"`;
    return rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
  }

  /** Writes to a row only while this worker still holds its claim. */
  private settle(id: number, data: OutboxMessageUpdateManyMutationInput) {
    return this.o.prisma.outboxMessage.updateMany({ where: { id, lockedBy: this.o.workerId }, data });
  }

  private async send(m: Claimed): Promise<Outcome> {
    const keyboard = m.buttons?.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data })));
    try {
      await this.o.api.sendMessage(Number(m.chatId), m.text, keyboard?.length ? { reply_markup: { inline_keyboard: keyboard } } : {});
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
      this.pausedUntil = now + (e.parameters.retry_after ?? 1) * 1000;
      await this.settle(m.id, { status: "PENDING", dueAt: new Date(this.pausedUntil), ...unlocked });
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
    const attempts = transient ? m.attempts + 1 : m.attempts;
    if (!transient || attempts >= this.maxAttempts) {
      await this.settle(m.id, { status: "FAILED", attempts, lastError: error, ...unlocked });
      this.o.log.warn({ ...log, attempts, error }, "outbox: failed");
      return "failed";
    }
    const dueAt = new Date(now + 2 ** attempts * 1000);
    await this.settle(m.id, { status: "PENDING", attempts, lastError: error, dueAt, ...unlocked });
    this.o.log.warn({ ...log, attempts, error, dueAt }, "outbox: will retry");
    return "retried";
  }
}
