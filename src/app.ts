// Wires configuration, content, database and the bot, and runs long polling.
// main.ts calls this; the integration tests call it too, with their own clock.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Api, type Bot } from "grammy";
import type { Logger } from "pino";
import { createLogger } from "./logging.ts";
import type { Config } from "./config.ts";
import { loadContent } from "./content/load.ts";
import { seedCatalogueIfEmpty } from "./catalogue/seed.ts";
import { systemClock, type Clock } from "./core/clock.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { ALLOWED_UPDATES, createBot, createI18n, isUnauthorized, publishCommands } from "./bot/bot.ts";
import { Poller, updateHandler } from "./bot/polling.ts";
import type { BotContext, Deps } from "./bot/context.ts";
import { attemptsRepository } from "./repositories/attempts.ts";
import { directoryRepository } from "./repositories/directory.ts";
import { peopleRepository } from "./repositories/people.ts";
import { routesRepository } from "./repositories/routes.ts";
import { rolesRepository } from "./repositories/roles.ts";
import { caseloadsRepository } from "./repositories/caseloads.ts";
import { scheduleRepository } from "./repositories/schedule.ts";
import { mentoringRepository } from "./repositories/mentoring.ts";
import { mentoringService } from "./services/mentoring.ts";
import { reportsService } from "./services/reports.ts";
import { indicatorsRepository } from "./repositories/indicators.ts";
import { broadcastsRepository } from "./repositories/broadcasts.ts";
import { organizationReviewRepository } from "./repositories/organization-review.ts";
import { personLocales } from "./repositories/locales.ts";
import { enqueue } from "./delivery/outbox.ts";
import { SEND_TIMEOUT_SECONDS, Sender } from "./delivery/sender.ts";
import { Scheduler } from "./scheduler/scheduler.ts";
import { routeService } from "./services/routes.ts";
import { serveAdminCommands } from "./admin/channel.ts";

export interface App {
  bot: Bot<BotContext>;
  db: Database;
  deps: Deps;
  scheduler: Scheduler;
  /** Stops polling, lets the updates in hand finish (at most `STOP_GRACE_MS`), confirms them, closes the database. */
  stop(): Promise<void>;
  /** Resolves with a one-line reason if the bot cannot go on (its token was rejected while running). */
  fatal: Promise<string>;
}

export class StartupError extends Error {}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  /** Tick scheduled work every minute (default); tests tick by hand with their clock. */
  cron?: boolean;
  /** How long a stop waits for the updates in hand before cutting their Bot API calls short. */
  stopGraceMs?: number;
}

