// Benchmarks of the bot: `npm run bench` (see bench/README.md).
//
//   npm run bench                         quick mode, writes bench/results.md
//   npm run bench -- --full               digests up to 250,000 teachers, 10,000 deliveries, memory at 250,000
//   npm run bench -- seed --teachers N    adds N teachers to the configured database (DATA_DIR / DATABASE_URL)
//
// The default command runs every benchmark once per database (embedded PGlite always;
// PostgreSQL when DATABASE_URL is set; that database must be empty: the benchmark
// fills it), each in its own child process so that memory figures do not mix.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { run } from "@grammyjs/runner";
import { Api, Bot } from "grammy";
import pino from "pino";
import { startApp, type App } from "../src/app.ts";
import { seedCatalogueIfEmpty } from "../src/catalogue/seed.ts";
import { loadConfig } from "../src/config.ts";
import { loadContent } from "../src/content/load.ts";
import { systemClock } from "../src/core/clock.ts";
import { openDatabase } from "../src/db/database.ts";
import { enqueue } from "../src/delivery/outbox.ts";
import { Sender } from "../src/delivery/sender.ts";
import { directoryRepository } from "../src/repositories/directory.ts";
import { FakeBotApi, type BotMessage, type FakeUser } from "../test/support/fake-bot-api.ts";
import { seed, TELEGRAM_BASE } from "./seed.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const CONTENT_DIR = path.join(ROOT, "content");
const RESULTS = path.join(ROOT, "bench", "results.md");
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// --- figures a child process reports ------------------------------------------------

interface Figures { medianMs: number; p99Ms: number; cpuMs: number }
interface UpdateCost { updates: number; real: Figures; bare: Figures; sameCalls?: Figures }
interface DigestRun { teachers: number; methodists: number; produced: number; ms: number; peakRssMb: number; baseRssMb: number; seedMs: number }
interface Delivery { messages: number; seconds: number; perSecond: number; configured: number; injected429: number; lost: number; doubled: number; missing: number }
interface BroadcastRun { teachers: number; recipients: number; ms: number; peakRssMb: number }
interface Memory { teachers: number; conversations: number; sessions: number; startRssMb: number; rssMb: number; heapMb: number }
interface TargetResult { kind: "embedded" | "postgres"; server?: string; full: boolean; update?: UpdateCost; digests: DigestRun[]; broadcasts?: BroadcastRun[]; delivery?: Delivery; memory?: Memory; errors: string[] }

// --- small helpers -------------------------------------------------------------------

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

/** Latency and CPU time of measured steps (a step not recorded is a warm-up). */
function samples() {
  const lat: number[] = [];
  let cpuMs = 0;
  return {
    get n() { return lat.length; },
    async measure(record: boolean, step: () => Promise<unknown>): Promise<void> {
      const cpu = process.cpuUsage();
      const t = performance.now();
      await step();
      const ms = performance.now() - t;
      const c = process.cpuUsage(cpu);
      if (record) { lat.push(ms); cpuMs += (c.user + c.system) / 1000; }
    },
    figures: (): Figures => ({ medianMs: quantile(lat, 0.5), p99Ms: quantile(lat, 0.99), cpuMs: cpuMs / lat.length }),
  };
}

/** Samples RSS every 50 ms until stopped; returns the peak. */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

/** A message the fake user "has", to press buttons on (the bot never sent it). */
function fakeMessage(api: FakeBotApi, chatId: number, text = "…"): BotMessage {
  return { message_id: api.newMessageId(), chat: { id: chatId, type: "private" }, date: Math.floor(Date.now() / 1000), text };
}

const QUESTION = /Вопрос (\d+) из (\d+)/;

/** Skips the bot's messages until the next diagnostic question. */
async function nextQuestion(u: FakeUser): Promise<BotMessage> {
  for (;;) {
    const m = await u.nextMessage();
    if (QUESTION.test(m.text ?? "")) return m;
  }
}

const answerData = (q: BotMessage) => (q.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "").filter((d) => /^a:\d+:\d+:\d+$/.test(d));

// --- 1. update cost: the real bot and a bare grammY bot, side by side ------------------

