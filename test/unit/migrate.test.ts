import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations, type SqlRunner } from "../../src/db/migrate.ts";

function runner(db: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

describe("migrate", () => {
  it("applies each migration once and records it as Prisma does", async () => {
    const db = new PGlite();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect((await migrate(runner(db), migrations)).applied).toEqual(migrations.map((m) => m.name));
    expect(await migrate(runner(db), migrations)).toEqual({ applied: [], modified: [] });
    const rows = (await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(`SELECT * FROM "_prisma_migrations"`)).rows;
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(migrations.map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    await db.close();
  });

  it("rolls a failing migration back whole and reports it by name", async () => {
    const db = new PGlite();
    const bad = [{ name: "20990101000000_bad", sql: `CREATE TABLE "t" (id int); SELECT nonexistent();`, checksum: "x" }];
    await expect(migrate(runner(db), bad)).rejects.toThrow(/migration 20990101000000_bad failed/);
    const tables = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 't'`);
    expect(tables.rows).toHaveLength(0);
    await db.close();
  });

  it("reports an applied migration whose file has changed", async () => {
    const db = new PGlite();
    const [first] = await readMigrations();
    await migrate(runner(db), [first!]);
    expect((await migrate(runner(db), [{ ...first!, checksum: "changed" }])).modified).toEqual([first!.name]);
    await db.close();
  });
});
