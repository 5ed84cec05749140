// The directory importer against a real embedded database: the sample file into an
// empty database, idempotent re-import, updates, dry runs, files with errors (row,
// column, message), adding without deleting, and XLSX. One database serves the
// whole file; every test first puts the directory tables into the state it needs.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIRECTORY_COLUMNS, importDirectory } from "../../src/catalogue/directory-import.ts";
import { ImportError, type RowError } from "../../src/catalogue/importer.ts";
import { loadContent } from "../../src/content/load.ts";
import type { Directory } from "../../src/content/schemas.ts";
import { openDatabase, type Database, type PrismaClient } from "../../src/db/database.ts";
import { directoryRepository } from "../../src/repositories/directory.ts";
import { encodeCp1251, toSemicolons } from "../support/excel-csv.ts";

const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");
const SAMPLE = path.join(CONTENT_DIR, "directory", "sample-region.csv");

let dataDir: string;
let filesDir: string;
let db: Database;
let prisma: PrismaClient;
let directory: Directory;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "directory-import-db-"));
  filesDir = await mkdtemp(path.join(tmpdir(), "directory-import-files-"));
  db = await openDatabase({ DATA_DIR: dataDir });
  prisma = db.prisma;
  directory = (await loadContent(CONTENT_DIR)).directory;
}, 120_000);

