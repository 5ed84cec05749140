// How a command-line script runs a command: on PostgreSQL, and on the embedded
// database when no bot has it open, in this process (holding DATA_DIR's lock while it
// runs); while a bot holds the embedded database, through that bot (./channel.ts).
import { ConfigError, loadConfig } from "../config.ts";
import { ContentError, loadContent, type Content } from "../content/load.ts";
import { systemClock } from "../core/clock.ts";
import { DatabaseError, openDatabase, type Database } from "../db/database.ts";
import { DataDirBusyError } from "../db/lock.ts";
import { COMMANDS, forwardCommand, socketPath, type CommandIo } from "./channel.ts";
import type { CommandName } from "./context.ts";

/** How long to wait for a starting bot to answer on its socket. */
const BOT_ANSWER_MS = 60_000;

/** Runs the command and sets the exit status; `prefix` starts a one-line refusal. */
export async function runCommand(command: CommandName, args: string[], prefix: string): Promise<void> {
  const io: CommandIo = {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
  };
  try {
    process.loadEnvFile();
  } catch {
    // No .env: the environment alone configures.
  }
  let db: Database;
  try {
    const config = loadConfig({ BOT_TOKEN: "0000000:administrator-commands-need-no-token-xxxx", ...process.env });
    const deadline = Date.now() + BOT_ANSWER_MS;
    for (;;) {
      try {
        db = await openDatabase({ ...config, lockRole: command });
        break;
      } catch (e) {
        if (!(e instanceof DataDirBusyError && e.holder.role === "bot")) throw e;
        const exit = await forwardCommand(config.DATA_DIR, command, args, io);
        if (exit !== "unreachable") {
          process.exitCode = exit;
          return;
        }
        if (Date.now() > deadline) throw new DatabaseError(`${e.message}, and it does not answer on ${socketPath(config.DATA_DIR)}`);
        // A bot still starting: it answers once it is ready.
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    let content: Promise<Content> | undefined;
    try {
      process.exitCode = await COMMANDS[command](args, {
        db,
        config,
        content: () => (content ??= loadContent(config.CONTENT_DIR)),
        clock: systemClock,
        migrate: async () => db.migrations,
        // The running bot delivers the outbox at its next minute tick (or at its start).
        outboxChanged: () => undefined,
        cwd: process.cwd(),
        ...io,
      });
    } finally {
      await db.close();
    }
  } catch (e) {
    if (e instanceof ConfigError || e instanceof ContentError || e instanceof DatabaseError) {
      io.err(`${prefix}${e.message}`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}
