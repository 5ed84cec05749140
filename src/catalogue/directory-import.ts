// Imports the region's directory (municipalities and their organizations) from CSV
// or XLSX: one row per organization, the municipality's columns repeated on each of
// its rows. Every row is checked first (errors name the file's row, the column and
// the reason); then everything is written in one transaction or nothing. Rows are
// upserted by id, so importing the same file again changes nothing. An import adds
// and updates but never deletes: people refer to municipalities and organizations.
import { z } from "zod";
import type { PrismaClient } from "../db/database.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { ImportError, type RowError } from "./importer.ts";
import { missingColumns, readTable } from "./table.ts";

/** The directory file's header, in the order the sample file uses. */
export const DIRECTORY_COLUMNS = ["municipality_id", "municipality", "organization_id", "organization", "type", "teachers", "managers", "low_results"] as const;

export interface DirectoryImportReport {
  file: string;
  /** Data rows in the file: one per organization. */
  rows: number;
  municipalities: { created: string[]; updated: string[] };
  organizations: { created: string[]; updated: string[]; unchanged: number };
  dryRun: boolean;
}

type OrganizationType = "SCHOOL" | "KINDERGARTEN" | "COLLEGE" | "SUPPLEMENTARY";
const organizationTypes: Record<string, OrganizationType> = { school: "SCHOOL", kindergarten: "KINDERGARTEN", college: "COLLEGE", supplementary: "SUPPLEMENTARY" };
const yes = new Set(["yes", "true", "1", "да"]);
const no = new Set(["", "no", "false", "0", "нет"]);

const id = z.string().min(1, { error: "is empty", abort: true }).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be a-z, 0-9 and -, at most 40 characters, starting with a letter or digit");
const name = z.string().min(1, "is empty").max(200, "is longer than 200 characters");
// Teachers and managers are the denominators of the indicators: required.
const count = z
  .string()
  .min(1, { error: "is empty (required: the number is the denominator of the indicators)", abort: true })
  .regex(/^\d+$/, "must be a whole number, 0 or more")
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, "is too large");

const directoryRow = z
  .object({
    municipality_id: id,
    municipality: name,
    organization_id: id,
    organization: name,
    type: z
      .string()
      .refine((v) => v in organizationTypes, `must be one of: ${Object.keys(organizationTypes).join(", ")}`)
      .transform((v) => organizationTypes[v]!),
    teachers: count,
    managers: count,
    low_results: z
      .string()
      .transform((v) => v.toLowerCase())
      .refine((v) => yes.has(v) || no.has(v), "must be yes or no (also true/false, 1/0, да/нет; empty = no)")
      .transform((v) => yes.has(v)),
  })
  .transform((r) => ({
    municipality: { id: r.municipality_id, name: r.municipality },
    organization: {
      id: r.organization_id,
      municipalityId: r.municipality_id,
      name: r.organization,
      type: r.type,
      teachersCount: r.teachers,
      managersCount: r.managers,
      lowResults: r.low_results,
    },
  }));

// Checked on the cells by itself, so that it is reported together with any other error of the row.
const onlySchoolsHaveLowResults = z
  .object({ type: z.string(), low_results: z.string() })
  .refine((r) => !(r.type in organizationTypes && r.type !== "school" && yes.has(r.low_results.toLowerCase())), {
    path: ["low_results"],
    message: "only schools may have low results",
  });

type MunicipalityData = { id: string; name: string };
type OrganizationData = z.infer<typeof directoryRow>["organization"];

export interface DirectoryFile {
  rows: number;
  /** In the order of their first row. */
  municipalities: MunicipalityData[];
  organizations: OrganizationData[];
}

const columnOrder = (c: string) => {
  const i = (DIRECTORY_COLUMNS as readonly string[]).indexOf(c);
  return i < 0 ? DIRECTORY_COLUMNS.length : i;
};

