// What an administrator's command (`npm run cli`, `npm run import`, `npm run db:migrate`)
// runs with. The same command code runs in its own process (PostgreSQL, or no bot on
// the embedded database) or inside the running bot, which owns the embedded database
// (src/admin/channel.ts); only this context differs.
import path from "node:path";
import type { Config } from "../config.ts";
import type { Content } from "../content/load.ts";
import type { Clock } from "../core/clock.ts";
import type { Database } from "../db/database.ts";
import type { MigrateResult } from "../db/migrate.ts";

export interface CommandContext {
  db: Database;
  config: Config;
  content(): Promise<Content>;
  clock: Clock;
  /** The migrations this command applies (`db:migrate`). */
  migrate(): Promise<MigrateResult>;
  /** Rows were added to the outbox: deliver them soon (the bot) or leave them to the bot. */
  outboxChanged(): void;
  /** The caller's working directory: relative file names are resolved against it. */
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** A file name given by the caller, as this process can open it (unchanged in the caller's own process). */
export const resolvePath = (ctx: CommandContext, file: string) => (path.resolve(ctx.cwd) === process.cwd() ? file : path.resolve(ctx.cwd, file));

export type CommandName = "cli" | "import" | "migrate";

/** A command's exit status. */
export type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

/** A refusal the person at the terminal can act on: one line, exit status 1. */
export class UsageError extends Error {}
