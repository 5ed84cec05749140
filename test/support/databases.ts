// The databases an integration suite runs on: always the embedded PGlite, and the
// PostgreSQL server at 127.0.0.1:5432 when one answers (a fresh database per run,
// dropped afterwards).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestDatabase {
  name: "embedded" | "postgres";
  /** Environment for the app: DATABASE_URL and DATA_DIR. */
  env: { DATABASE_URL?: string; DATA_DIR: string };
  drop(): Promise<void>;
}

export type DatabaseTarget = { name: TestDatabase["name"]; create(): Promise<TestDatabase> };

const SERVER = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const embedded: DatabaseTarget = {
  name: "embedded",
  async create() {
    const dir = await mkdtemp(path.join(tmpdir(), "cnppm-test-"));
    return { name: "embedded", env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  },
};

const postgres: DatabaseTarget = {
  name: "postgres",
  async create() {
    const name = `cnppm_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    return {
      name: "postgres",
      env: { DATABASE_URL: url.toString(), DATA_DIR: "./unused" },
      drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  },
};

/** Embedded always; PostgreSQL too when the server answers. */
export async function databaseTargets(): Promise<DatabaseTarget[]> {
  return (await serverAnswers()) ? [embedded, postgres] : [embedded];
}
