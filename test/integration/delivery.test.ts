// The delivery engine: the outbox and the Sender against the fake Bot API, on each
// database. Time is a TestClock and waiting is a fake sleep that only records.
import { Api, HttpError } from "grammy";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { enqueue, type OutgoingMessage } from "../../src/delivery/outbox.ts";
import { Sender, type SenderOptions } from "../../src/delivery/sender.ts";
import { broadcastsRepository } from "../../src/repositories/broadcasts.ts";
import { TestClock } from "../support/clock.ts";
import { databaseTargets, type TestDatabase } from "../support/databases.ts";
import { FakeBotApi } from "../support/fake-bot-api.ts";

const targets = await databaseTargets();

type Prisma = Database["prisma"];

/** Persons for Telegram ids, each a user of the fake Bot API; returns their database ids by Telegram id. */
async function persons(prisma: Prisma, api: FakeBotApi, telegramIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const id of telegramIds) {
    api.user(id);
    const p = await prisma.person.create({ data: { telegramId: BigInt(id), consentVersion: "test", consentedAt: new Date() } });
    out.set(id, p.id);
  }
  return out;
}

function sendMessageCalls(api: FakeBotApi, chatId: number): number {
  return api.callsOf("sendMessage").filter((p) => Number(p.chat_id) === chatId).length;
}