async function benchUpdateCost(app: App, api: FakeBotApi, total: number): Promise<UpdateCost> {
  // The bare bot: answers every callback query and nothing else.
  const bareApi = await FakeBotApi.start();
  const bare = new Bot(bareApi.token, { client: { apiRoot: bareApi.apiRoot } });
  bare.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  await bare.init();
  const bareRunner = run(bare);
  const bareUser = bareApi.user(1);
  const bareMessage = fakeMessage(bareApi, 1);
  // The floor: a bot making the real bot's three Bot API calls for an answer (answer the
  // query, edit the question, send the next one with its keyboard) and nothing else.
  const floorApi = await FakeBotApi.start();
  const floor = new Bot(floorApi.token, { client: { apiRoot: floorApi.apiRoot } });
  let floorN = 0;
  floor.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(`Вопрос 1 из 25\n\nВаш ответ: ${++floorN}`);
    const keyboard = [["0", "1", "2", "3"].map((d) => ({ text: d, callback_data: `a:1:1:${d}` })), [{ text: "Назад", callback_data: "a:1:1:back" }, { text: "Пауза", callback_data: "a:1:1:pause" }]];
    await ctx.reply("Вопрос 2 из 25\n\nТекст вопроса", { reply_markup: { inline_keyboard: keyboard } });
  });
  await floor.init();
  const floorRunner = run(floor);
  const floorUser = floorApi.user(2);
  await floor.api.sendMessage(2, "Вопрос 1 из 25");
  const floorMessage = await floorUser.nextMessage();

  // Real-bot users: consented people with a finished profile, who start a diagnostic.
  let userNo = 0;
  const newTeacher = async (): Promise<{ u: FakeUser; q: BotMessage }> => {
    const telegramId = 700_000_000 + ++userNo;
    const orgs = await app.db.prisma.organization.findFirst({ select: { id: true, municipalityId: true } });
    await app.db.prisma.person.create({
      data: {
        telegramId: BigInt(telegramId), consentVersion: "bench", consentedAt: new Date(), fullName: `Бенчмарк ${userNo}`, position: "TEACHER",
        municipalityId: orgs?.municipalityId ?? null, organizationId: orgs?.id ?? null, subjects: ["math"], experienceYears: 10, ageGroup: "FROM_35_TO_44", profileCompletedAt: new Date(),
      },
    });
    const u = api.user(telegramId);
    u.press(fakeMessage(api, telegramId), "diag:new");
    return { u, q: await nextQuestion(u) };
  };

  const real = samples();
  const base = samples();
  const same = samples();
  let current = await newTeacher();
  const realStep = async (record: boolean) => {
    // 24 answers a teacher (question 25 would finish the attempt: a different, rarer update).
    if (Number(QUESTION.exec(current.q.text ?? "")![1]) >= 25) current = await newTeacher();
    const data = answerData(current.q);
    await real.measure(record, async () => {
      current.u.press(current.q, data[data.length - 1]!);
      current.q = await nextQuestion(current.u);
    });
  };
  const bareStep = (record: boolean) => base.measure(record, () => bareUser.answerTo(bareUser.press(bareMessage, "x")));
  const floorStep = (record: boolean) =>
    same.measure(record, () => {
      floorUser.press(floorMessage, "a:1:0:3");
      return floorUser.nextMessage();
    });
  // Warm-up, then alternating blocks of 25 so that all see the same machine state.
  for (let i = 0; i < 20; i++) { await realStep(false); await bareStep(false); await floorStep(false); }
  while (real.n < total) {
    for (let i = 0; i < 25; i++) await realStep(true);
    for (let i = 0; i < 25; i++) await bareStep(true);
    for (let i = 0; i < 25; i++) await floorStep(true);
  }
  await bareRunner.stop();
  await bareApi.close();
  await floorRunner.stop();
  await floorApi.close();
  return { updates: real.n, real: real.figures(), bare: base.figures(), sameCalls: same.figures() };
}

/** With BENCH_PROFILE=FILE, writes a CPU profile (.cpuprofile, for Chrome's DevTools) of `fn`. */
async function profiled<T>(fn: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return fn();
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  }
}

// --- 2. digests: production of all methodists' digests ----------------------------------

/** Today at 09:00 UTC (12:00 in the sample region): every methodist's 08:00 digest is due. */
function digestNow(): Date {
  return new Date(`${new Date().toISOString().slice(0, 10)}T09:00:00Z`);
}

