// The catalogue importer against a real embedded database: good files, idempotent
// re-import, updates, dry runs, files with errors (row, column, message), XLSX and
// unsupported files. One database serves the whole file; every test first puts the
// catalogue tables into the state it needs.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLUMNS, ImportError, importCatalogue, type CatalogueKind, type RowError } from "../../src/catalogue/importer.ts";
import type { Vocabulary } from "../../src/catalogue/rows.ts";
import { vocabularyOf } from "../../src/catalogue/seed.ts";
import { TableError, readTable } from "../../src/catalogue/table.ts";
import { loadContent } from "../../src/content/load.ts";
import { openDatabase, type Database, type PrismaClient } from "../../src/db/database.ts";
import { directoryRepository } from "../../src/repositories/directory.ts";
import { encodeCp1251, toSemicolons, UTF8_BOM } from "../support/excel-csv.ts";

const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");
const SAMPLE = (kind: CatalogueKind) => path.join(CONTENT_DIR, "catalogue", `${kind}.csv`);

let dataDir: string;
let filesDir: string;
let db: Database;
let prisma: PrismaClient;
let vocabulary: Vocabulary;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "importer-db-"));
  filesDir = await mkdtemp(path.join(tmpdir(), "importer-files-"));
  db = await openDatabase({ DATA_DIR: dataDir });
  prisma = db.prisma;
  const content = await loadContent(CONTENT_DIR);
  vocabulary = vocabularyOf(content);
  await directoryRepository(prisma).seedIfEmpty(content.directory);
}, 120_000);

