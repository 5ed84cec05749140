// Starts the real bot (the same startApp that `npm start` runs) against the fake
// Bot API and a test database, and can restart it on the same data.
import path from "node:path";
import { startApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger, type LogLevel } from "../../src/logging.ts";
import { TestClock } from "./clock.ts";
import type { DatabaseTarget, TestDatabase } from "./databases.ts";
import { FakeBotApi } from "./fake-bot-api.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface HarnessOptions {
  /** Keep every log line (parsed) in `logs`, from this level on. */
  logLevel?: LogLevel;
  stopGraceMs?: number;
}

export class Harness {
  app!: App;
  /** What the bot logged, when the harness was started with a `logLevel`. */
  readonly logs: Record<string, unknown>[] = [];
  private constructor(
    readonly api: FakeBotApi,
    readonly db: TestDatabase,
    readonly clock: TestClock,
    private readonly env: Record<string, string> = {},
    private readonly options: HarnessOptions = {},
  ) {}

  static async start(target: DatabaseTarget, env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
    const api = await FakeBotApi.start();
    const db = await target.create();
    const h = new Harness(api, db, new TestClock(), env, options);
    await h.boot();
    return h;
  }

  get prisma() {
    return this.app.db.prisma;
  }

  private async boot(): Promise<void> {
    const config = loadConfig({
      BOT_TOKEN: this.api.token,
      TELEGRAM_API_ROOT: this.api.apiRoot,
      CONTENT_DIR: path.join(ROOT, "content"),
      API_MAX_RETRIES: "2",
      API_MAX_RETRY_DELAY_SECONDS: "1",
      ...this.db.env,
      ...this.env,
    });
    const level = this.options.logLevel;
    const log = level
      ? createLogger(level, { write: (line: string) => void this.logs.push(JSON.parse(line) as Record<string, unknown>) })
      : createLogger((process.env.TEST_LOG_LEVEL ?? "silent") as LogLevel);
    this.app = await startApp(config, {
      clock: this.clock,
      cron: false,
      log,
      ...(this.options.stopGraceMs === undefined ? {} : { stopGraceMs: this.options.stopGraceMs }),
    });
  }

  /** Stops the bot as SIGTERM would and starts a new one on the same database. */
  async restart(): Promise<void> {
    await this.app.stop();
    await this.boot();
  }

  async close(): Promise<void> {
    await this.app?.stop();
    await this.api.close();
    await this.db.drop();
  }
}
