// One SQL dialect, PostgreSQL: the embedded PGlite in DATA_DIR by default, a
// PostgreSQL server when DATABASE_URL is set. Both are reached through Prisma's
// driver adapters; migrations are applied here before the client is used.
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { DatabaseError } from "./errors.ts";
import { lockDataDir, type LockRole } from "./lock.ts";
import { migrate, readMigrations, type MigrateResult, type SqlRunner } from "./migrate.ts";

export type { PrismaClient };
export { DatabaseError };

// pglite-prisma-adapter 0.6.1 is built against an older @prisma/driver-adapter-utils
// whose types differ only nominally; at run time the adapter interface is the same.
type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

export interface Database {
  prisma: PrismaClient;
  kind: "embedded" | "postgres";
  /** The migrations applied when it was opened. */
  migrations: MigrateResult;
  /** Applies migrations added since (`npm run db:migrate` while the bot runs). */
  migrate(): Promise<MigrateResult>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  /** Errors of idle server connections (a server restart); the pool replaces them. */
  onConnectionError?: (error: Error) => void;
  /** Who holds the embedded data directory's lock (default: the bot). */
  lockRole?: LockRole;
  /** How long to wait for a command-line process holding the directory. */
  lockWaitMs?: number;
}

function pgliteRunner(db: PGlite | Transaction, lite?: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    // PGlite is one session: a migration runs inside its transaction() so that the
    // bot's own queries wait for it instead of landing in it.
    ...(lite ? { transaction: <T>(fn: (tx: SqlRunner) => Promise<T>) => lite.transaction((tx) => fn(pgliteRunner(tx))) } : {}),
  };
}

async function openEmbedded(dataDir: string, role: LockRole, lockWaitMs: number): Promise<Database> {
  const lock = await lockDataDir(dataDir, role, { waitMs: lockWaitMs });
  let lite: PGlite;
  try {
    lite = new PGlite(dataDir);
    await lite.waitReady;
  } catch (e) {
    await lock.release();
    const text = e instanceof Error ? e.message : JSON.stringify(e);
    throw new DatabaseError(`DATA_DIR ${dataDir}: the embedded database cannot be opened (${(text || String(e)).split("\n")[0]})`);
  }
  try {
    const runner = pgliteRunner(lite, lite);
    const migrations = await migrate(runner, await readMigrations());
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) as unknown as AdapterFactory });
    return {
      prisma,
      kind: "embedded",
      migrations,
      migrate: async () => migrate(runner, await readMigrations()),
      close: async () => {
        try {
          await prisma.$disconnect();
          await lite.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (e) {
    await lite.close();
    await lock.release();
    throw e;
  }
}

async function openPostgres(url: string, onConnectionError?: (error: Error) => void): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new DatabaseError(`DATABASE_URL: cannot connect (${(e as Error).message})`);
  }
  const migrateWith = async (client: pg.Client) => {
    try {
      return await migrate(
        {
          exec: async (sql) => void (await client.query(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
        },
        await readMigrations(),
      );
    } finally {
      await client.end();
    }
  };
  const migrations = await migrateWith(client);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Without a listener an idle connection closed by the server would crash the process.
  pool.on("error", (e) => onConnectionError?.(e));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    migrations,
    migrate: async () => {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      return migrateWith(again);
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.DATABASE_URL
    ? openPostgres(options.DATABASE_URL, options.onConnectionError)
    : openEmbedded(options.DATA_DIR, options.lockRole ?? "bot", options.lockWaitMs ?? 30_000);
}