/** Reads and checks a directory file without touching the database; throws ImportError listing every bad row. */
export async function readDirectoryFile(file: string): Promise<DirectoryFile> {
  const table = await readTable(file);
  const errors: RowError[] = [];
  // The missing columns in one line (a header that fits nothing is a TableError).
  const missing = missingColumns(file, table, DIRECTORY_COLUMNS);
  if (missing.length) throw new ImportError(file, [{ row: table.headerRow, column: missing.join(", "), message: missing.length === 1 ? "the column is missing from the header" : "these columns are missing from the header" }]);

  const municipalities = new Map<string, MunicipalityData & { row: number }>();
  const organizationRows = new Map<string, number>();
  const organizations: OrganizationData[] = [];
  for (const { row, values } of table.rows) {
    const parsed = directoryRow.safeParse(values);
    const rule = onlySchoolsHaveLowResults.safeParse(values);
    for (const result of [parsed, rule]) {
      if (!result.success) for (const issue of result.error.issues) errors.push({ row, column: String(issue.path[0] ?? "?"), message: issue.message });
    }
    // Consistency across rows is checked on the cells themselves, so that a row with
    // another error still counts (and fixing that error reveals no new ones).
    const municipalityId = values.municipality_id ?? "";
    const municipalityName = values.municipality ?? "";
    if (municipalityId && municipalityName) {
      const first = municipalities.get(municipalityId);
      if (!first) municipalities.set(municipalityId, { id: municipalityId, name: municipalityName, row });
      else if (first.name !== municipalityName)
        errors.push({ row, column: "municipality", message: `the municipality "${municipalityId}" is named "${first.name}" in row ${first.row}` });
    }
    const organizationId = values.organization_id ?? "";
    if (organizationId) {
      const first = organizationRows.get(organizationId);
      if (first !== undefined) errors.push({ row, column: "organization_id", message: `repeats row ${first}` });
      else organizationRows.set(organizationId, row);
    }
    if (parsed.success && rule.success) organizations.push(parsed.data.organization);
  }
  if (errors.length) throw new ImportError(file, errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column)));
  return {
    rows: table.rows.length,
    municipalities: [...municipalities.values()].map(({ id, name }) => ({ id, name })),
    organizations,
  };
}

type Db = Pick<PrismaClient | Prisma.TransactionClient, "municipality" | "organization">;

interface Plan {
  report: DirectoryImportReport;
  municipalities: { create: (MunicipalityData & { sortOrder: number })[]; update: MunicipalityData[] };
  organizations: { create: OrganizationData[]; update: OrganizationData[] };
}

const organizationFields = ["municipalityId", "name", "type", "teachersCount", "managersCount", "lowResults"] as const;

/** Compares the file with the database: what would be created and what updated. */
async function plan(db: Db, file: string, data: DirectoryFile, dryRun: boolean): Promise<Plan> {
  const existingMunicipalities = new Map(
    (await db.municipality.findMany({ where: { id: { in: data.municipalities.map((m) => m.id) } }, select: { id: true, name: true } })).map((m) => [m.id, m]),
  );
  const last = await db.municipality.aggregate({ _max: { sortOrder: true } });
  let sortOrder = last._max.sortOrder ?? -1;
  const municipalities: Plan["municipalities"] = { create: [], update: [] };
  for (const m of data.municipalities) {
    const old = existingMunicipalities.get(m.id);
    if (!old) municipalities.create.push({ ...m, sortOrder: ++sortOrder });
    else if (old.name !== m.name) municipalities.update.push(m);
  }

  const existingOrganizations = new Map(
    (await db.organization.findMany({ where: { id: { in: data.organizations.map((o) => o.id) } } })).map((o) => [o.id, o]),
  );
  const organizations: Plan["organizations"] = { create: [], update: [] };
  for (const o of data.organizations) {
    const old = existingOrganizations.get(o.id);
    if (!old) organizations.create.push(o);
    else if (organizationFields.some((f) => old[f] !== o[f])) organizations.update.push(o);
  }

  return {
    report: {
      file,
      rows: data.rows,
      municipalities: { created: municipalities.create.map((m) => m.id), updated: municipalities.update.map((m) => m.id) },
      organizations: {
        created: organizations.create.map((o) => o.id),
        updated: organizations.update.map((o) => o.id),
        unchanged: data.organizations.length - organizations.create.length - organizations.update.length,
      },
      dryRun,
    },
    municipalities,
    organizations,
  };
}

export async function importDirectory(prisma: PrismaClient, file: string, options: { dryRun?: boolean } = {}): Promise<DirectoryImportReport> {
  const data = await readDirectoryFile(file);
  if (options.dryRun === true) return (await plan(prisma, file, data, true)).report;
  // Compared and written in one transaction: all or nothing, against the state it writes over.
  return prisma.$transaction(
    async (tx) => {
      const p = await plan(tx, file, data, false);
      for (const m of p.municipalities.create) await tx.municipality.create({ data: m });
      for (const { id, name } of p.municipalities.update) await tx.municipality.update({ where: { id }, data: { name } });
      for (const o of p.organizations.create) await tx.organization.create({ data: o });
      for (const { id, ...o } of p.organizations.update) await tx.organization.update({ where: { id }, data: o });
      return p.report;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
