// Wires configuration, content, database and the bot, and runs long polling.
// main.ts calls this; the integration tests call it too, with their own clock.
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import pino, { type Logger } from "pino";
import type { Config } from "./config.ts";
import { loadContent } from "./content/load.ts";
import { seedCatalogueIfEmpty } from "./catalogue/seed.ts";
import { systemClock, type Clock } from "./core/clock.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { createBot, isUnauthorized, publishCommands } from "./bot/bot.ts";
import type { BotContext, Deps } from "./bot/context.ts";
import { attemptsRepository } from "./repositories/attempts.ts";
import { directoryRepository } from "./repositories/directory.ts";
import { peopleRepository } from "./repositories/people.ts";
import { routesRepository } from "./repositories/routes.ts";
import { routeService } from "./services/routes.ts";

export interface App {
  bot: Bot<BotContext>;
  db: Database;
  deps: Deps;
  /** Stops polling, lets the updates in hand finish, closes the database. */
  stop(): Promise<void>;
}

export class StartupError extends Error {}

export async function startApp(config: Config, options: { clock?: Clock; log?: Logger } = {}): Promise<App> {
  const log = options.log ?? pino({ level: config.LOG_LEVEL });
  const content = await loadContent(config.CONTENT_DIR);
  const db = await openDatabase(config);
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
    const deps: Deps = {
      config,
      content,
      clock,
      log,
      thresholds: { deficitBelow: config.DEFICIT_BELOW, confidentFrom: config.CONFIDENT_FROM },
      people: peopleRepository(db.prisma),
      attempts,
      directory,
      routes,
      routeService: routeService({ routes, attempts, clock, months: config.ROUTE_MONTHS, defaultBudget: config.ROUTE_HOURS_BUDGET }),
    };
    const { bot, i18n, lastUpdateId, idle } = createBot(deps, db.prisma);
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

    const handle: RunnerHandle = run(bot, {
      runner: { fetch: { allowed_updates: ["message", "callback_query"] } },
    });
    log.info({ bot: bot.botInfo.username, database: db.kind }, "bot started");

    let stopping: Promise<void> | undefined;
    return {
      bot,
      db,
      deps,
      stop: () =>
        (stopping ??= (async () => {
          if (handle.isRunning()) await handle.stop();
          await idle();
          // The runner does not confirm the last batch; confirm what was handled so
          // that a graceful restart does not receive it again (a crash still may).
          const last = lastUpdateId();
          if (last > 0) await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }).catch(() => undefined);
          await db.close();
          log.info("bot stopped");
        })()),
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