async function benchDigests(app: App, teachers: number, seedMs: number): Promise<DigestRun> {
  const prisma = app.db.prisma;
  await prisma.outboxMessage.deleteMany({ where: { kind: "digest" } });
  const methodists = await prisma.personRole.count({ where: { role: "METHODIST" } });
  // The scheduler's own production (private in TypeScript, called as the tick calls it),
  // without the reminders and the delivery that a tick would add.
  const scheduler = app.scheduler as unknown as { produceDigests(now: Date): Promise<number> };
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.memoryUsage().rss;
  const sampler = rssSampler();
  const t = performance.now();
  const produced = await scheduler.produceDigests(digestNow());
  const ms = performance.now() - t;
  const peak = sampler.stop();
  await prisma.outboxMessage.deleteMany({ where: { kind: "digest" } });
  return { teachers, methodists, produced, ms, peakRssMb: peak / MB, baseRssMb: baseRss / MB, seedMs };
}

// --- 2b. a broadcast's production: segment to outbox rows ---------------------------------

/** A coordinator's broadcast to everyone with a digital-competency deficit in their latest diagnostic, region-wide. */
async function benchBroadcast(app: App, teachers: number): Promise<BroadcastRun> {
  const prisma = app.db.prisma;
  (globalThis as { gc?: () => void }).gc?.();
  const sampler = rssSampler();
  const t = performance.now();
  const b = await app.deps.broadcasts.send(null, "Приглашаем на вебинар по цифровым инструментам урока.", { deficit: "digital" }, undefined, new Date());
  const ms = performance.now() - t;
  const peak = sampler.stop();
  await prisma.outboxMessage.deleteMany({ where: { kind: "broadcast" } });
  return { teachers, recipients: b.recipients, ms, peakRssMb: peak / MB };
}

// --- 3. delivery: the real Sender against the fake Bot API, with 429s -------------------

async function benchDelivery(app: App, api: FakeBotApi, count: number): Promise<Delivery> {
  const prisma = app.db.prisma;
  const configured = app.deps.config.SEND_RATE_PER_SECOND;
  await prisma.outboxMessage.deleteMany({});
  const people = await prisma.person.findMany({
    // Seeded people, teachers first (methodists' ids come after them): 10,000 of the first 10,042.
    where: { consentVersion: "bench", telegramId: { gte: BigInt(TELEGRAM_BASE) } },
    select: { id: true, telegramId: true }, orderBy: { id: "asc" }, take: count,
  });
  const users = people.map((p) => api.user(Number(p.telegramId)));
  const now = new Date();
  await enqueue(prisma, people.map((p) => ({ key: `bench:${p.id}`, personId: p.id, chatId: p.telegramId, kind: "bench", text: "Сообщение бенчмарка доставки", dueAt: now })), now);

  // Every 1,000th sendMessage is answered 429 retry_after 1: the failure is queued as the
  // call is recorded, before the fake API decides how to answer it.
  let calls = 0;
  let injected = 0;
  const push = api.calls.push.bind(api.calls);
  api.calls.push = (...xs) => {
    for (const x of xs) if (x.method === "sendMessage" && ++calls % EVERY_429 === 0) {
      injected++;
      api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    }
    return push(...xs);
  };
  const sender = new Sender({
    prisma, api: new Api(app.deps.config.BOT_TOKEN, { apiRoot: api.apiRoot }), clock: systemClock,
    log: pino({ level: "silent" }), workerId: `bench:${process.pid}`, ratePerSecond: configured,
  });
  const t = performance.now();
  const deadline = Date.now() + Math.max(120_000, (count / configured) * 3_000);
  for (;;) {
    await sender.drain();
    const left = await prisma.outboxMessage.count({ where: { kind: "bench", status: { in: ["PENDING", "SENDING"] } } });
    if (left === 0 || Date.now() > deadline) break;
    await sleep(50);
  }
  const seconds = (performance.now() - t) / 1000;
  api.calls.push = push;
  const sent = await prisma.outboxMessage.count({ where: { kind: "bench", status: "SENT" } });
  const received = users.map((u) => u.events.filter((e) => e.type === "message").length);
  return {
    messages: people.length, seconds, perSecond: received.reduce((a, b) => a + b, 0) / seconds, configured, injected429: injected,
    lost: people.length - sent, doubled: received.filter((n) => n > 1).length, missing: received.filter((n) => n === 0).length,
  };
}

/** One sendMessage in this many is answered 429 (retry after 1 s). */
const EVERY_429 = 1_000;

