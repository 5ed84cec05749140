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
    // Bounded retries of Bot API calls (network errors, 5xx, 429 retry_after).
    API_MAX_RETRIES: integer(0, 10).default(3),
    API_MAX_RETRY_DELAY_SECONDS: integer(1, 600).default(30),
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