afterAll(async () => {
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

// --- helpers -------------------------------------------------------------------

type Record_ = Record<string, string>;

/** The sample file's data rows, parsed independently of the importer. */
async function sampleRecords(kind: CatalogueKind): Promise<Record_[]> {
  const text = await readFile(SAMPLE(kind), "utf8");
  return parse(text, { comment: "#", comment_no_infix: true, skip_empty_lines: true, columns: true, trim: true }) as Record_[];
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function csvLine(columns: readonly string[], record: Record_): string {
  return columns.map((c) => csvCell(record[c] ?? "")).join(",");
}

async function writeTemp(name: string, text: string): Promise<string> {
  const file = path.join(filesDir, name);
  await writeFile(file, text, "utf8");
  return file;
}

/** A programmes CSV: a comment line (row 1), the header (row 2), then one line per entry. */
function programmesCsv(lines: (Record_ | string)[], columns: readonly string[] = COLUMNS.programmes): string {
  return ["# test file", columns.join(","), ...lines.map((l) => (typeof l === "string" ? l : csvLine(columns, l)))].join("\n") + "\n";
}

async function resetCatalogue(): Promise<void> {
  await prisma.activity.deleteMany();
  await prisma.programme.deleteMany();
  await prisma.internshipSite.deleteMany();
}

async function importSamples(): Promise<void> {
  for (const kind of ["sites", "programmes", "activities"] as const) await importCatalogue(prisma, kind, SAMPLE(kind), vocabulary);
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

async function programmesSnapshot() {
  const rows = await prisma.programme.findMany({ orderBy: { registryNumber: "asc" } });
  return rows.map(({ updatedAt: _updatedAt, ...r }) => plain(r) as Record<string, unknown>);
}

async function activitiesSnapshot() {
  const rows = await prisma.activity.findMany({ orderBy: { id: "asc" } });
  return rows.map(({ updatedAt: _updatedAt, ...r }) => plain(r));
}

async function sitesSnapshot() {
  return plain(await prisma.internshipSite.findMany({ orderBy: { id: "asc" } }));
}

async function importFailure(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const err = (row: number, column: string, message: RegExp): RowError => ({ row, column, message: expect.stringMatching(message) as unknown as string });

/** The first sample programme of kind "advanced" with 36 hours. */
async function advanced36(): Promise<{ records: Record_[]; target: Record_ }> {
  const records = await sampleRecords("programmes");
  const target = records.find((r) => r.kind === "advanced" && r.hours === "36");
  expect(target).toBeDefined();
  return { records, target: target! };
}

// --- tests ---------------------------------------------------------------------

describe("importing the sample catalogue", () => {
  it("creates every row of sites, programmes and activities", async () => {
    await resetCatalogue();
    const expected = { sites: await sampleRecords("sites"), programmes: await sampleRecords("programmes"), activities: await sampleRecords("activities") };
    // Sanity: the independent parse found data, and it is neither comment nor header.
    for (const kind of ["sites", "programmes", "activities"] as const) {
      expect(expected[kind].length).toBeGreaterThan(0);
      expect(Object.keys(expected[kind][0]!)).toEqual([...COLUMNS[kind]]);
    }

    const keyOf = { sites: "id", programmes: "registry_number", activities: "id" } as const;
    for (const kind of ["sites", "programmes", "activities"] as const) {
      const report = await importCatalogue(prisma, kind, SAMPLE(kind), vocabulary);
      expect(report).toMatchObject({ kind, file: SAMPLE(kind), rows: expected[kind].length, updated: [], unchanged: 0, dryRun: false });
      expect(report.created).toEqual(expected[kind].map((r) => r[keyOf[kind]]));
    }

    expect(await prisma.internshipSite.count()).toBe(expected.sites.length);
    expect(await prisma.programme.count()).toBe(expected.programmes.length);
    expect(await prisma.activity.count()).toBe(expected.activities.length);

    // Spot-check a converted row against its source.
    const src = expected.programmes[0]!;
    const row = await prisma.programme.findUniqueOrThrow({ where: { registryNumber: src.registry_number! } });
    expect(row).toMatchObject({
      title: src.title,
      provider: src.provider,
      hours: Number(src.hours),
      competencies: src.competencies!.split(";"),
      regional: src.scope === "regional",
      active: src.status === "active",
    });
    expect(row.startsOn?.toISOString().slice(0, 10) ?? "").toBe(src.starts);
    const internship = expected.activities.find((a) => a.type === "internship")!;
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: internship.id! } })).siteId).toBe(internship.site);
  });

  it("re-importing the same files changes nothing", async () => {
    await resetCatalogue();
    await importSamples();
    const before = { programmes: await programmesSnapshot(), activities: await activitiesSnapshot(), sites: await sitesSnapshot() };
    const updatedAt = (await prisma.programme.findMany({ orderBy: { registryNumber: "asc" }, select: { updatedAt: true } })).map((r) => r.updatedAt.toISOString());

    for (const kind of ["sites", "programmes", "activities"] as const) {
      const rows = (await sampleRecords(kind)).length;
      const report = await importCatalogue(prisma, kind, SAMPLE(kind), vocabulary);
      expect(report).toMatchObject({ rows, created: [], updated: [], unchanged: rows });
    }

    expect({ programmes: await programmesSnapshot(), activities: await activitiesSnapshot(), sites: await sitesSnapshot() }).toEqual(before);
    // Nothing was even rewritten.
    expect((await prisma.programme.findMany({ orderBy: { registryNumber: "asc" }, select: { updatedAt: true } })).map((r) => r.updatedAt.toISOString())).toEqual(updatedAt);
  });
});