describe.each(targets)("delivery on the $name database", (target) => {
  let api: FakeBotApi;
  let testDb: TestDatabase;
  let db: Database;
  let clock: TestClock;
  let waits: number[];
  let logs: string[];

  beforeAll(async () => {
    api = await FakeBotApi.start();
    testDb = await target.create();
    db = await openDatabase({ ...testDb.env, onConnectionError: () => undefined });
  });
  afterAll(async () => {
    await db?.close();
    await api?.close();
    await testDb?.drop();
  });
  beforeEach(() => {
    clock = new TestClock();
    waits = [];
    logs = [];
  });
  afterEach(async () => {
    await db.prisma.outboxMessage.deleteMany();
    await db.prisma.broadcast.deleteMany();
    await db.prisma.person.deleteMany();
    await db.prisma.sendBudget.deleteMany();
  });

  function sender(options: Partial<SenderOptions> = {}): Sender {
    return new Sender({
      prisma: db.prisma,
      api: new Api(api.token, { apiRoot: api.apiRoot }),
      clock,
      log: pino({ level: "debug" }, { write: (line: string) => void logs.push(line) }),
      workerId: "test-worker",
      sleep: async (ms) => void waits.push(ms),
      ...options,
    });
  }

  /** One message per Telegram id, due now unless told otherwise. */
  async function enqueueFor(ids: Map<number, number>, kind: string, extra: Partial<OutgoingMessage> = {}): Promise<number> {
    const messages = [...ids].map(([telegramId, personId]) => ({
      key: `${kind}:${personId}`,
      personId,
      chatId: telegramId,
      kind,
      text: `${kind} for ${telegramId}`,
      dueAt: clock.now(),
      ...extra,
    }));
    return enqueue(db.prisma, messages, clock.now());
  }

  const row = (key: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } });

  it("enqueues more rows than one statement can carry (a region-wide broadcast), each once", async () => {
    // 12,001 rows × 8 columns are 96,008 bind parameters, more than PostgreSQL allows in one statement (65,535): Prisma splits it.
    const [personId] = [...(await persons(db.prisma, api, [150])).values()];
    const messages = Array.from({ length: 12_001 }, (_, k) => ({ key: `bulk:${k}`, personId: personId!, chatId: 150, kind: "bulk", text: `bulk ${k}`, dueAt: clock.now() }));
    expect(await enqueue(db.prisma, messages, clock.now())).toBe(12_001);
    expect(await db.prisma.outboxMessage.count({ where: { kind: "bulk" } })).toBe(12_001);
    expect(await enqueue(db.prisma, messages, clock.now())).toBe(0);
  });

  it("enqueue is idempotent by key", async () => {
    const ids = await persons(db.prisma, api, [100]);
    const personId = ids.get(100)!;
    const message: OutgoingMessage = { key: "digest:1:2026-11-23", personId, chatId: 100n, kind: "digest", text: "Дайджест", dueAt: clock.now() };
    expect(await enqueue(db.prisma, [message], clock.now())).toBe(1);
    expect(await enqueue(db.prisma, [message], clock.now())).toBe(0);
    expect(await enqueue(db.prisma, [{ ...message, text: "changed" }, { ...message, key: "digest:1:2026-11-24" }], clock.now())).toBe(1);
    const rows = await db.prisma.outboxMessage.findMany({ where: { personId }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.text, r.status])).toEqual([
      ["digest:1:2026-11-23", "Дайджест", "PENDING"],
      ["digest:1:2026-11-24", "Дайджест", "PENDING"],
    ]);
    expect(rows[0]!.chatId).toBe(100n);
    expect(rows[0]!.createdAt).toEqual(clock.now());
  });

  it("sends only due messages, buttons as an inline keyboard", async () => {
    const ids = await persons(db.prisma, api, [201]);
    const personId = ids.get(201)!;
    const now = clock.now();
    await enqueue(db.prisma, [
      { key: "now", personId, chatId: 201, kind: "reminder", text: "Сейчас", dueAt: now, buttons: [[{ text: "Открыть", data: "open:1" }], [{ text: "Позже", data: "later:1" }, { text: "Нет", data: "no:1" }]] },
      { key: "later", personId, chatId: 201, kind: "reminder", text: "Через час", dueAt: new Date(now.getTime() + 3_600_000) },
    ], now);
    const s = sender();

    expect(await s.drain()).toEqual({ sent: 1, failed: 0, unreachable: 0, retried: 0, paused: false, postponed: 0, expired: 0, lost: 0 });
    const u = api.user(201);
    const first = await u.nextMessage();
    expect(first.text).toBe("Сейчас");
    expect(first.reply_markup?.inline_keyboard).toEqual([
      [{ text: "Открыть", callback_data: "open:1" }],
      [{ text: "Позже", callback_data: "later:1" }, { text: "Нет", callback_data: "no:1" }],
    ]);
    expect(await row("now")).toMatchObject({ status: "SENT", sentAt: now, lockedBy: null, lockedUntil: null });
    expect(await row("later")).toMatchObject({ status: "PENDING", lockedBy: null });

    clock.advance(3_600_000 - 1);
    expect((await s.drain()).sent).toBe(0);
    clock.advance(1);
    expect((await s.drain()).sent).toBe(1);
    const second = await u.nextMessage();
    expect(second.text).toBe("Через час");
    expect(second.reply_markup).toBeUndefined();
    expect((await row("later")).status).toBe("SENT");
    expect(u.unread("message")).toHaveLength(0);
  });

  it("403 marks the message and the person unreachable, and never retries", async () => {
    const ids = await persons(db.prisma, api, [301]);
    await enqueueFor(ids, "blocked");
    api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    const s = sender();

    expect(await s.drain()).toEqual({ sent: 0, failed: 0, unreachable: 1, retried: 0, paused: false, postponed: 0, expired: 0, lost: 0 });
    const r = await row(`blocked:${ids.get(301)}`);
    expect(r).toMatchObject({ status: "UNREACHABLE", attempts: 0, lockedBy: null });
    expect(r.lastError).toContain("bot was blocked by the user");
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: ids.get(301)! } });
    expect(person.unreachableAt).toEqual(clock.now());

    clock.advance(86_400_000);
    expect(await s.drain()).toEqual({ sent: 0, failed: 0, unreachable: 0, retried: 0, paused: false, postponed: 0, expired: 0, lost: 0 });
    expect(sendMessageCalls(api, 301)).toBe(1);
    expect(api.user(301).unread("message")).toHaveLength(0);
  });

  it("500 is retried after a backoff and the message arrives once", async () => {
    const ids = await persons(db.prisma, api, [401]);
    await enqueueFor(ids, "server-error");
    const key = `server-error:${ids.get(401)}`;
    api.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    const s = sender();
    const start = clock.now().getTime();

    expect(await s.drain()).toEqual({ sent: 0, failed: 0, unreachable: 0, retried: 1, paused: false, postponed: 0, expired: 0, lost: 0 });
    const r = await row(key);
    expect(r).toMatchObject({ status: "PENDING", attempts: 1, lockedBy: null, lastError: "500: Internal Server Error" });
    expect(r.dueAt.getTime()).toBe(start + 2000);

    clock.advance(1999);
    expect((await s.drain()).sent).toBe(0);
    clock.advance(1);
    expect((await s.drain()).sent).toBe(1);
    const u = api.user(401);
    expect((await u.nextMessage()).text).toBe("server-error for 401");
    expect(u.unread("message")).toHaveLength(0);
    expect(await row(key)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(sendMessageCalls(api, 401)).toBe(2);
  });

  it("429 pauses the drain, puts the batch back, and resumes after retry_after", async () => {
    const ids = await persons(db.prisma, api, [501, 502, 503]);
    await enqueueFor(ids, "flood");
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } });
    const s = sender();
    const now = clock.now();

    expect(await s.drain()).toEqual({ sent: 0, failed: 0, unreachable: 0, retried: 0, paused: true, postponed: 0, expired: 0, lost: 0 });
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
    expect(rows.every((r) => r.lockedBy === null && r.lockedUntil === null && r.attempts === 0)).toBe(true);
    expect(rows.map((r) => r.dueAt.getTime() - now.getTime())).toEqual([7000, 0, 0]);
    expect(api.callsOf("sendMessage").filter((p) => [501, 502, 503].includes(Number(p.chat_id)))).toHaveLength(1);

    // Still within retry_after: nothing is tried.
    clock.advance(6999);
    expect((await s.drain()).paused).toBe(true);
    expect(api.callsOf("sendMessage").filter((p) => [501, 502, 503].includes(Number(p.chat_id)))).toHaveLength(1);

    clock.advance(1);
    expect(await s.drain()).toEqual({ sent: 3, failed: 0, unreachable: 0, retried: 0, paused: false, postponed: 0, expired: 0, lost: 0 });
    for (const id of [501, 502, 503]) {
      const u = api.user(id);
      expect((await u.nextMessage()).text).toBe(`flood for ${id}`);
      expect(u.unread("message")).toHaveLength(0);
    }
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(3);
  });

  it("a network failure is retried with doubling delays, capped, for as long as the message is valid, then EXPIRED", async () => {
    const ids = await persons(db.prisma, api, [601, 602]);
    const [p1, p2] = [ids.get(601)!, ids.get(602)!];
    await enqueue(db.prisma, [
      { key: "net:1", personId: p1, chatId: 601, kind: "net", text: "Личный текст один", dueAt: clock.now() },
    ], clock.now());
    api.dropNext("sendMessage");
    const s = sender({ maxRetryDelayMs: 60_000 });

    expect(await s.drain()).toEqual({ sent: 0, failed: 0, unreachable: 0, retried: 1, paused: false, postponed: 0, expired: 0, lost: 0 });
    expect(await row("net:1")).toMatchObject({ status: "PENDING", attempts: 1, lastError: "Network request for 'sendMessage' failed!" });
    clock.advance(2000);
    expect((await s.drain()).sent).toBe(1);
    const u1 = api.user(601);
    expect((await u1.nextMessage()).text).toBe("Личный текст один");
    expect(u1.unread("message")).toHaveLength(0);

    // A reminder is valid for a day: an outage of 10 attempts (more than the old limit of 5) is waited out.
    await enqueue(db.prisma, [
      { key: "net:2", personId: p2, chatId: 602, kind: "reminder:diagnostic", text: "Личный текст два", dueAt: clock.now() },
    ], clock.now());
    expect((await row("net:2")).expiresAt).toEqual(new Date(clock.now().getTime() + 86_400_000));
    const delays: number[] = [];
    for (let i = 1; i <= 10; i++) {
      api.dropNext("sendMessage");
      const before = clock.now().getTime();
      expect(await s.drain()).toMatchObject({ retried: 1, failed: 0, expired: 0 });
      const r = await row("net:2");
      expect(r).toMatchObject({ status: "PENDING", attempts: i, lockedBy: null });
      delays.push(r.dueAt.getTime() - before);
      clock.advance(r.dueAt.getTime() - before - 1);
      expect((await s.drain()).retried).toBe(0); // not before its time
      clock.advance(1);
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 60, 60, 60, 60, 60].map((x) => x * 1000));
    expect((await s.drain()).sent).toBe(1);
    expect((await api.user(602).nextMessage()).text).toBe("Личный текст два");
    expect(await row("net:2")).toMatchObject({ status: "SENT", attempts: 10 });

    // An outage longer than the validity: EXPIRED with the last error, never sent later.
    await enqueue(db.prisma, [
      { key: "net:3", personId: p2, chatId: 602, kind: "reminder:route", text: "Личный текст три", dueAt: clock.now() },
    ], clock.now());
    const calls = sendMessageCalls(api, 602);
    const patient = sender({ maxRetryDelayMs: 3_600_000 });
    let expired = 0;
    for (let i = 0; i < 100 && expired === 0; i++) {
      api.dropNext("sendMessage");
      expired = (await patient.drain()).expired;
      const r = await row("net:3");
      if (r.status === "PENDING") clock.advance(r.dueAt.getTime() - clock.now().getTime());
    }
    expect(await row("net:3")).toMatchObject({ status: "EXPIRED", lastError: "Network request for 'sendMessage' failed!", lockedBy: null });
    clock.advance(7 * 86_400_000);
    expect((await patient.drain()).sent).toBe(0);
    expect(sendMessageCalls(api, 602) - calls).toBeGreaterThan(20);
    expect(api.user(602).unread("message")).toHaveLength(0);

    // Outcomes are logged, message texts are not.
    const all = logs.join("");
    expect(all).toContain("will retry");
    expect(all).toContain("outbox: expired undelivered");
    expect(all).not.toContain("Личный текст");
  });

  it("a permanent refusal (400) is FAILED at once and not retried", async () => {
    const ids = await persons(db.prisma, api, [651]);
    await enqueueFor(ids, "refused");
    api.failNext("sendMessage", { error_code: 400, description: "Bad Request: message is too long" });
    const s = sender();
    expect(await s.drain()).toEqual({ sent: 0, failed: 1, unreachable: 0, retried: 0, paused: false, postponed: 0, expired: 0, lost: 0 });
    expect(await row(`refused:${ids.get(651)}`)).toMatchObject({ status: "FAILED", attempts: 0, lastError: "400: Bad Request: message is too long" });
    clock.advance(86_400_000);
    expect((await s.drain()).sent).toBe(0);
    expect(sendMessageCalls(api, 651)).toBe(1);
  });

  it("a message still queued when its validity ends is EXPIRED, never sent, and a broadcast report counts it as failed", async () => {
    const ids = await persons(db.prisma, api, [661, 662]);
    const broadcasts = broadcastsRepository(db.prisma);
    const b = await broadcasts.send(null, "Объявление центра", {}, undefined, clock.now());
    expect(b.recipients).toBe(2);
    await enqueueFor(new Map([[661, ids.get(661)!]]), "reminder:diagnostic");
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.kind, r.expiresAt.getTime() - r.dueAt.getTime()])).toEqual([
      ["broadcast", 7 * 86_400_000],
      ["broadcast", 7 * 86_400_000],
      ["reminder:diagnostic", 86_400_000],
    ]);
    const s = sender();

    // The bot was down for more than a day: the reminder is too old, the broadcast still goes out.
    clock.advance(86_400_000);
    expect(await s.drain()).toMatchObject({ sent: 2, expired: 1 });
    expect(await row(`reminder:diagnostic:${ids.get(661)}`)).toMatchObject({ status: "EXPIRED", lastError: "expired", sentAt: null });
    expect(sendMessageCalls(api, 661)).toBe(1);
    expect(await broadcasts.report(b.id)).toEqual({ recipients: 2, sent: 2, pending: 0, unreachable: 0, failed: 0 });

    // A broadcast queued and never delivered within its week: failed in the report, not waiting for ever.
    const late = await broadcasts.send(null, "Ещё объявление", {}, undefined, clock.now());
    clock.advance(7 * 86_400_000);
    expect(await s.drain()).toMatchObject({ sent: 0, expired: 2 });
    expect(await broadcasts.report(late.id)).toEqual({ recipients: 2, sent: 0, pending: 0, unreachable: 0, failed: 2 });
    expect(sendMessageCalls(api, 662)).toBe(1);
  });

  it("takes over a claim whose worker died, and leaves a live claim alone", async () => {
    const ids = await persons(db.prisma, api, [701, 702]);
    await enqueueFor(ids, "claim");
    const now = clock.now().getTime();
    const dead = `claim:${ids.get(701)}`;
    const alive = `claim:${ids.get(702)}`;
    await db.prisma.outboxMessage.update({ where: { key: dead }, data: { status: "SENDING", lockedBy: "dead", lockedUntil: new Date(now - 1000) } });
    await db.prisma.outboxMessage.update({ where: { key: alive }, data: { status: "SENDING", lockedBy: "alive", lockedUntil: new Date(now + 30_000) } });
    const s = sender();

    expect((await s.drain()).sent).toBe(1);
    expect((await api.user(701).nextMessage()).text).toBe("claim for 701");
    expect(await row(dead)).toMatchObject({ status: "SENT", lockedBy: null });
    expect(await row(alive)).toMatchObject({ status: "SENDING", lockedBy: "alive", lockedUntil: new Date(now + 30_000) });
    expect(sendMessageCalls(api, 702)).toBe(0);

    // Once that claim expires too, it is taken over.
    clock.advance(30_001);
    expect((await s.drain()).sent).toBe(1);
    expect((await api.user(702).nextMessage()).text).toBe("claim for 702");
    expect(await row(alive)).toMatchObject({ status: "SENT", lockedBy: null });
  });

  it("spaces sends by the global rate, batch after batch", async () => {
    const telegramIds = Array.from({ length: 60 }, (_, i) => 8000 + i);
    const ids = await persons(db.prisma, api, telegramIds);
    expect(await enqueueFor(ids, "bulk")).toBe(60);
    const s = sender({ ratePerSecond: 25 });

    expect(await s.drain()).toEqual({ sent: 60, failed: 0, unreachable: 0, retried: 0, paused: false, postponed: 0, expired: 0, lost: 0 });
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2300);
    expect(waits.every((w) => w >= 40)).toBe(true);
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(60);
    for (const id of telegramIds) expect(sendMessageCalls(api, id), `chat ${id}`).toBe(1);
  });

  it("several senders (processes) keep the configured rate together: each send takes its own slot of one shared budget", async () => {
    const telegramIds = Array.from({ length: 60 }, (_, i) => 12_000 + i);
    const ids = await persons(db.prisma, api, telegramIds);
    expect(await enqueueFor(ids, "shared")).toBe(60);
    // The clock stands still; each sender's sleep records how long it waited after its previous send.
    const waitsOf: number[][] = [[], [], []];
    const senders = waitsOf.map((w, i) => sender({ workerId: `process-${i}`, ratePerSecond: 25, batchSize: 5, sleep: async (ms) => void w.push(ms) }));
    const results = await Promise.all(senders.map((x) => x.drain()));

    expect(results.reduce((a, r) => a + r.sent, 0)).toBe(60);
    expect(results.every((r) => r.sent > 0)).toBe(true);
    // When each sender sent, relative to the start: its first send at once (0) or after its first wait, then its waits added up.
    const at: number[] = [];
    results.forEach((r, i) => {
      let t = 0;
      if (r.sent > waitsOf[i]!.length) at.push(0);
      for (const w of waitsOf[i]!) at.push((t += w));
    });
    // 60 sends in 60 distinct slots 40 ms apart: 25 a second for the three together, never two at once.
    expect(at.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, k) => k * 40));
    for (const id of telegramIds) expect(sendMessageCalls(api, id), `chat ${id}`).toBe(1);
  });

  it("a 429 met by one sender pauses the others: they send nothing until retry_after has passed", async () => {
    const ids = await persons(db.prisma, api, [13_001, 13_002, 13_003, 13_004]);
    await enqueueFor(ids, "paused");
    const a = sender({ workerId: "process-a" });
    const b = sender({ workerId: "process-b" });
    const calls = () => [13_001, 13_002, 13_003, 13_004].reduce((n, id) => n + sendMessageCalls(api, id), 0);

    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } });
    expect((await a.drain()).paused).toBe(true);
    expect(calls()).toBe(1);
    expect(await db.prisma.sendBudget.findUnique({ where: { channel: "telegram" } })).toMatchObject({ pausedUntil: new Date(clock.now().getTime() + 5000) });

    // Another process, which never met the 429 itself.
    expect(await b.drain()).toMatchObject({ sent: 0, paused: true });
    clock.advance(4999);
    expect(await b.drain()).toMatchObject({ sent: 0, paused: true });
    expect(calls()).toBe(1);
    clock.advance(1);
    expect(await b.drain()).toMatchObject({ sent: 4, paused: false });
    expect(calls()).toBe(5);
  });

  it("a sender waiting for its slot when another meets a 429 sees the pause before sending, and puts its claim back", async () => {
    const ids = await persons(db.prisma, api, [13_101, 13_102, 13_103]);
    await enqueueFor(ids, "fence-pause");
    const a = sender({ workerId: "process-a" });
    let waited = false;
    // B sends its first message at once; while it waits for its second slot, A meets a 429.
    const b = sender({
      workerId: "process-b",
      sleep: async () => {
        if (waited) return;
        waited = true;
        api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } });
        await db.prisma.outboxMessage.create({ data: { key: "for-a", personId: ids.get(13_101)!, chatId: 13_101n, kind: "fence-pause", text: "for a", dueAt: clock.now(), expiresAt: new Date(clock.now().getTime() + 60_000), createdAt: clock.now() } });
        expect((await a.drain()).paused).toBe(true);
      },
    });
    expect(await b.drain()).toMatchObject({ sent: 1, paused: true });
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: "fence-pause" } });
    expect(rows.map((r) => r.status).sort()).toEqual(["PENDING", "PENDING", "PENDING", "SENT"]);
    expect(rows.every((r) => r.lockedBy === null)).toBe(true);
    expect(api.callsOf("sendMessage").filter((p) => [13_101, 13_102, 13_103].includes(Number(p.chat_id)))).toHaveLength(2);
    clock.advance(3000);
    expect(await b.drain()).toMatchObject({ sent: 3, paused: false });
  });

  it("a worker stalled in a send does not send rows another worker took over meanwhile (the claim is fenced before each send)", async () => {
    const telegramIds = [14_001, 14_002, 14_003, 14_004, 14_005];
    const ids = await persons(db.prisma, api, telegramIds);
    await enqueueFor(ids, "stall");
    // The slow worker's first sendMessage hangs, then fails as its timeout would; the test decides when.
    let reached!: () => void;
    const stalled = new Promise<void>((r) => (reached = r));
    let unstall!: () => void;
    const gate = new Promise<void>((r) => (unstall = r));
    const slowApi = new Api(api.token, { apiRoot: api.apiRoot });
    let first = true;
    slowApi.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage" && first) {
        first = false;
        reached();
        await gate;
        throw new HttpError("Network request for 'sendMessage' failed!", new Error("timed out"));
      }
      return prev(method, payload, signal);
    });
    const slow = sender({ workerId: "slow", api: slowApi, lockMs: 30_000 });
    const fast = sender({ workerId: "fast", lockMs: 30_000 });

    const slowDrain = slow.drain();
    await stalled;
    expect(await db.prisma.outboxMessage.count({ where: { kind: "stall", lockedBy: "slow" } })).toBe(5);
    clock.advance(30_001);
    expect(await fast.drain()).toMatchObject({ sent: 5 });
    unstall();
    expect(await slowDrain).toMatchObject({ sent: 0, lost: 4 });

    for (const id of telegramIds) expect(sendMessageCalls(api, id), `chat ${id}`).toBe(1);
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: "stall" } });
    expect(rows.every((r) => r.status === "SENT" && r.lockedBy === null && r.attempts === 0)).toBe(true);
  });

  it("a send that hangs is aborted within its claim and retried later; claims are what the rate sends in two seconds", async () => {
    const telegramIds = Array.from({ length: 30 }, (_, i) => 15_000 + i);
    const ids = await persons(db.prisma, api, telegramIds);
    await enqueueFor(ids, "hang");
    expect(() => sender({ lockMs: 10_000, sendTimeoutMs: 10_000 })).toThrow(/must end within its claim/);
    const held = api.hold("sendMessage");
    const s = sender({ ratePerSecond: 5, sendTimeoutMs: 300 });
    const drain = s.drain();
    await held.reached;
    // Five a second: ten rows claimed, not the whole queue.
    expect(await db.prisma.outboxMessage.count({ where: { kind: "hang", status: "SENDING" } })).toBe(10);
    const result = await drain;
    held.release();
    expect(result).toMatchObject({ retried: 1, sent: 29 });
    const retried = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "hang", status: "PENDING" } });
    expect(retried).toMatchObject({ attempts: 1, lockedBy: null, lastError: "Network request for 'sendMessage' failed!" });
  });

  it("postpones a second message to the same chat by the per-chat interval", async () => {
    const ids = await persons(db.prisma, api, [9000]);
    const personId = ids.get(9000)!;
    const now = clock.now();
    await enqueue(db.prisma, [
      { key: "chat:1", personId, chatId: 9000, kind: "reminder", text: "Первое", dueAt: now },
      { key: "chat:2", personId, chatId: 9000, kind: "reminder", text: "Второе", dueAt: now },
    ], now);
    const s = sender();

    expect(await s.drain()).toMatchObject({ sent: 1, postponed: 1 });
    expect(await row("chat:1")).toMatchObject({ status: "SENT" });
    expect(await row("chat:2")).toMatchObject({ status: "PENDING", dueAt: new Date(now.getTime() + 1000), lockedBy: null });
    expect(waits).toEqual([]);
    expect((await s.drain()).sent).toBe(0);

    clock.advance(1000);
    expect((await s.drain()).sent).toBe(1);
    const u = api.user(9000);
    expect((await u.nextMessage()).text).toBe("Первое");
    expect((await u.nextMessage()).text).toBe("Второе");
    expect(sendMessageCalls(api, 9000)).toBe(2);
  });
});

