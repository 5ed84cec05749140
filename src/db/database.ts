// One SQL dialect, PostgreSQL: the embedded PGlite in DATA_DIR by default, a
// PostgreSQL server when DATABASE_URL is set. Both are reached through Prisma's
// driver adapters; migrations are applied here before the client is used.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { migrate, readMigrations, type MigrateResult, type SqlRunner } from "./migrate.ts";

export type { PrismaClient };

// pglite-prisma-adapter 0.6.1 is built against an older @prisma/driver-adapter-utils
// whose types differ only nominally; at run time the adapter interface is the same.
type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

export interface Database {
  prisma: PrismaClient;
  kind: "embedded" | "postgres";
  migrations: MigrateResult;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  /** Errors of idle server connections (a server restart); the pool replaces them. */
  onConnectionError?: (error: Error) => void;
}

export class DatabaseError extends Error {}

function pgliteRunner(db: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const lite = new PGlite(dataDir);
  await lite.waitReady;
  try {
    const migrations = await migrate(pgliteRunner(lite), await readMigrations());
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) as unknown as AdapterFactory });
    return {
      prisma,
      kind: "embedded",
      migrations,
      close: async () => {
        await prisma.$disconnect();
        await lite.close();
      },
    };
  } catch (e) {
    await lite.close();
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
  let migrations: MigrateResult;
  try {
    migrations = await migrate(
      {
        exec: async (sql) => void (await client.query(sql)),
        query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      },
      await readMigrations(),
    );
  } finally {
    await client.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Without a listener an idle connection closed by the server would crash the process.
  pool.on("error", (e) => onConnectionError?.(e));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    migrations,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.DATABASE_URL ? openPostgres(options.DATABASE_URL, options.onConnectionError) : openEmbedded(options.DATA_DIR);
}