describe("changes and dry runs", () => {
  it("reports a changed row as updated and changes only that row", async () => {
    await resetCatalogue();
    await importSamples();
    const { records, target } = await advanced36();
    const file = await writeTemp("programmes-changed.csv", programmesCsv(records.map((r) => (r === target ? { ...r, hours: "48" } : r))));
    const before = await programmesSnapshot();

    const report = await importCatalogue(prisma, "programmes", file, vocabulary);
    expect(report).toMatchObject({ rows: records.length, created: [], updated: [target.registry_number], unchanged: records.length - 1, dryRun: false });

    const after = await programmesSnapshot();
    expect(after).toHaveLength(before.length);
    const index = before.findIndex((r) => r.registryNumber === target.registry_number);
    expect(before[index]!.hours).toBe(36);
    expect(after[index]).toEqual({ ...before[index], hours: 48 });
    expect(after.filter((_, i) => i !== index)).toEqual(before.filter((_, i) => i !== index));
  });

  it("--dry-run reports what would change and writes nothing", async () => {
    await resetCatalogue();
    await importSamples();
    const { records, target } = await advanced36();
    const added = { ...records[0]!, registry_number: "999999", title: "Новая программа (dry run)" };
    const file = await writeTemp("programmes-dry.csv", programmesCsv([...records.map((r) => (r === target ? { ...r, hours: "48" } : r)), added]));
    const before = await programmesSnapshot();

    const report = await importCatalogue(prisma, "programmes", file, vocabulary, { dryRun: true });
    expect(report).toEqual({
      kind: "programmes",
      file,
      rows: records.length + 1,
      created: ["999999"],
      updated: [target.registry_number],
      unchanged: records.length - 1,
      dryRun: true,
    });

    expect(await prisma.programme.count()).toBe(records.length);
    expect(await prisma.programme.findUnique({ where: { registryNumber: "999999" } })).toBeNull();
    expect((await prisma.programme.findUniqueOrThrow({ where: { registryNumber: target.registry_number! } })).hours).toBe(36);
    expect(await programmesSnapshot()).toEqual(before);
  });
});

describe("files with errors", () => {
  it("lists every bad row with its physical line, column and reason, and writes nothing", async () => {
    await resetCatalogue();
    await importSamples();
    const records = await sampleRecords("programmes");
    const good = records[0]!;
    const other = records[1]!;
    const bad = (reg: string, patch: Record_): Record_ => ({ ...other, registry_number: reg, ...patch });
    const text = programmesCsv([
      /* row 3 */ { ...good, hours: "40" }, // a valid change, which must not be written either
      /* row 4 */ bad("900001", { kind: "seminar" }),
      /* row 5 */ bad("900002", { kind: "advanced", hours: "8" }),
      /* row 6 */ bad("900003", { kind: "retraining", hours: "100" }),
      /* row 7 */ "# a comment in the middle counts as a line",
      /* row 8 */ bad("900004", {}), // a valid new row, not written
      /* row 9 */ bad("900005", { competencies: "subject;magic" }),
      /* row 10 */ bad("900006", { subjects: "math;alchemy" }),
      /* row 11 */ bad("900007", { starts: "2027-13-40", ends: "" }),
      /* row 12 */ bad("900008", { starts: "2027-05-01", ends: "2027-04-01" }),
      /* row 13 */ bad(good.registry_number!, {}),
      /* row 14 */ bad("900009", { title: "" }),
    ]);
    // The layout really is what the comments say.
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^#/);
    expect(lines[1]).toBe(COLUMNS.programmes.join(","));
    expect(lines[3]).toContain("900001");
    expect(lines[13]).toContain("900009");

    const file = await writeTemp("programmes-bad.csv", text);
    const before = await programmesSnapshot();
    const error = await importFailure(importCatalogue(prisma, "programmes", file, vocabulary));

    expect(error.file).toBe(file);
    expect(error.errors).toEqual([
      err(4, "kind", /must be one of: advanced, retraining/),
      err(5, "hours", /advanced training needs at least 16 hours/),
      err(6, "hours", /retraining needs at least 250 hours/),
      err(9, "competencies", /unknown competency: magic/),
      err(10, "subjects", /unknown subject: alchemy/),
      err(11, "starts", /not a real date/),
      err(12, "ends", /before starts/),
      err(13, "registry_number", /repeats row 3/),
      err(14, "title", /empty/),
    ]);
    expect(error.message).toContain(file);
    expect(error.message).toContain("nothing was imported");
    expect(error.message).toContain("row 9, column competencies");

    expect(await prisma.programme.count()).toBe(records.length);
    expect(await prisma.programme.findUnique({ where: { registryNumber: "900004" } })).toBeNull();
    expect(await programmesSnapshot()).toEqual(before);
  });

  it("a header without a column is reported at the header's row with that column", async () => {
    await resetCatalogue();
    const records = await sampleRecords("programmes");
    const columns = COLUMNS.programmes.filter((c) => c !== "provider");
    const text = [columns.join(","), ...records.slice(0, 3).map((r) => csvLine(columns, r))].join("\n") + "\n";
    const file = await writeTemp("programmes-no-provider.csv", text);

    const error = await importFailure(importCatalogue(prisma, "programmes", file, vocabulary));
    expect(error.errors).toEqual([err(1, "provider", /missing/)]);
    // After a comment line the header is the file's second row.
    const commented = await writeTemp("programmes-no-provider-commented.csv", `# a comment\n${text}`);
    const again = await importFailure(importCatalogue(prisma, "programmes", commented, vocabulary));
    expect(again.errors).toEqual([err(2, "provider", /missing/)]);
    expect(await prisma.programme.count()).toBe(0);
  });

  it("activities: unknown site, internship without a site, site on a non-internship", async () => {
    await resetCatalogue();
    await importCatalogue(prisma, "sites", SAMPLE("sites"), vocabulary);
    const activities = await sampleRecords("activities");
    const seminar = activities.find((a) => a.type === "seminar" && a.site === "")!;
    const internship = activities.find((a) => a.type === "internship")!;
    expect(seminar).toBeDefined();
    expect(internship).toBeDefined();
    const text =
      [
        COLUMNS.activities.join(","),
        /* row 2 */ csvLine(COLUMNS.activities, seminar),
        /* row 3 */ csvLine(COLUMNS.activities, { ...internship, id: "act-x-nowhere", site: "site-nowhere" }),
        /* row 4 */ csvLine(COLUMNS.activities, { ...internship, id: "act-x-no-site", site: "" }),
        /* row 5 */ csvLine(COLUMNS.activities, { ...seminar, id: "act-x-seminar-site", site: internship.site! }),
        /* row 6 */ csvLine(COLUMNS.activities, internship),
      ].join("\n") + "\n";
    const file = await writeTemp("activities-bad.csv", text);

    const error = await importFailure(importCatalogue(prisma, "activities", file, vocabulary));
    expect(error.errors).toEqual([
      err(3, "site", /no internship site "site-nowhere"/),
      err(4, "site", /an internship needs its site/),
      err(5, "site", /only internships have a site/),
    ]);
    expect(await prisma.activity.count()).toBe(0);
  });
});

