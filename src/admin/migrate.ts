// `npm run db:migrate`: applies pending migrations to the configured database.
import type { CommandContext } from "./context.ts";

export async function runMigrate(_args: string[], ctx: CommandContext): Promise<number> {
  const { applied, modified } = await ctx.migrate();
  ctx.out(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  if (modified.length) ctx.err(`Changed after they ran: ${modified.join(", ")}`);
  return 0;
}