// --- 4. memory: the running bot with conversations in progress ---------------------------

/**
 * Runs in its own process (`memory <kind> --data-dir DIR`), started after the other
 * benchmarks on the database they filled: the bot as `npm start` runs it, so the
 * figure is not the seeding's leftovers.
 */
async function benchMemory(kind: "embedded" | "postgres", dataDir: string, conversations: number): Promise<Memory> {
  const api = await FakeBotApi.start();
  const app = await startApp(benchConfig(kind, api, dataDir), { cron: false, log: pino({ level: "silent" }) });
  try {
    const teachers = await app.db.prisma.person.count({ where: { consentVersion: "bench", roles: { none: { role: "METHODIST" } } } });
    (globalThis as { gc?: () => void }).gc?.();
    const startRss = process.memoryUsage().rss;
    // /start and consent: each user is then inside the profile conversation ("Как вас зовут?").
    const one = async (k: number) => {
      const u = api.user(600_000_000 + k);
      u.send("/start");
      let consent: BotMessage;
      do consent = await u.nextMessage(); while (!(consent.text ?? "").includes("152-ФЗ"));
      u.click(consent, "Даю согласие");
      for (let m = await u.nextMessage(); !(m.text ?? "").includes("Как вас зовут"); m = await u.nextMessage());
    };
    for (let k = 0; k < conversations; k += 50) await Promise.all(Array.from({ length: Math.min(50, conversations - k) }, (_, j) => one(k + j)));
    // The conversation state is written after the last reply went out: wait for every row.
    let sessions = 0;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(20)) {
      sessions = await app.db.prisma.session.count();
      if (sessions >= conversations) break;
    }
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    return { teachers, conversations, sessions, startRssMb: startRss / MB, rssMb: m.rss / MB, heapMb: m.heapUsed / MB };
  } finally {
    await app.stop();
    await api.close();
  }
}

// --- one database, in this process ---------------------------------------------------------

/** Benchmarks to run: all, or those named by `--only update,digests,broadcast,delivery,memory`. */
function selected(args: string[]): Set<string> {
  const i = args.indexOf("--only");
  return new Set(i >= 0 ? (args[i + 1] ?? "").split(",") : ["update", "digests", "broadcast", "delivery", "memory"]);
}

