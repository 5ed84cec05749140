// `npm run import`, as an administrator runs it: exit codes, row errors, dry run, idempotence.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/harness.ts";
import { runScript } from "../support/scripts.ts";

// Each call is a new process, so these tests get more time than the default.
describe("npm run import", { timeout: 240_000 }, () => {
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

  it("imports a directory: a dry run of the sample reports and writes nothing; a bad file is refused with row and column", async () => {
    // A database of its own, empty: the catalogue imports above seed the sample directory into theirs.
    const directoryImporter = (...args: string[]) => runScript("import.ts", args, { DATA_DIR: path.join(dir, "data-directory") });
    const sample = path.join(ROOT, "content/directory/sample-region.csv");
    const dry = await directoryImporter("directory", sample, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/139 rows; municipalities: created would be 29, updated would be 0; organizations: created would be 139, updated would be 0, unchanged 0/);
    expect(dry.stdout).toContain("new municipalities: ryazan,");
    expect(dry.stdout).toContain("Dry run: nothing was written.");

    const bad = path.join(dir, "directory-bad.csv");
    await writeFile(
      bad,
      [
        "# a comment",
        "municipality_id,municipality,organization_id,organization,type,teachers,managers,low_results",
        "north,Северный район,north-sch-1,Школа № 1,school,40,5,no",
        "north,Северный район,north-kg-1,Детский сад № 1,kindergarten,12,,yes",
      ].join("\n"),
    );
    const refused = await directoryImporter("directory", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("row 4, column managers: is empty");
    expect(refused.stderr).toContain("row 4, column low_results: only schools may have low results");
    expect(refused.stderr).toContain("nothing was imported");

    // Neither run wrote anything: the dry run still finds everything to create.
    expect((await directoryImporter("directory", sample, "--dry-run")).stdout).toMatch(/municipalities: created would be 29,.*organizations: created would be 139,/);
  });

  it("explains its usage", async () => {
    const r = await importer("courses", "x.csv");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Usage: npm run import -- <sites|programmes|activities|directory> FILE [--dry-run]");
  });
});