describe("XLSX", () => {
  async function writeWorkbook(name: string, rows: { at?: number; values: ExcelJS.CellValue[] }[]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Программы");
    book.addWorksheet("Ignored").addRow(["not", "read"]);
    sheet.addRow([...COLUMNS.programmes]);
    for (const r of rows) {
      if (r.at) sheet.getRow(r.at).values = r.values;
      else sheet.addRow(r.values);
    }
    const file = path.join(filesDir, name);
    await book.xlsx.writeFile(file);
    return file;
  }
  const cells = (r: Record_): ExcelJS.CellValue[] => COLUMNS.programmes.map((c) => r[c] ?? "");

  it("imports the first sheet (with a real date cell), then re-imports unchanged", async () => {
    await resetCatalogue();
    const records = (await sampleRecords("programmes")).filter((r) => r.starts !== "").slice(0, 3);
    expect(records).toHaveLength(3);
    const withDate = records[1]!;
    const dateCells = cells(withDate);
    dateCells[COLUMNS.programmes.indexOf("starts")] = new Date(`${withDate.starts}T00:00:00Z`);
    const file = await writeWorkbook("programmes.xlsx", [{ values: cells(records[0]!) }, { values: dateCells }, { values: cells(records[2]!) }]);

    const report = await importCatalogue(prisma, "programmes", file, vocabulary);
    expect(report).toMatchObject({ rows: 3, created: records.map((r) => r.registry_number), updated: [], unchanged: 0 });
    expect(await prisma.programme.count()).toBe(3);
    for (const r of records) {
      const row = await prisma.programme.findUniqueOrThrow({ where: { registryNumber: r.registry_number! } });
      expect(row.title).toBe(r.title);
      expect(row.hours).toBe(Number(r.hours));
      expect(row.competencies).toEqual(r.competencies!.split(";"));
      expect(row.startsOn?.toISOString().slice(0, 10)).toBe(r.starts);
    }

    const again = await importCatalogue(prisma, "programmes", file, vocabulary);
    expect(again).toMatchObject({ rows: 3, created: [], updated: [], unchanged: 3 });
  });

  it("reports a bad row by its spreadsheet row number (header = row 1)", async () => {
    await resetCatalogue();
    const [first, second] = await sampleRecords("programmes");
    const file = await writeWorkbook("programmes-bad.xlsx", [
      { values: cells(first!) }, // row 2
      { at: 4, values: cells({ ...second!, kind: "advanced", hours: "8" }) }, // row 3 stays empty
    ]);

    const error = await importFailure(importCatalogue(prisma, "programmes", file, vocabulary));
    expect(error.errors).toEqual([err(4, "hours", /at least 16 hours/)]);
    expect(await prisma.programme.count()).toBe(0);
  });
});

