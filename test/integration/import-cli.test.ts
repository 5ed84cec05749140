// `npm run import`, as an administrator runs it: exit codes, row errors, dry run, idempotence.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/harness.ts";
import { runScript } from "../support/scripts.ts";

describe("npm run import", () => {
  let dir: string;
  const importer = (...args: string[]) => runScript("import.ts", args, { DATA_DIR: path.join(dir, "data") });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cnppm-import-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("imports, reports a dry run, changes nothing the second time, and refuses a bad file whole", async () => {
    const sites = await importer("sites", path.join(ROOT, "content/catalogue/sites.csv"));
    expect(sites.code).toBe(0);
    expect(sites.stdout).toMatch(/7 rows; created 7, updated 0, unchanged 0/);

    const programmes = path.join(ROOT, "content/catalogue/programmes.csv");
    const dry = await importer("programmes", programmes, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/64 rows; created would be 64/);
    expect(dry.stdout).toContain("Dry run: nothing was written.");
    expect((await importer("programmes", programmes)).stdout).toMatch(/created 64, updated 0, unchanged 0/);
    expect((await importer("programmes", programmes)).stdout).toMatch(/created 0, updated 0, unchanged 64/);

    const bad = path.join(dir, "bad.csv");
    await writeFile(
      bad,
      [
        "registry_number,title,provider,kind,hours,format,positions,subjects,levels,competencies,scope,url,starts,ends,status",
        "900001,Новая программа,РИРО,advanced,36,distance,,,,methodological,regional,,,,active",
        "900002,Короткая,РИРО,advanced,8,distance,,,,methodological,regional,,,,active",
      ].join("\n"),
    );
    const refused = await importer("programmes", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("row 3, column hours: advanced training needs at least 16 hours");
    expect(refused.stderr).toContain("nothing was imported");
    expect((await importer("programmes", programmes)).stdout).toMatch(/unchanged 64/);
  });

  it("explains its usage", async () => {
    const r = await importer("courses", "x.csv");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Usage: npm run import -- <sites|programmes|activities> FILE [--dry-run]");
  });
});
