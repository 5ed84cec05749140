// `npm run import -- <sites|programmes|activities|directory> FILE [--dry-run]`
// Imports a catalogue file or the region's directory (CSV or XLSX) into the configured
// database. src/scripts/import.ts runs it.
import { DIRECTORY_COLUMNS, importDirectory } from "../catalogue/directory-import.ts";
import { CATALOGUE_KINDS, ImportError, importCatalogue, type CatalogueKind } from "../catalogue/importer.ts";
import { vocabularyOf } from "../catalogue/seed.ts";
import { TableError } from "../catalogue/table.ts";
import { ContentError } from "../content/load.ts";
import { DatabaseError } from "../db/database.ts";
import { directoryRepository } from "../repositories/directory.ts";
import { resolvePath, type CommandContext } from "./context.ts";

const KINDS = [...CATALOGUE_KINDS, "directory"] as const;

export const IMPORT_USAGE = `Usage: npm run import -- <${KINDS.join("|")}> FILE [--dry-run]
  FILE is .csv or .xlsx (first sheet), with a header row. A .csv may be UTF-8 (with or without
  a byte order mark) or Windows-1251, with ",", ";" or tabs between columns, as a spreadsheet
  saves it; lists inside a cell are separated by ";" (in quotes when ";" separates columns).
  Every row is checked first; with any error nothing is imported. Rows are matched by
  registry number (programmes) or id, so importing the same file again changes nothing.
  directory: one row per organization, columns ${DIRECTORY_COLUMNS.join(",")};
  it adds and updates municipalities and organizations, never deletes them.
  --dry-run  report what would change, write nothing.`;

/** The arguments, or null when they do not make a command (print the usage). */
export function parseImport(args: string[]): { kind: string; file: string; dryRun: boolean } | null {
  const dryRun = args.includes("--dry-run");
  const [kind, file, ...rest] = args.filter((a) => a !== "--dry-run");
  if (args.includes("--help") || !kind || !file || rest.length > 0 || !(KINDS as readonly string[]).includes(kind)) return null;
  return { kind, file, dryRun };
}

export async function runImport(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseImport(args);
  if (!parsed) {
    ctx.err(IMPORT_USAGE);
    return 1;
  }
  const { kind, dryRun } = parsed;
  const { db } = ctx;
  const file = resolvePath(ctx, parsed.file);
  try {
    const verb = dryRun ? "would be" : "";
    const line = (s: string) => ctx.out(s.replace(/ {2,}/g, " "));
    if (kind === "directory") {
      // No sample seeding here: the imported directory is the region's own (the bot seeds only an empty database).
      const r = await importDirectory(db.prisma, file, { dryRun });
      const m = r.municipalities;
      const o = r.organizations;
      line(`${r.file}: ${r.rows} rows; municipalities: created ${verb} ${m.created.length}, updated ${verb} ${m.updated.length}; organizations: created ${verb} ${o.created.length}, updated ${verb} ${o.updated.length}, unchanged ${o.unchanged}.`);
      if (m.created.length) ctx.out(`  new municipalities: ${m.created.join(", ")}`);
      if (m.updated.length) ctx.out(`  changed municipalities: ${m.updated.join(", ")}`);
      if (o.created.length) ctx.out(`  new organizations: ${o.created.join(", ")}`);
      if (o.updated.length) ctx.out(`  changed organizations: ${o.updated.join(", ")}`);
    } else {
      const content = await ctx.content();
      // Sites refer to municipalities: an empty database gets the directory first, as at the bot's start.
      await directoryRepository(db.prisma).seedIfEmpty(content.directory);
      const r = await importCatalogue(db.prisma, kind as CatalogueKind, file, vocabularyOf(content), { dryRun });
      line(`${r.file}: ${r.rows} rows; created ${verb} ${r.created.length}, updated ${verb} ${r.updated.length}, unchanged ${r.unchanged}.`);
      if (r.created.length) ctx.out(`  new: ${r.created.join(", ")}`);
      if (r.updated.length) ctx.out(`  changed: ${r.updated.join(", ")}`);
    }
    if (dryRun) ctx.out("Dry run: nothing was written.");
    return 0;
  } catch (e) {
    if (e instanceof ImportError || e instanceof TableError || e instanceof ContentError || e instanceof DatabaseError) {
      ctx.err(e.message);
      return 1;
    }
    throw e;
  }
}