afterAll(async () => {
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

// --- helpers -------------------------------------------------------------------

type Record_ = Record<string, string>;

/** The sample file's data rows, parsed independently of the importer. */
async function sampleRecords(): Promise<Record_[]> {
  const text = await readFile(SAMPLE, "utf8");
  return parse(text, { comment: "#", comment_no_infix: true, skip_empty_lines: true, columns: true, trim: true }) as Record_[];
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function csvLine(columns: readonly string[], record: Record_): string {
  return columns.map((c) => csvCell(record[c] ?? "")).join(",");
}

/** A directory CSV: a comment line (row 1), the header (row 2), then one line per organization. */
function directoryCsv(lines: (Record_ | string)[], columns: readonly string[] = DIRECTORY_COLUMNS): string {
  return ["# test file", columns.join(","), ...lines.map((l) => (typeof l === "string" ? l : csvLine(columns, l)))].join("\n") + "\n";
}

async function writeTemp(name: string, text: string): Promise<string> {
  const file = path.join(filesDir, name);
  await writeFile(file, text, "utf8");
  return file;
}

async function resetDirectory(): Promise<void> {
  await prisma.organization.deleteMany();
  await prisma.municipality.deleteMany();
}

async function snapshot() {
  return {
    municipalities: await prisma.municipality.findMany({ orderBy: { id: "asc" } }),
    organizations: await prisma.organization.findMany({ orderBy: { id: "asc" } }),
  };
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

const allOrganizations = () => directory.municipalities.flatMap((m) => m.organizations.map((o) => ({ ...o, municipalityId: m.id })));

// --- tests ---------------------------------------------------------------------

describe("the sample directory file", () => {
  it("matches the shipped sample-region.json and DIRECTORY_COLUMNS", async () => {
    const text = await readFile(SAMPLE, "utf8");
    expect(text.split("\n")[0]).toMatch(/^# SAMPLE DATA/);
    expect(text.split("\n")[1]).toBe(DIRECTORY_COLUMNS.join(","));
    const records = await sampleRecords();
    expect(records.map((r) => r.organization_id)).toEqual(allOrganizations().map((o) => o.id));
  });

  it("into an empty database creates every municipality and organization with their numbers", async () => {
    await resetDirectory();
    const organizations = allOrganizations();
    expect(organizations.length).toBeGreaterThan(100);

    const report = await importDirectory(prisma, SAMPLE);
    expect(report).toEqual({
      file: SAMPLE,
      rows: organizations.length,
      municipalities: { created: directory.municipalities.map((m) => m.id), updated: [] },
      organizations: { created: organizations.map((o) => o.id), updated: [], unchanged: 0 },
      dryRun: false,
    });

    const municipalities = await prisma.municipality.findMany({ orderBy: { sortOrder: "asc" } });
    expect(municipalities).toEqual(directory.municipalities.map((m, i) => ({ id: m.id, name: m.name, sortOrder: i })));
    const rows = await prisma.organization.findMany({ orderBy: { id: "asc" } });
    expect(rows).toEqual(
      organizations
        .map((o) => ({
          id: o.id,
          municipalityId: o.municipalityId,
          name: o.name,
          type: o.type,
          teachersCount: o.teachers,
          managersCount: o.managers,
          lowResults: o.lowResults,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
    // The sample has schools with low results; they arrive as such.
    const low = organizations.filter((o) => o.lowResults);
    expect(low.length).toBeGreaterThan(0);
    expect(await prisma.organization.count({ where: { lowResults: true } })).toBe(low.length);
  });

  it("the same data as the seeded sample directory: importing over it changes nothing", async () => {
    await resetDirectory();
    expect(await directoryRepository(prisma).seedIfEmpty(directory)).toBe(true);
    const before = await snapshot();
    const report = await importDirectory(prisma, SAMPLE);
    expect(report.municipalities).toEqual({ created: [], updated: [] });
    expect(report.organizations).toEqual({ created: [], updated: [], unchanged: before.organizations.length });
    expect(await snapshot()).toEqual(before);
  });

  it("importing it again changes nothing", async () => {
    await resetDirectory();
    await importDirectory(prisma, SAMPLE);
    const before = await snapshot();
    const rows = (await sampleRecords()).length;

    const report = await importDirectory(prisma, SAMPLE);
    expect(report).toEqual({
      file: SAMPLE,
      rows,
      municipalities: { created: [], updated: [] },
      organizations: { created: [], updated: [], unchanged: rows },
      dryRun: false,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("a directory saved by a Russian Excel", () => {
  it("Windows-1251 with ';' between columns imports the same data", async () => {
    await resetDirectory();
    await importDirectory(prisma, SAMPLE);
    const before = await snapshot();
    const rows = (await sampleRecords()).length;
    const file = path.join(filesDir, "directory-cp1251.csv");
    await writeFile(file, encodeCp1251(toSemicolons(await readFile(SAMPLE, "utf8"))));
    const report = await importDirectory(prisma, file);
    expect(report).toMatchObject({ rows, municipalities: { created: [], updated: [] }, organizations: { created: [], updated: [], unchanged: rows } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("changes and dry runs", () => {
  it("reports a changed teachers count as updated and changes only that row", async () => {
    await resetDirectory();
    await importDirectory(prisma, SAMPLE);
    const records = await sampleRecords();
    const target = records[5]!;
    const file = await writeTemp("changed.csv", directoryCsv(records.map((r) => (r === target ? { ...r, teachers: String(Number(r.teachers) + 7) } : r))));
    const before = await snapshot();

    const report = await importDirectory(prisma, file);
    expect(report).toEqual({
      file,
      rows: records.length,
      municipalities: { created: [], updated: [] },
      organizations: { created: [], updated: [target.organization_id], unchanged: records.length - 1 },
      dryRun: false,
    });

    const after = await snapshot();
    expect(after.municipalities).toEqual(before.municipalities);
    const index = before.organizations.findIndex((o) => o.id === target.organization_id);
    expect(before.organizations[index]!.teachersCount).toBe(Number(target.teachers));
    expect(after.organizations[index]).toEqual({ ...before.organizations[index], teachersCount: Number(target.teachers) + 7 });
    expect(after.organizations.filter((_, i) => i !== index)).toEqual(before.organizations.filter((_, i) => i !== index));
  });

  it("a dry run reports what would change and writes nothing", async () => {
    await resetDirectory();
    await importDirectory(prisma, SAMPLE);
    const records = await sampleRecords();
    const first = records[0]!;
    const lines = [
      ...records.map((r) => (r === first ? { ...r, managers: "0" } : r)),
      { ...first, municipality_id: "new-district", municipality: "Новый район", organization_id: "new-district-sch-1", organization: "МБОУ «Новая школа»" },
    ];
    const file = await writeTemp("dry.csv", directoryCsv(lines));
    const before = await snapshot();

    const report = await importDirectory(prisma, file, { dryRun: true });
    expect(report).toEqual({
      file,
      rows: records.length + 1,
      municipalities: { created: ["new-district"], updated: [] },
      organizations: { created: ["new-district-sch-1"], updated: [first.organization_id], unchanged: records.length - 1 },
      dryRun: true,
    });
    expect(await snapshot()).toEqual(before);
    expect(await prisma.municipality.findUnique({ where: { id: "new-district" } })).toBeNull();
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: first.organization_id! } })).managersCount).toBe(Number(first.managers));

    // The same file without --dry-run writes what the dry run announced.
    const real = await importDirectory(prisma, file);
    expect(real).toEqual({ ...report, dryRun: false });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: first.organization_id! } })).managersCount).toBe(0);
  });

  it("adds and updates but never deletes; new municipalities come after the existing ones", async () => {
    await resetDirectory();
    await prisma.municipality.create({ data: { id: "old-district", name: "Старый район", sortOrder: 40 } });
    await prisma.municipality.create({ data: { id: "kept-district", name: "Прежнее название", sortOrder: 3 } });
    await prisma.organization.create({
      data: { id: "old-sch-1", municipalityId: "old-district", name: "Старая школа", type: "SCHOOL", teachersCount: 10, managersCount: 2, lowResults: true },
    });
    await prisma.organization.create({
      data: { id: "kept-kg-1", municipalityId: "kept-district", name: "Детский сад", type: "KINDERGARTEN", teachersCount: 5, managersCount: 1, lowResults: false },
    });
    const row = (m: string, mName: string, o: string, oName: string, type = "school"): Record_ => ({
      municipality_id: m,
      municipality: mName,
      organization_id: o,
      organization: oName,
      type,
      teachers: "12",
      managers: "3",
      low_results: "",
    });
    const file = await writeTemp(
      "partial.csv",
      directoryCsv([
        row("first-new", "Первый новый район", "first-new-sch-1", "Школа 1"),
        row("kept-district", "Новое название", "kept-kg-1", "Детский сад", "kindergarten"),
        row("second-new", "Второй новый район", "second-new-sch-1", "Школа 2"),
        row("first-new", "Первый новый район", "first-new-sch-2", "Школа 3"),
      ]),
    );

    const report = await importDirectory(prisma, file);
    expect(report.municipalities).toEqual({ created: ["first-new", "second-new"], updated: ["kept-district"] });
    expect(report.organizations).toEqual({ created: ["first-new-sch-1", "second-new-sch-1", "first-new-sch-2"], updated: ["kept-kg-1"], unchanged: 0 });

    expect(await prisma.municipality.findMany({ orderBy: { sortOrder: "asc" } })).toEqual([
      { id: "kept-district", name: "Новое название", sortOrder: 3 },
      { id: "old-district", name: "Старый район", sortOrder: 40 },
      { id: "first-new", name: "Первый новый район", sortOrder: 41 },
      { id: "second-new", name: "Второй новый район", sortOrder: 42 },
    ]);
    // Not in the file: left as it was.
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: "old-sch-1" } })).toMatchObject({ municipalityId: "old-district", teachersCount: 10, lowResults: true });
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: "kept-kg-1" } })).toMatchObject({ teachersCount: 12, managersCount: 3 });
    expect(await prisma.organization.count()).toBe(5);
  });
});

describe("files with errors", () => {
  it("lists every bad row with its line, column and reason, and writes nothing", async () => {
    await resetDirectory();
    await importDirectory(prisma, SAMPLE);
    const records = await sampleRecords();
    const school = records.find((r) => r.type === "school" && r.low_results === "no")!;
    const kindergarten = records.find((r) => r.type === "kindergarten")!;
    expect(school).toBeDefined();
    expect(kindergarten).toBeDefined();
    const fresh = (orgId: string, patch: Record_): Record_ => ({ ...school, organization_id: orgId, organization: `Школа ${orgId}`, ...patch });
    const text = directoryCsv([
      /* row 3 */ { ...school, teachers: "100" }, // a valid change, which must not be written either
      /* row 4 */ fresh("x-1", { type: "university" }),
      /* row 5 */ fresh("x-2", { teachers: "-3" }),
      /* row 6 */ fresh("x-3", { managers: "" }),
      /* row 7 */ "# a comment in the middle counts as a line",
      /* row 8 */ { ...kindergarten, organization_id: "x-4", low_results: "Да", teachers: "" }, // both reported
      /* row 9 */ fresh("x-5", { municipality: `${school.municipality} (другое)` }),
      /* row 10 */ fresh(school.organization_id!, {}),
      /* row 11 */ fresh("X_6", {}),
      /* row 12 */ fresh("x-7", { low_results: "maybe", teachers: "12.5" }),
      /* row 13 */ fresh("x-8", {}), // a valid new row, not written
    ]);
    const lines = text.split("\n");
    expect(lines[1]).toBe(DIRECTORY_COLUMNS.join(","));
    expect(lines[3]).toContain("x-1");
    expect(lines[12]).toContain("x-8");

    const file = await writeTemp("bad.csv", text);
    const before = await snapshot();
    const error = await importFailure(importDirectory(prisma, file));

    expect(error.file).toBe(file);
    expect(error.errors).toEqual([
      err(4, "type", /must be one of: school, kindergarten, college, supplementary/),
      err(5, "teachers", /whole number/),
      err(6, "managers", /empty.*required/),
      err(8, "teachers", /empty.*required/),
      err(8, "low_results", /only schools may have low results/),
      err(9, "municipality", new RegExp(`named "${school.municipality}" in row 3`)),
      err(10, "organization_id", /repeats row 3/),
      err(11, "organization_id", /a-z, 0-9 and -/),
      err(12, "teachers", /whole number/),
      err(12, "low_results", /must be yes or no/),
    ]);
    expect(error.message).toContain("nothing was imported");
    expect(error.message).toContain("row 8, column low_results");

    expect(await snapshot()).toEqual(before);
    expect(await prisma.organization.findUnique({ where: { id: "x-8" } })).toBeNull();
  });

  it("a header without a column is reported at the header's row with that column", async () => {
    await resetDirectory();
    const records = (await sampleRecords()).slice(0, 3);
    const columns = DIRECTORY_COLUMNS.filter((c) => c !== "managers");
    const file = await writeTemp("no-managers.csv", directoryCsv(records, columns));

    const error = await importFailure(importDirectory(prisma, file));
    expect(error.errors).toEqual([err(2, "managers", /missing/)]);
    expect(await prisma.municipality.count()).toBe(0);
    expect(await prisma.organization.count()).toBe(0);
  });
});

describe("XLSX", () => {
  async function writeWorkbook(name: string, rows: { at?: number; values: ExcelJS.CellValue[] }[]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Справочник");
    sheet.addRow([...DIRECTORY_COLUMNS]);
    for (const r of rows) {
      if (r.at) sheet.getRow(r.at).values = r.values;
      else sheet.addRow(r.values);
    }
    const file = path.join(filesDir, name);
    await book.xlsx.writeFile(file);
    return file;
  }

  it("imports the first sheet (numbers and booleans as real cells), then re-imports unchanged", async () => {
    await resetDirectory();
    const file = await writeWorkbook("directory.xlsx", [
      { values: ["north", "Северный район", "north-sch-1", "Школа № 1", "school", 40, 5, true] },
      { values: ["north", "Северный район", "north-kg-1", "Детский сад № 1", "kindergarten", 12, 2, false] },
      { values: ["south", "Южный район", "south-col-1", "Колледж", "college", 80, 0, "нет"] },
    ]);

    const report = await importDirectory(prisma, file);
    expect(report).toEqual({
      file,
      rows: 3,
      municipalities: { created: ["north", "south"], updated: [] },
      organizations: { created: ["north-sch-1", "north-kg-1", "south-col-1"], updated: [], unchanged: 0 },
      dryRun: false,
    });
    expect(await prisma.organization.findMany({ orderBy: { id: "asc" } })).toEqual([
      { id: "north-kg-1", municipalityId: "north", name: "Детский сад № 1", type: "KINDERGARTEN", teachersCount: 12, managersCount: 2, lowResults: false },
      { id: "north-sch-1", municipalityId: "north", name: "Школа № 1", type: "SCHOOL", teachersCount: 40, managersCount: 5, lowResults: true },
      { id: "south-col-1", municipalityId: "south", name: "Колледж", type: "COLLEGE", teachersCount: 80, managersCount: 0, lowResults: false },
    ]);

    const again = await importDirectory(prisma, file);
    expect(again.municipalities).toEqual({ created: [], updated: [] });
    expect(again.organizations).toEqual({ created: [], updated: [], unchanged: 3 });
  });

  it("reports a bad row by its spreadsheet row number (header = row 1)", async () => {
    await resetDirectory();
    const file = await writeWorkbook("directory-bad.xlsx", [
      { values: ["north", "Северный район", "north-sch-1", "Школа № 1", "school", 40, 5, "no"] }, // row 2
      { at: 4, values: ["north", "Северный район", "north-kg-1", "Детский сад № 1", "kindergarten", 12, -1, "no"] }, // row 3 stays empty
    ]);

    const error = await importFailure(importDirectory(prisma, file));
    expect(error.errors).toEqual([err(4, "managers", /whole number/)]);
    expect(await prisma.municipality.count()).toBe(0);
    expect(await prisma.organization.count()).toBe(0);
  });
});