describe.each(targets.filter((t) => t.name === "postgres"))("two senders on one $name database", (target) => {
  let api: FakeBotApi;
  let testDb: TestDatabase;
  const dbs: Database[] = [];

  beforeAll(async () => {
    api = await FakeBotApi.start();
    testDb = await target.create();
    dbs.push(await openDatabase({ ...testDb.env, onConnectionError: () => undefined }), await openDatabase({ ...testDb.env, onConnectionError: () => undefined }));
  });
  afterAll(async () => {
    for (const d of dbs) await d.close();
    await api?.close();
    await testDb?.drop();
  });

  it("never send the same message twice when draining concurrently", async () => {
    const [a, b] = dbs as [Database, Database];
    const clock = new TestClock();
    const telegramIds = Array.from({ length: 300 }, (_, i) => 20_000 + i);
    const ids = await persons(a.prisma, api, telegramIds);
    const messages = [...ids].map(([telegramId, personId]) => ({ key: `broadcast:1:${personId}`, personId, chatId: telegramId, kind: "broadcast:1", text: `Рассылка ${telegramId}`, dueAt: clock.now() }));
    expect(await enqueue(a.prisma, messages, clock.now())).toBe(300);

    const make = (d: Database, workerId: string) =>
      new Sender({ prisma: d.prisma, api: new Api(api.token, { apiRoot: api.apiRoot }), clock, log: pino({ level: "silent" }), workerId, sleep: async () => undefined });
    const senders = [make(a, "worker-a"), make(b, "worker-b")];
    const sent = [0, 0];
    for (let round = 0; (await a.prisma.outboxMessage.count({ where: { status: { not: "SENT" } } })) > 0; round++) {
      expect(round).toBeLessThan(10);
      const results = await Promise.all(senders.map((s) => s.drain()));
      results.forEach((r, i) => (sent[i]! += r.sent));
    }

    expect(sent[0]! + sent[1]!).toBe(300);
    expect(sent[0]).toBeGreaterThan(0);
    expect(sent[1]).toBeGreaterThan(0);
    const perChat = new Map<number, number>();
    for (const p of api.callsOf("sendMessage")) perChat.set(Number(p.chat_id), (perChat.get(Number(p.chat_id)) ?? 0) + 1);
    expect(perChat.size).toBe(300);
    for (const id of telegramIds) expect(perChat.get(id), `chat ${id}`).toBe(1);
    expect(await b.prisma.outboxMessage.count({ where: { status: "SENT", lockedBy: null } })).toBe(300);
  });
});