const STOP_GRACE_MS = 10_000;

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const content = await loadContent(config.CONTENT_DIR);
  const db = await openDatabase({ ...config, onConnectionError: (err) => log.warn({ err }, "database connection lost; the pool reconnects") });
  try {
    if (db.migrations.applied.length > 0) log.info({ applied: db.migrations.applied }, "migrations applied");
    if (db.migrations.modified.length > 0) log.warn({ modified: db.migrations.modified }, "applied migrations were changed after they ran");
    const directory = directoryRepository(db.prisma);
    if (await directory.seedIfEmpty(content.directory)) log.info("sample directory loaded into the empty database");
    for (const r of await seedCatalogueIfEmpty(db.prisma, content, config.CONTENT_DIR)) {
      log.info({ kind: r.kind, rows: r.rows }, "sample catalogue loaded into the empty database");
    }

    const clock = options.clock ?? systemClock;
    const attempts = attemptsRepository(db.prisma);
    const routes = routesRepository(db.prisma);
    const roles = rolesRepository(db.prisma);
    const caseloads = caseloadsRepository(db.prisma);
    const mentoring = mentoringRepository(db.prisma);
    const people = peopleRepository(db.prisma);
    // The sender retries by itself (429, 5xx, network), so its Api has no auto-retry; its calls time out well within a claim.
    const sender = new Sender({
      prisma: db.prisma,
      api: new Api(config.BOT_TOKEN, { timeoutSeconds: SEND_TIMEOUT_SECONDS, ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) }),
      clock,
      log,
      workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
      ratePerSecond: config.SEND_RATE_PER_SECOND,
    });
    let scheduler: Scheduler | undefined;
    const locales = personLocales(db.prisma);
    const i18n = createI18n(locales);
    const deps: Deps = {
      config,
      content,
      clock,
      log,
      thresholds: { deficitBelow: config.DEFICIT_BELOW, confidentFrom: config.CONFIDENT_FROM },
      people,
      attempts,
      directory,
      routes,
      routeService: routeService({ routes, attempts, clock, months: config.ROUTE_MONTHS, defaultBudget: config.ROUTE_HOURS_BUDGET }),
      roles,
      caseloads,
      mentoring,
      mentoringService: mentoringService({ mentoring, clock, answerDays: config.MENTOR_ANSWER_DAYS, personById: people.byId }),
      reports: reportsService({ indicators: indicatorsRepository(db.prisma, caseloads), content }),
      broadcasts: broadcastsRepository(db.prisma),
      organizationReview: organizationReviewRepository(db.prisma),
      i18n,
      locales,
      notify: async (messages) => {
        await enqueue(db.prisma, messages, clock.now());
        void scheduler?.deliverSoon().catch((err: unknown) => log.error({ err }, "delivery failed"));
      },
    };
    for (const telegramId of config.ADMIN_TELEGRAM_IDS) {
      const person = await deps.people.byTelegramId(telegramId);
      if (person) await roles.grant(person.id, "COORDINATOR", null, null, clock.now(), "config");
    }
    const shutdown = new AbortController();
    const bot = createBot(deps, db.prisma, i18n, { shutdown: shutdown.signal });
    try {
      await bot.init();
    } catch (e) {
      throw new StartupError(
        isUnauthorized(e)
          ? "BOT_TOKEN was rejected by the Bot API (401 Unauthorized)"
          : `cannot reach the Bot API at ${config.TELEGRAM_API_ROOT ?? "the default address"}: ${(e as Error).message}`,
      );
    }
    await publishCommands(bot, i18n).catch((e: unknown) => log.warn({ err: e }, "could not publish the command list"));

    scheduler = new Scheduler({ config, content, clock, log, i18n, locales, prisma: db.prisma, schedule: scheduleRepository(db.prisma), sender, mentoring, mentoringService: deps.mentoringService,
      ...(db.kind === "embedded" ? { analyze: async () => void (await db.prisma.$executeRawUnsafe("ANALYZE")) } : {}),
    });
    // `npm run cli`/`import`/`db:migrate` run through the bot while it holds the embedded database.
    const commands = await serveAdminCommands({ db, config, content, clock, log, deliverSoon: () => scheduler!.deliverSoon() });
    let fail!: (reason: string) => void;
    const fatal = new Promise<string>((resolve) => (fail = resolve));
    const poller = new Poller({
      handle: updateHandler(bot as never, log),
      // Its own Api: polling decides its own retries, and a stop aborts its fetch.
      api: new Api(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined),
      log,
      allowedUpdates: ALLOWED_UPDATES,
      onFatal: (reason) => {
        log.fatal(reason);
        fail(reason);
      },
    });
    poller.start();
    log.info({ bot: bot.botInfo.username, database: db.kind }, "bot started");
    if (options.cron !== false) {
      scheduler.start();
      // Make up at once what fell due while the bot was down.
      void scheduler.tick().catch((err: unknown) => log.error({ err }, "scheduled tick failed"));
    }
    const work = scheduler;

    let stopping: Promise<void> | undefined;
    return {
      bot,
      db,
      deps,
      scheduler: work,
      fatal,
      stop: () =>
        (stopping ??= (async () => {
          await commands?.close();
          await work.stop();
          // Fetching stops at once; the updates in hand finish (or are cut short after
          // the grace period and come again after a restart); the handled ones are confirmed.
          await poller.stop(options.stopGraceMs ?? STOP_GRACE_MS, () => shutdown.abort());
          await db.close();
          log.info("bot stopped");
        })()),
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
