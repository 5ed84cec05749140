// Applies the SQL migrations under prisma/migrations in name order, each in a
// transaction, and records them in `_prisma_migrations` the way Prisma does, so
// that `prisma migrate deploy` and `prisma migrate status` agree with us.
// The CLI's own `migrate deploy` cannot run here against a server (see README).
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

/** The two operations the migrator needs from a connection. */
export interface SqlRunner {
  /** Runs several statements in one simple-protocol call. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in a transaction of the runner's own (else BEGIN and COMMIT are sent). */
  transaction?<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// An arbitrary constant: the advisory lock that serialises migrations of several processes.
const MIGRATION_LOCK = 7_202_611;

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  /** Applied migrations whose file has changed since. */
  modified: string[];
}

export async function migrate(db: SqlRunner, migrations: readonly Migration[]): Promise<MigrateResult> {
  await db.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await db.exec(CREATE_TABLE);
    const done = await db.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const checksums = new Map(done.map((r) => [r.migration_name, r.checksum]));
    const result: MigrateResult = { applied: [], modified: [] };
    for (const m of migrations) {
      const known = checksums.get(m.name);
      if (known !== undefined) {
        if (known !== m.checksum) result.modified.push(m.name);
        continue;
      }
      const apply = async (tx: SqlRunner) => {
        await tx.exec(m.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
      };
      try {
        if (db.transaction) await db.transaction(apply);
        else {
          await db.exec("BEGIN");
          try {
            await apply(db);
            await db.exec("COMMIT");
          } catch (e) {
            await db.exec("ROLLBACK");
            throw e;
          }
        }
      } catch (e) {
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
