// `npm run db:migrate`: applies pending migrations to the configured database and exits;
// while the bot runs on the embedded database, the bot applies them (src/admin/run.ts).
import { runCommand } from "../admin/run.ts";

await runCommand("migrate", process.argv.slice(2), "Cannot migrate: ");