describe("files saved by a Russian Excel", () => {
  it("imports the programmes as Windows-1251 with ';' between columns, and as «CSV UTF-8», with the same data", async () => {
    await resetCatalogue();
    await importSamples();
    const before = await programmesSnapshot();
    const text = toSemicolons(await readFile(SAMPLE("programmes"), "utf8"));
    const rows = (await sampleRecords("programmes")).length;
    for (const [name, bytes] of [
      ["programmes-cp1251.csv", encodeCp1251(text)],
      ["programmes-utf8-bom.csv", Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")])],
    ] as const) {
      const file = path.join(filesDir, name);
      await writeFile(file, bytes);
      // Every row read back exactly as from the comma-separated UTF-8 sample: nothing to change.
      expect(await importCatalogue(prisma, "programmes", file, vocabulary), name).toMatchObject({ rows, created: [], updated: [], unchanged: rows });
    }
    expect(await programmesSnapshot()).toEqual(before);

    // Into an empty catalogue: every row is created from the Windows-1251 file.
    await resetCatalogue();
    await importCatalogue(prisma, "sites", SAMPLE("sites"), vocabulary);
    const report = await importCatalogue(prisma, "programmes", path.join(filesDir, "programmes-cp1251.csv"), vocabulary);
    expect(report.created).toHaveLength(rows);
    expect((await programmesSnapshot()).map((r) => r.title)).toEqual(before.map((r) => r.title));
  });

  it("several missing columns are one error; a header that fits nothing is one line, not a line per column", async () => {
    await resetCatalogue();
    const records = await sampleRecords("programmes");
    const columns = COLUMNS.programmes.filter((c) => c !== "provider" && c !== "scope");
    const file = await writeTemp("programmes-two-missing.csv", [columns.join(","), ...records.slice(0, 2).map((r) => csvLine(columns, r))].join("\n") + "\n");
    const error = await importFailure(importCatalogue(prisma, "programmes", file, vocabulary));
    expect(error.errors).toEqual([err(1, "provider, scope", /these columns are missing/)]);

    // Russian column names: not this file's header at all.
    const russian = path.join(filesDir, "programmes-russian-header.csv");
    await writeFile(russian, encodeCp1251("Номер;Название;Часы\n171539;Программа;36\n"));
    const failure = await importCatalogue(prisma, "programmes", russian, vocabulary).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(TableError);
    expect((failure as Error).message).toBe(
      `${russian}, row 1: not the header this import needs: none of the columns ${COLUMNS.programmes.join(", ")}; it has "Номер", "Название", "Часы"; read as Windows-1251, columns separated by semicolons`,
    );
    expect(await prisma.programme.count()).toBe(0);
  });
});

describe("other files", () => {
  it("a .txt file is a TableError naming the file", async () => {
    const file = await writeTemp("programmes.txt", await readFile(SAMPLE("programmes"), "utf8"));
    await expect(readTable(file)).rejects.toThrow(TableError);
    await expect(readTable(file)).rejects.toThrow(file);
    const error = await importCatalogue(prisma, "programmes", file, vocabulary).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TableError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/\.csv or \.xlsx/);
  });
});
