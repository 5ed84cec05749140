// Starts the real bot (the same startApp that `npm start` runs) against the fake
// Bot API and a test database, and can restart it on the same data.
import path from "node:path";
import pino from "pino";
import { startApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { TestClock } from "./clock.ts";
import type { DatabaseTarget, TestDatabase } from "./databases.ts";
import { FakeBotApi } from "./fake-bot-api.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export class Harness {
  app!: App;
  private constructor(
    readonly api: FakeBotApi,
    readonly db: TestDatabase,
    readonly clock: TestClock,
    private readonly env: Record<string, string> = {},
  ) {}

  static async start(target: DatabaseTarget, env: Record<string, string> = {}): Promise<Harness> {
    const api = await FakeBotApi.start();
    const db = await target.create();
    const h = new Harness(api, db, new TestClock(), env);
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
    this.app = await startApp(config, { clock: this.clock, cron: false, log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }) });
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
