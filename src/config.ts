import { z } from "zod";

const telegramToken = /^\d{5,16}:[A-Za-z0-9_-]{30,64}$/;

const integer = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max);

export const configSchema = z
  .object({
    BOT_TOKEN: z
      .string({ error: "is required (the token @BotFather gave you)" })
      .regex(telegramToken, "does not look like a bot token (digits:letters)"),
    TELEGRAM_API_ROOT: z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, "must be postgresql://user@host:port/database, or unset for the embedded database")
      .optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    CONTENT_DIR: z.string().min(1).default("./content"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // A group score below DEFICIT_BELOW is a deficit; from CONFIDENT_FROM on it is confident.
    DEFICIT_BELOW: integer(1, 100).default(50),
    CONFIDENT_FROM: integer(1, 100).default(75),
    // Individual routes: the period and the default hours budget of a new route.
    ROUTE_MONTHS: integer(1, 24).default(6),
    ROUTE_HOURS_BUDGET: integer(8, 2000).default(72),
    // Roles: the first coordinators (Telegram user ids, comma-separated) and invitations.
    ADMIN_TELEGRAM_IDS: z
      .string()
      .regex(/^\s*\d{1,15}(\s*,\s*\d{1,15})*\s*$/, "must be Telegram user ids separated by commas")
      .transform((s) => s.split(",").map((x) => Number(x.trim())))
      .default([]),
    INVITE_TTL_HOURS: integer(1, 24 * 30).default(72),
    // Methodists: the caseload above which a warning is shown (the regulations say 250).
    CASELOAD_CAP: integer(1, 100_000).default(250),
    // Teachers without any update for this many days count as silent in digests.
    SILENT_DAYS: integer(1, 365).default(14),
    // Reminders: no messages in these local hours ("22-8": from 22:00 to 08:00), and a
    // repeat diagnostic this many months after the last one.
    QUIET_HOURS: z
      .string()
      .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/, "must be two hours like 22-8")
      .transform((s) => s.split("-").map(Number) as [number, number])
      .default([22, 8]),
    REPEAT_DIAGNOSTIC_MONTHS: integer(1, 60).default(12),
    // Mentoring: days a mentor has to answer a request before it moves on.
    MENTOR_ANSWER_DAYS: integer(1, 30).default(3),
    // Delivery: messages a second to Telegram, all chats together.
    SEND_RATE_PER_SECOND: integer(1, 30).default(25),
    // Bounded retries of Bot API calls (network errors, 5xx, 429 retry_after).
    API_MAX_RETRIES: integer(0, 10).default(3),
    API_MAX_RETRY_DELAY_SECONDS: integer(1, 600).default(30),
    // Privacy: texts of messages sent (or failed) are deleted this many days later.
    OUTBOX_RETENTION_DAYS: integer(1, 3650).default(30),
  })
  .refine((c) => c.DEFICIT_BELOW < c.CONFIDENT_FROM, {
    path: ["DEFICIT_BELOW"],
    message: "must be lower than CONFIDENT_FROM",
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads the configuration; an empty string counts as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? "configuration");
  throw new ConfigError(`${name} ${issue.message}`);
}
