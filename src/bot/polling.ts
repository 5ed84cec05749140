// Telegram long polling that confirms only the updates that were handled.
//
// getUpdates(offset) confirms every update below `offset`. @grammyjs/runner fetches
// the next batch (confirming the current one) while updates are still in hand, so a
// kill in that window lost them. Here the offset never passes the lowest update still
// being handled: updates of many chats are handled at once, and when a slow one holds
// the offset back, a repeated fetch returns it again and it is skipped (at most one
// such fetch a second, or one per finished update). After a crash, Telegram delivers
// again what was not confirmed: at-least-once, never lost.
//
// A second process polling the same token gets 409 Conflict: it is logged once and
// retried politely, never a crash. Network errors and 5xx are retried with a short
// capped backoff, so polling resumes within seconds of the API coming back. A rejected
// token (401) ends polling with one line. Stopping aborts the fetch in hand at once.
import { type Api, type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";

export interface PollerOptions {
  /** Handles one update; it must not throw (the bot's error boundary answers failures). */
  handle(update: Update): Promise<void>;
  /** An Api without retrying transformers: the poller decides its own retries. */
  api: Api;
  log: Logger;
  allowedUpdates: readonly string[];
  /** Polling cannot go on (the token was rejected): one line for the operator. */
  onFatal(reason: string): void;
  /** Long-poll timeout of getUpdates, seconds. */
  timeoutSeconds?: number;
  /** The longest wait between failed fetches. */
  maxBackoffMs?: number;
}

const LIMIT = 100;

export class Poller {
  private readonly inHand = new Map<number, Promise<void>>();
  /** Handled updates not yet below the offset (a slower one holds it back). */
  private readonly handled = new Set<number>();
  /** Updates whose handling was cut short by the shutdown: never confirmed. */
  private readonly unfinished = new Set<number>();
  private highest = 0;
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private stopping = false;
  private progress: (() => void)[] = [];

  constructor(private readonly o: PollerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** The offset that confirms exactly what was handled. */
  offset(): number {
    let low = this.highest + 1;
    for (const id of this.inHand.keys()) low = Math.min(low, id);
    for (const id of this.unfinished) low = Math.min(low, id);
    return low;
  }

  /**
   * Stops fetching at once; waits for the updates in hand, at most `graceMs`, then
   * calls `cut` (which aborts their Bot API calls) and waits for them to end; confirms
   * the handled ones. Updates that were cut short are delivered again after a restart.
   */
  async stop(graceMs: number, cut: () => void): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.loop;
    if (this.inHand.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const all = Promise.allSettled(this.inHand.values());
      const late = await Promise.race([all.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
      clearTimeout(timer);
      if (late) {
        for (const id of this.inHand.keys()) this.unfinished.add(id);
        this.o.log.warn({ updates: this.inHand.size }, "updates still in hand at shutdown were cut short; they will be received again");
        cut();
        await all;
      }
    }
    const offset = this.offset();
    if (offset > 1) {
      await this.o.api.getUpdates({ offset, limit: 1, timeout: 0 }, AbortSignal.timeout(3000) as never).catch(() => undefined);
    }
  }

  private async run(): Promise<void> {
    const timeout = this.o.timeoutSeconds ?? 30;
    let failures = 0;
    let conflict = false;
    while (!this.stopping) {
      let updates: Update[];
      try {
        updates = await this.o.api.getUpdates(
          // While updates are in hand, Telegram answers at once with them anyway.
          { offset: this.offset(), limit: LIMIT, timeout: this.inHand.size > 0 ? 0 : timeout, allowed_updates: [...this.o.allowedUpdates] as never },
          this.abort.signal as never,
        );
      } catch (e) {
        if (this.stopping) break;
        if (e instanceof GrammyError && e.error_code === 401) {
          this.o.onFatal("BOT_TOKEN was rejected by the Bot API (401 Unauthorized); polling stopped");
          break;
        }
        failures++;
        if (e instanceof GrammyError && e.error_code === 409) {
          if (!conflict) this.o.log.warn("another process is receiving this bot's updates (409 Conflict); retrying until it stops");
          conflict = true;
        } else if (failures === 1) {
          this.o.log.warn({ err: e }, "getUpdates failed; retrying");
        }
        await this.wait(Math.min(this.o.maxBackoffMs ?? 5000, 250 * 2 ** failures));
        continue;
      }
      if (failures > 0) this.o.log.info({ failures }, "receiving updates again");
      failures = 0;
      conflict = false;
      let fresh = 0;
      for (const update of updates) {
        const id = update.update_id;
        this.highest = Math.max(this.highest, id);
        if (this.inHand.has(id) || this.handled.has(id)) continue;
        fresh++;
        this.take(update);
      }
      const offset = this.offset();
      for (const id of this.handled) if (id < offset) this.handled.delete(id);
      // Only updates already in hand came back: wait for one of them to finish.
      if (fresh === 0 && this.inHand.size > 0) await this.wait(1000, true);
    }
  }

  private take(update: Update): void {
    const id = update.update_id;
    const done = this.o
      .handle(update)
      .catch((err: unknown) => this.o.log.error({ err, update: id }, "update failed"))
      .finally(() => {
        this.inHand.delete(id);
        if (!this.unfinished.has(id)) this.handled.add(id);
        for (const wake of this.progress.splice(0)) wake();
      });
    this.inHand.set(id, done);
  }

  /** Waits `ms`, or less when stopping, or (with `orProgress`) until an update finishes. */
  private wait(ms: number, orProgress = false): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener("abort", done);
        this.progress = this.progress.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener("abort", done);
      if (orProgress) this.progress.push(done);
    });
  }
}

/** The handler a poller (or later a webhook) gives each update: grammY's, with its errors logged. */
export function updateHandler(bot: Bot<never>, log: Logger): (update: Update) => Promise<void> {
  return async (update) => {
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      const cause = (err as { error?: unknown }).error ?? err;
      log.error({ err: cause, update: update.update_id }, "update failed");
    }
  };
}
