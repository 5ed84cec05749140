// Logs are JSON lines (pino) that carry ids and error codes, never what people wrote,
// their names or usernames. Errors are the one way personal data could slip in: a
// failed Bot API call carries its whole payload (the message text), a Prisma error
// prints the arguments of the call, and a database error quotes the offending value.
// So every logged error goes through `safeError`, which keeps the kind, the codes and
// the stack frames, and masks whatever an error message quotes.
import pino, { type DestinationStream, type Logger } from "pino";
import { GrammyError, HttpError } from "grammy";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** Quoted parts of a message («…», "…", '…', `…`), where values are usually put. */
const QUOTED = /«[^»]*»|"[^"]*"|'[^']*'|`[^`]*`/g;

export function maskQuoted(text: string): string {
  return text.replace(QUOTED, (q) => `${q[0]}…${q[q.length - 1]}`);
}

/** The stack without its first line (which repeats the message). */
function frames(e: Error): string | undefined {
  const lines = e.stack?.split("\n").filter((l) => /^\s+at /.test(l));
  return lines && lines.length > 0 ? lines.join("\n") : undefined;
}

export interface SafeError {
  type: string;
  message?: string;
  /** A Bot API error's code, a Prisma code (P2002) or an SQLSTATE, a system errno name. */
  code?: string | number;
  method?: string;
  description?: string;
  retryAfter?: number;
  cause?: SafeError;
  stack?: string;
}

export function safeError(e: unknown, depth = 0): SafeError {
  if (!(e instanceof Error)) return { type: typeof e };
  if (e instanceof GrammyError) {
    // `payload` (the text, the names) stays out; the description is Telegram's own.
    return {
      type: "GrammyError",
      method: e.method,
      code: e.error_code,
      description: maskQuoted(e.description),
      ...(e.parameters.retry_after === undefined ? {} : { retryAfter: e.parameters.retry_after }),
    };
  }
  if (e instanceof HttpError) {
    // The cause's message may hold the request URL with the token: only its kind and code.
    const cause = e.error as { name?: string; code?: string } | undefined;
    return { type: "HttpError", message: e.message, ...(cause ? { cause: { type: cause.name ?? "Error", ...(cause.code ? { code: cause.code } : {}) } } : {}) };
  }
  const withCode = e as Error & { code?: unknown; cause?: unknown };
  const code = typeof withCode.code === "string" || typeof withCode.code === "number" ? withCode.code : undefined;
  // Prisma's messages dump the call's arguments above the reason: keep the last line.
  const lines = e.message.split("\n").map((l) => l.trim()).filter(Boolean);
  const message = e.name.startsWith("PrismaClient") ? lines.at(-1) : lines.join(" ");
  const out: SafeError = { type: e.name, ...(message ? { message: maskQuoted(message).slice(0, 300) } : {}), ...(code === undefined ? {} : { code }) };
  const stack = frames(e);
  if (stack) out.stack = stack;
  if (withCode.cause !== undefined && depth < 3) out.cause = safeError(withCode.cause, depth + 1);
  return out;
}

/** The application's logger; tests pass their own destination to read what was logged. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, serializers: { err: safeError, error: safeError } };
  return destination ? pino(options, destination) : pino(options);
}
