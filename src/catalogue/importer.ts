// Imports a catalogue file (programmes, activities or internship sites) from CSV
// or XLSX: every row is validated first, errors name the row, the column and the
// reason; then all rows are written in one transaction or none. Rows are upserted
// by registry number or id, so importing the same file again changes nothing.
import { z } from "zod";
import type { PrismaClient } from "../db/database.ts";
import { activityRow, programmeRow, siteRow, type Vocabulary } from "./rows.ts";
import { missingColumns, readTable } from "./table.ts";

export const CATALOGUE_KINDS = ["sites", "programmes", "activities"] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly errors: RowError[],
  ) {
    super(`${file}: ${errors.length} error(s); nothing was imported\n${errors.map((e) => `  row ${e.row}, column ${e.column}: ${e.message}`).join("\n")}`);
  }
}

export interface ImportReport {
  kind: CatalogueKind;
  file: string;
  rows: number;
  created: string[];
  updated: string[];
  unchanged: number;
  dryRun: boolean;
}

// The three models share the operations the importer needs; Prisma's delegates
// have distinct generated types, so they meet here under this small interface.
interface Delegate {
  findMany(args: { where: Record<string, unknown> }): Promise<Record<string, unknown>[]>;
  create(args: { data: Record<string, unknown> }): Promise<unknown>;
  update(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<unknown>;
}
type Tx = Pick<PrismaClient, "programme" | "activity" | "internshipSite" | "municipality">;

/** Every file's header: the columns, in the order the sample files use. */
export const COLUMNS: Record<CatalogueKind, readonly string[]> = {
  programmes: ["registry_number", "title", "provider", "kind", "hours", "format", "positions", "subjects", "levels", "competencies", "scope", "url", "starts", "ends", "status"],
  activities: ["id", "type", "title", "organizer", "competencies", "format", "hours", "positions", "subjects", "levels", "site", "url", "starts", "ends", "status"],
  sites: ["id", "name", "organization", "municipality", "competencies", "url"],
};

const spec = {
  programmes: { key: "registryNumber", schema: programmeRow, model: (p: Tx) => p.programme as unknown as Delegate },
  activities: { key: "id", schema: activityRow, model: (p: Tx) => p.activity as unknown as Delegate },
  sites: { key: "id", schema: siteRow, model: (p: Tx) => p.internshipSite as unknown as Delegate },
} as const;

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b)) || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));
}

/** Reads and checks a file without touching the database's data; throws ImportError listing every bad row. */
export async function readCatalogueFile(kind: CatalogueKind, file: string, vocabulary: Vocabulary, prisma: Tx) {
  const { key, schema } = spec[kind];
  const rowSchema = schema(vocabulary) as unknown as z.ZodType<Record<string, unknown>>;
  const table = await readTable(file);
  const errors: RowError[] = [];
  // The missing columns in one line (a header that fits nothing is a TableError).
  const missing = missingColumns(file, table, COLUMNS[kind]);
  if (missing.length) throw new ImportError(file, [{ row: table.headerRow, column: missing.join(", "), message: missing.length === 1 ? "the column is missing from the header" : "these columns are missing from the header" }]);

  const rows: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, column: String(issue.path[0] ?? "?"), message: issue.message });
      continue;
    }
    const id = String(parsed.data[key]);
    const first = seen.get(id);
    if (first !== undefined) errors.push({ row, column: key === "id" ? "id" : "registry_number", message: `repeats row ${first}` });
    else seen.set(id, row);
    rows.push({ ...parsed.data, _row: row });
  }

  // References to other tables.
  if (kind === "activities") {
    const sites = new Set((await prisma.internshipSite.findMany({ select: { id: true } })).map((s) => s.id));
    for (const r of rows) if (r.siteId && !sites.has(r.siteId as string)) errors.push({ row: r._row as number, column: "site", message: `no internship site "${r.siteId}" (import the sites first)` });
  }
  if (kind === "sites") {
    const places = new Set((await prisma.municipality.findMany({ select: { id: true } })).map((m) => m.id));
    for (const r of rows) if (r.municipalityId && !places.has(r.municipalityId as string)) errors.push({ row: r._row as number, column: "municipality", message: `no municipality "${r.municipalityId}" in the directory` });
  }
  if (errors.length) throw new ImportError(file, errors.sort((a, b) => a.row - b.row));
  return rows.map(({ _row, ...r }) => r);
}

export async function importCatalogue(
  prisma: PrismaClient,
  kind: CatalogueKind,
  file: string,
  vocabulary: Vocabulary,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const { key, model } = spec[kind];
  const rows = await readCatalogueFile(kind, file, vocabulary, prisma);
  const existing = new Map((await model(prisma).findMany({ where: { [key]: { in: rows.map((r) => r[key]) } } })).map((r) => [String(r[key]), r]));
  const created: Record<string, unknown>[] = [];
  const updated: Record<string, unknown>[] = [];
  for (const r of rows) {
    const old = existing.get(String(r[key]));
    if (!old) created.push(r);
    else if (Object.keys(r).some((k) => !same(r[k], old[k]))) updated.push(r);
  }
  const report: ImportReport = {
    kind,
    file,
    rows: rows.length,
    created: created.map((r) => String(r[key])),
    updated: updated.map((r) => String(r[key])),
    unchanged: rows.length - created.length - updated.length,
    dryRun: options.dryRun === true,
  };
  if (report.dryRun || created.length + updated.length === 0) return report;
  await prisma.$transaction(
    async (tx) => {
      const m = model(tx);
      for (const data of created) await m.create({ data });
      for (const { [key]: id, ...data } of updated) await m.update({ where: { [key]: id }, data });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}
