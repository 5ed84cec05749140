// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { ConfigError, loadConfig } from "../config.ts";
import { DatabaseError, openDatabase } from "../db/database.ts";

try {
  process.loadEnvFile();
} catch {
  // No .env: the environment alone configures.
}
try {
  const { DATABASE_URL, DATA_DIR } = loadConfig({ BOT_TOKEN: "0000000:migrations-need-no-token-xxxxxxxxxxxxxxxx", ...process.env });
  const db = await openDatabase({ DATABASE_URL, DATA_DIR });
  const { applied, modified } = db.migrations;
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  if (modified.length) console.warn(`Changed after they ran: ${modified.join(", ")}`);
  await db.close();
} catch (e) {
  if (e instanceof ConfigError || e instanceof DatabaseError) {
    console.error(`Cannot migrate: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
