// While the bot runs on the embedded database it is the only process with the data
// directory open (src/db/lock.ts). The administrator's commands then go through it:
// the bot listens on a unix socket in DATA_DIR, a command process sends its command
// line there, and the bot runs the very same command code (src/admin/*) with its own
// database handle, streaming the output and the exit status back. PGlite is a single
// session, so nothing else could share it safely (see the README).
import { chmod, unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type { Logger } from "pino";
import type { CommandContext, CommandName, Command } from "./context.ts";
import { runCli } from "./cli.ts";
import { runImport } from "./import.ts";
import { runMigrate } from "./migrate.ts";

export const COMMANDS: Record<CommandName, Command> = { cli: runCli, import: runImport, migrate: runMigrate };

export const SOCKET_FILE = "commands.sock";
// sun_path holds 108 bytes on Linux (104 on macOS), the final NUL included.
const MAX_SOCKET_PATH = 103;

/** The socket's path as this process reaches it: relative to the working directory when that is shorter. */
export function socketPath(dataDir: string): string {
  const absolute = path.resolve(dataDir, SOCKET_FILE);
  const relative = path.relative(process.cwd(), absolute);
  return relative.length < absolute.length ? relative : absolute;
}

const tooLong = (p: string) => Buffer.byteLength(p) > MAX_SOCKET_PATH;

interface Request {
  command: CommandName;
  args: string[];
  cwd: string;
}

type Frame = { out: string } | { err: string } | { exit: number };

export interface CommandServer {
  /** Stops accepting commands and waits for those running. */
  close(): Promise<void>;
}

export type ServedContext = Omit<CommandContext, "cwd" | "out" | "err">;

/** Serves the administrator's commands on DATA_DIR/commands.sock; undefined if it cannot. */
export async function serveCommands(dataDir: string, context: ServedContext, log: Logger): Promise<CommandServer | undefined> {
  const file = socketPath(dataDir);
  if (tooLong(file)) {
    log.warn({ socket: file }, "DATA_DIR is too long a path for the command socket; npm run cli and import cannot run while the bot does");
    return undefined;
  }
  // The data directory's lock is ours: a socket file left there is a dead bot's.
  await unlink(file).catch(() => undefined);
  const running = new Set<Promise<void>>();
  const server = net.createServer((socket) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const end = buffer.indexOf("\n");
      if (end < 0) return;
      socket.off("data", onData);
      const job = handle(buffer.slice(0, end), socket, context, log).finally(() => running.delete(job));
      running.add(job);
    };
    socket.on("data", onData);
    socket.on("error", () => undefined);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(file, () => resolve());
    });
    await chmod(file, 0o600);
  } catch (err) {
    log.warn({ err, socket: file }, "cannot serve commands; npm run cli and import cannot run while the bot does");
    server.close();
    return undefined;
  }
  log.info({ socket: file }, "serving administrator commands");
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
      await unlink(file).catch(() => undefined);
    },
  };
}

async function handle(line: string, socket: net.Socket, context: ServedContext, log: Logger): Promise<void> {
  const send = (frame: Frame) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
  };
  let request: Request;
  try {
    request = JSON.parse(line) as Request;
    if (!Object.hasOwn(COMMANDS, request.command) || !Array.isArray(request.args) || typeof request.cwd !== "string") throw new Error("bad request");
  } catch {
    send({ err: "Error: not a command" });
    send({ exit: 1 });
    socket.end();
    return;
  }
  let exit = 1;
  try {
    exit = await COMMANDS[request.command](request.args.map(String), {
      ...context,
      cwd: request.cwd,
      out: (text) => send({ out: text }),
      err: (text) => send({ err: text }),
    });
  } catch (e) {
    // Ids and codes only: an error's message may quote the data.
    log.error({ command: request.command, error: (e as Error).name, code: (e as { code?: string }).code }, "command failed");
    send({ err: "Error: the command failed inside the running bot; see the bot's log" });
  }
  send({ exit });
  socket.end();
}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Sends a command to the bot serving DATA_DIR and relays its output; "unreachable"
 * when no bot listens there (not yet, or not any more).
 */
export function forwardCommand(dataDir: string, command: CommandName, args: string[], io: CommandIo): Promise<number | "unreachable"> {
  const file = socketPath(dataDir);
  if (tooLong(file)) return Promise.resolve("unreachable");
  return new Promise((resolve) => {
    let connected = false;
    let exit: number | undefined;
    let buffer = "";
    const socket = net.connect(file, () => {
      connected = true;
      socket.write(`${JSON.stringify({ command, args, cwd: process.cwd() } satisfies Request)}\n`);
    });
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\n")) >= 0) {
        const frame = JSON.parse(buffer.slice(0, end)) as Frame;
        buffer = buffer.slice(end + 1);
        if ("out" in frame) io.out(frame.out);
        else if ("err" in frame) io.err(frame.err);
        else exit = frame.exit;
      }
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (!connected) resolve("unreachable");
      else if (exit === undefined) {
        io.err("Error: the bot stopped before the command finished; check with the command's report (e.g. broadcast-report) before running it again");
        resolve(1);
      } else resolve(exit);
    });
  });
}

/** The running bot's side: on the embedded database, serve the commands with the bot's own handle. */
export async function serveAdminCommands(d: {
  db: CommandContext["db"];
  config: CommandContext["config"];
  content: Awaited<ReturnType<CommandContext["content"]>>;
  clock: CommandContext["clock"];
  log: Logger;
  deliverSoon: () => Promise<unknown>;
}): Promise<CommandServer | undefined> {
  if (d.db.kind !== "embedded") return undefined;
  return serveCommands(
    d.config.DATA_DIR,
    {
      db: d.db,
      config: d.config,
      content: async () => d.content,
      clock: d.clock,
      migrate: () => d.db.migrate(),
      outboxChanged: () => void d.deliverSoon().catch((err: unknown) => d.log.error({ err }, "delivery failed")),
    },
    d.log,
  );
}