function benchConfig(kind: "embedded" | "postgres", api: FakeBotApi, dataDir: string) {
  return loadConfig({
    BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, CONTENT_DIR, LOG_LEVEL: "silent", DATA_DIR: dataDir,
    ...(kind === "postgres" ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
}

/** Seeds the database and runs the update, digest and delivery benchmarks on it. */
async function runTarget(kind: "embedded" | "postgres", dataDir: string, full: boolean, only: Set<string>): Promise<TargetResult> {
  const result: TargetResult = { kind, full, digests: [], errors: [] };
  const api = await FakeBotApi.start();
  const app = await startApp(benchConfig(kind, api, dataDir), { cron: false, log: pino({ level: "silent" }) });
  const step = async (name: string, fn: () => Promise<void>) => {
    log(`${kind}: ${name}…`);
    try { await fn(); } catch (e) { result.errors.push(`${name}: ${(e as Error).message}`); log(`${kind}: ${name} failed: ${(e as Error).stack}`); }
  };
  try {
    if (kind === "postgres") {
      result.server = (await app.db.prisma.$queryRawUnsafe<{ v: string }[]>("SELECT current_setting('server_version') AS v"))[0]?.v;
      if ((await app.db.prisma.person.count()) > 0) throw new Error("DATABASE_URL must name an empty database: the benchmark fills it");
    }
    // The region grows 10k → 100k → 250k teachers (full mode); digests are measured at each size.
    const sizes = full ? [10_000, 100_000, 250_000] : [10_000];
    let teachers = 0;
    for (const [i, size] of sizes.entries()) {
      const t = performance.now();
      await step(`seed to ${size} teachers`, async () => void (await seed(app.db.prisma, { teachers: size - teachers, now: digestNow(), progress: (l) => log(`${kind}: ${l}`) })));
      teachers = size;
      const seedMs = performance.now() - t;
      if (i === 0 && only.has("update")) {
        await step("update cost", async () => void (result.update = await profiled(() => benchUpdateCost(app, api, 300))));
      }
      if (only.has("digests")) await step(`digests at ${size}`, async () => void result.digests.push(await benchDigests(app, size, seedMs)));
      if (only.has("broadcast")) await step(`broadcast at ${size}`, async () => void (result.broadcasts ??= []).push(await benchBroadcast(app, size)));
      if (i === 0 && only.has("delivery")) await step("delivery", async () => void (result.delivery = await benchDelivery(app, api, full ? 10_000 : 2_000)));
    }
  } catch (e) {
    result.errors.push((e as Error).message);
  } finally {
    await app.stop();
    await api.close();
  }
  return result;
}

// --- the report ----------------------------------------------------------------------------

const f = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? "—" : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const n = (x: number) => x.toLocaleString("en-US");

async function report(results: TargetResult[], full: boolean, only?: string): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const cpu = os.cpus();
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(`Generated by \`npm run bench${full || only ? " --" : ""}${full ? " --full" : ""}${only ? ` --only ${only}` : ""}\` on ${new Date().toISOString()}.`, "");
  lines.push(`- Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${f(os.totalmem() / 1024 ** 3)} GB RAM, ${os.type()} ${os.release()} (${os.arch()})`);
  lines.push(`- Node ${process.version}; grammy ${pkg.dependencies.grammy}, @grammyjs/runner ${pkg.dependencies["@grammyjs/runner"]}, @prisma/client ${pkg.dependencies["@prisma/client"]}, @electric-sql/pglite ${pkg.dependencies["@electric-sql/pglite"]}, pg ${pkg.dependencies.pg}`);
  lines.push(`- Databases: ${results.map((r) => (r.kind === "postgres" ? `PostgreSQL ${r.server ?? "?"} (DATABASE_URL)` : "embedded PGlite (in process)")).join("; ")}${results.some((r) => r.kind === "postgres") ? "" : "; PostgreSQL not run (DATABASE_URL not set)"}`);
  lines.push(`- Mode: ${full ? "full" : "quick (digests at 10,000 teachers only, 2,000 deliveries, memory at 10,000 teachers; `--full` runs the rest)"}`);
  lines.push("- The fake Bot API (and, for the embedded database, PGlite) run in the measured process: CPU and memory figures include them.", "");

  const status = (ok: boolean | undefined) => (ok === undefined ? "not run" : ok ? "met" : "**missed**");

  lines.push("## 1. Update cost: one diagnostic answer (callback query in, next question out)", "");
  lines.push("Target: per-update cost ≤ 3× a bare grammY bot that only answers the callback query. Also measured, to show where the cost is: a grammY bot that makes the same three Bot API calls as the real bot (answer the query, edit the question, send the next one) with no database. All in the same process, in alternating blocks of 25 updates after 20 warm-up updates each; updates one at a time; latency is from the press to the next question (or the answer) arriving at the fake API.", "");
  lines.push("| Database | Updates | Real bot median / p99 ms | Bare bot median / p99 ms | Same calls, no database: median / p99 ms | Real / bare / same-calls CPU ms per update | Latency ratio to bare | CPU ratio to bare | Ratios to same-calls (latency, CPU) | Target |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const u = r.update;
    if (!u) { lines.push(`| ${r.kind} | — | — | — | — | — | — | — | — | not run |`); continue; }
    const lat = u.real.medianMs / u.bare.medianMs;
    const cpuRatio = u.real.cpuMs / u.bare.cpuMs;
    const sc = u.sameCalls;
    const toSame = sc ? `${f(u.real.medianMs / sc.medianMs)}×, ${f(u.real.cpuMs / sc.cpuMs)}×` : "—";
    lines.push(`| ${r.kind} | ${u.updates} | ${f(u.real.medianMs, 2)} / ${f(u.real.p99Ms, 2)} | ${f(u.bare.medianMs, 2)} / ${f(u.bare.p99Ms, 2)} | ${sc ? `${f(sc.medianMs, 2)} / ${f(sc.p99Ms, 2)}` : "—"} | ${f(u.real.cpuMs, 2)} / ${f(u.bare.cpuMs, 2)} / ${sc ? f(sc.cpuMs, 2) : "—"} | ${f(lat)}× | ${f(cpuRatio)}× | ${toSame} | ${status(lat <= 3 && cpuRatio <= 3)} |`);
  }
  lines.push("");

  lines.push("## 2. Digests: all methodists' digests (the scheduler's own production, 08:00 digest due)", "");
  lines.push("Target: all digests for 250,000 teachers within 10 s on PostgreSQL; growth near-linear. Caseloads: ~240 teachers per methodist (6 organizations × 40).", "");
  lines.push("| Database | Teachers | Methodists | Digests produced | Time s | ms per 1,000 teachers | Peak RSS MB (before) | Seeding s | Target |", "|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    for (const size of [10_000, 100_000, 250_000]) {
      const d = r.digests.find((x) => x.teachers === size);
      if (!d) { lines.push(`| ${r.kind} | ${n(size)} | — | — | — | — | — | — | not run${full ? " (failed, see errors)" : " (quick mode; `--full`)"} |`); continue; }
      // Growth: time per teacher relative to the 10,000 run (1.0 = linear).
      const first = r.digests[0];
      const growth = first && first !== d ? ` (${f(d.ms / size / (first.ms / first.teachers), 2)}× the per-teacher time at ${n(first.teachers)})` : "";
      const target = size === 250_000 ? (r.kind === "postgres" ? status(d.ms <= 10_000) : "n/a (target is for PostgreSQL)") + growth : growth ? `—${growth}` : "—";
      lines.push(`| ${r.kind} | ${n(size)} | ${n(d.methodists)} | ${n(d.produced)} | ${f(d.ms / 1000, 2)} | ${f(d.ms / (size / 1000), 1)} | ${f(d.peakRssMb, 0)} (${f(d.baseRssMb, 0)}) | ${f(d.seedMs / 1000)} | ${target} |`);
    }
  }
  lines.push("");

  lines.push("## 2b. A broadcast: from the segment to the outbox rows", "");
  lines.push("A coordinator's broadcast to everyone whose latest diagnostic shows a deficit in digital competencies, region-wide (`broadcasts.send`, as the chat and the CLI call it): resolving the segment and writing one outbox row per recipient. Delivery is measured below. No target in the issue; growth should be linear.", "");
  lines.push("| Database | Teachers | Recipients | Time s | ms per 1,000 recipients | Peak RSS MB |", "|---|---:|---:|---:|---:|---:|");
  for (const r of results) {
    if (!r.broadcasts?.length) { lines.push(`| ${r.kind} | — | — | — | — | not run |`); continue; }
    for (const b of r.broadcasts) lines.push(`| ${r.kind} | ${n(b.teachers)} | ${n(b.recipients)} | ${f(b.ms / 1000, 2)} | ${f(b.ms / (b.recipients / 1000), 1)} | ${f(b.peakRssMb, 0)} |`);
  }
  lines.push("");

  lines.push("## 3. Delivery: the real Sender against the fake Bot API", "");
  lines.push(`One sendMessage in ${n(EVERY_429)} is answered 429 (retry_after 1): the sender then stops all sending for that second, as Telegram asks. Target: within 10 % of the configured rate, zero lost (rows not SENT), zero doubled (a chat with more than one message). Telegram allows 30/s for bulk sends. "Without the pauses" leaves out the seconds the 429s asked to wait.`, "");
  lines.push("| Database | Recipients | Injected 429 | Time s | Messages/s | Without the pauses /s | Configured /s | Of configured | Lost | Doubled | Target |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const d = r.delivery;
    if (!d) { lines.push(`| ${r.kind} | — | — | — | — | — | — | — | — | — | not run |`); continue; }
    const share = d.perSecond / d.configured;
    const net = d.messages / Math.max(0.001, d.seconds - d.injected429);
    lines.push(`| ${r.kind} | ${n(d.messages)} | ${d.injected429} | ${f(d.seconds)} | ${f(d.perSecond, 2)} | ${f(net, 2)} | ${d.configured} | ${f(share * 100)} % | ${d.lost} | ${d.doubled} | ${status(share >= 0.9 && d.lost === 0 && d.doubled === 0 && d.missing === 0)} |`);
  }
  lines.push("");

  lines.push("## 4. Memory: resident memory of the running bot", "");
  lines.push("A new process started on the database the runs above filled, as `npm start` runs the bot (the fake Bot API in the same process; for the embedded database, PGlite too), then 1,000 people in the profile conversation at once (/start and consent; the form waits for the name). RSS after a full GC. Target: under 500 MB on PostgreSQL with 250,000 teachers and 1,000 conversations.", "");
  lines.push("| Database | Teachers | Conversations (sessions stored) | RSS at start MB | RSS with the conversations MB | Heap used MB | Target |", "|---|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const m = r.memory;
    if (!m) { lines.push(`| ${r.kind} | — | — | — | — | — | not run |`); continue; }
    const target = r.kind !== "postgres" ? "n/a (target is for PostgreSQL)" : m.teachers < 250_000 ? "not run (quick mode: fewer teachers; `--full`)" : status(m.rssMb < 500);
    lines.push(`| ${r.kind} | ${n(m.teachers)} | ${n(m.conversations)} (${n(m.sessions)}) | ${f(m.startRssMb, 0)} | ${f(m.rssMb, 0)} | ${f(m.heapMb, 0)} | ${target} |`);
  }
  const errors = results.flatMap((r) => r.errors.map((e) => `- ${r.kind}: ${e}`));
  if (errors.length) lines.push("", "## Errors", "", ...errors);
  return lines.join("\n") + "\n";
}

// --- commands ------------------------------------------------------------------------------

async function seedCommand(teachers: number): Promise<void> {
  const env = loadConfig({ BOT_TOKEN: "1000000:" + "x".repeat(35), ...process.env });
  const content = await loadContent(env.CONTENT_DIR);
  const db = await openDatabase(env);
  try {
    await directoryRepository(db.prisma).seedIfEmpty(content.directory);
    await seedCatalogueIfEmpty(db.prisma, content, env.CONTENT_DIR);
    const r = await seed(db.prisma, { teachers, progress: log });
    log(`seeded ${db.kind}: ${JSON.stringify(r)}`);
  } finally {
    await db.close();
  }
}

/** Runs a command of this file in a child process (its own memory), which prints its JSON result last. */
function child<T>(command: string, kind: string, rest: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path.join(ROOT, "bench", "run.ts"), command, kind, ...rest], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.on("error", reject);
    p.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      try { resolve(JSON.parse(last) as T); } catch { reject(new Error(`${kind} ${command} benchmark exited with ${code} and no result`)); }
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const full = args.includes("--full");
  if (args[0] === "seed") {
    const i = args.indexOf("--teachers");
    const teachers = Number(args[i + 1]);
    if (i < 0 || !Number.isInteger(teachers) || teachers <= 0) throw new Error("usage: npm run bench -- seed --teachers N");
    return seedCommand(teachers);
  }
  const kindArg = args[1] === "postgres" ? "postgres" : "embedded";
  const dataDirArg = args.indexOf("--data-dir") >= 0 ? args[args.indexOf("--data-dir") + 1]! : "./unused";
  if (args[0] === "one") {
    const r = await runTarget(kindArg, dataDirArg, full, selected(args));
    process.stdout.write(`\n${JSON.stringify(r)}\n`);
    return;
  }
  if (args[0] === "memory") {
    const r = await benchMemory(kindArg, dataDirArg, 1_000);
    process.stdout.write(`\n${JSON.stringify(r)}\n`);
    return;
  }
  const kinds = ["embedded", ...(process.env.DATABASE_URL ? ["postgres"] : [])];
  const results: TargetResult[] = [];
  const only = args.indexOf("--only");
  const rest = [...(full ? ["--full"] : []), ...(only >= 0 ? ["--only", args[only + 1] ?? ""] : [])];
  for (const kind of kinds) {
    const dataDir = kind === "embedded" ? await mkdtemp(path.join(os.tmpdir(), "cnppm-bench-")) : "./unused";
    try {
      const r = await child<TargetResult>("one", kind, [...rest, "--data-dir", dataDir]);
      if (selected(args).has("memory")) {
        log(`${kind}: memory (a new process on the same database)…`);
        try {
          r.memory = await child<Memory>("memory", kind, ["--data-dir", dataDir]);
        } catch (e) {
          r.errors.push(`memory: ${(e as Error).message}`);
        }
      }
      results.push(r);
    } finally {
      if (kind === "embedded") await rm(dataDir, { recursive: true, force: true });
    }
  }
  const md = await report(results, full, only >= 0 ? args[only + 1] : undefined);
  // `--out FILE` writes elsewhere than bench/results.md (e.g. a partial run).
  const out = args.indexOf("--out") >= 0 ? path.resolve(args[args.indexOf("--out") + 1]!) : RESULTS;
  await writeFile(out, md);
  console.log(md);
  log(`written ${path.relative(ROOT, out)}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
