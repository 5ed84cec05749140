// `npm run import -- <sites|programmes|activities|directory> FILE [--dry-run]`
// Imports a catalogue file or the region's directory (CSV or XLSX) into the configured database.
import { ConfigError, loadConfig } from "../config.ts";
import { DIRECTORY_COLUMNS, importDirectory } from "../catalogue/directory-import.ts";
import { CATALOGUE_KINDS, ImportError, importCatalogue, type CatalogueKind } from "../catalogue/importer.ts";
import { vocabularyOf } from "../catalogue/seed.ts";
import { TableError } from "../catalogue/table.ts";
import { ContentError, loadContent } from "../content/load.ts";
import { DatabaseError, openDatabase } from "../db/database.ts";
import { directoryRepository } from "../repositories/directory.ts";

const KINDS = [...CATALOGUE_KINDS, "directory"] as const;

const usage = `Usage: npm run import -- <${KINDS.join("|")}> FILE [--dry-run]
  FILE is .csv (comma-separated, UTF-8, header row, lists separated by ";") or .xlsx (first sheet).
  Every row is checked first; with any error nothing is imported. Rows are matched by
  registry number (programmes) or id, so importing the same file again changes nothing.
  directory: one row per organization, columns ${DIRECTORY_COLUMNS.join(",")};
  it adds and updates municipalities and organizations, never deletes them.
  --dry-run  report what would change, write nothing.`;

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const [kind, file, ...rest] = args.filter((a) => a !== "--dry-run");
if (args.includes("--help") || !kind || !file || rest.length > 0 || !(KINDS as readonly string[]).includes(kind)) {
  console.error(usage);
  process.exit(args.includes("--help") ? 0 : 1);
}

try {
  process.loadEnvFile();
} catch {
  // No .env: the environment alone configures.
}

try {
  const config = loadConfig({ BOT_TOKEN: "0000000:the-importer-needs-no-token-xxxxxxxxxxxxxx", ...process.env });
  const db = await openDatabase(config);
  try {
    const verb = dryRun ? "would be" : "";
    const line = (s: string) => console.log(s.replace(/ {2,}/g, " "));
    if (kind === "directory") {
      // No sample seeding here: the imported directory is the region's own (the bot seeds only an empty database).
      const r = await importDirectory(db.prisma, file, { dryRun });
      const m = r.municipalities;
      const o = r.organizations;
      line(`${r.file}: ${r.rows} rows; municipalities: created ${verb} ${m.created.length}, updated ${verb} ${m.updated.length}; organizations: created ${verb} ${o.created.length}, updated ${verb} ${o.updated.length}, unchanged ${o.unchanged}.`);
      if (m.created.length) console.log(`  new municipalities: ${m.created.join(", ")}`);
      if (m.updated.length) console.log(`  changed municipalities: ${m.updated.join(", ")}`);
      if (o.created.length) console.log(`  new organizations: ${o.created.join(", ")}`);
      if (o.updated.length) console.log(`  changed organizations: ${o.updated.join(", ")}`);
    } else {
      const content = await loadContent(config.CONTENT_DIR);
      // Sites refer to municipalities: an empty database gets the directory first, as at the bot's start.
      await directoryRepository(db.prisma).seedIfEmpty(content.directory);
      const r = await importCatalogue(db.prisma, kind as CatalogueKind, file, vocabularyOf(content), { dryRun });
      line(`${r.file}: ${r.rows} rows; created ${verb} ${r.created.length}, updated ${verb} ${r.updated.length}, unchanged ${r.unchanged}.`);
      if (r.created.length) console.log(`  new: ${r.created.join(", ")}`);
      if (r.updated.length) console.log(`  changed: ${r.updated.join(", ")}`);
    }
    if (dryRun) console.log("Dry run: nothing was written.");
  } finally {
    await db.close();
  }
} catch (e) {
  if (e instanceof ImportError || e instanceof TableError || e instanceof ConfigError || e instanceof ContentError || e instanceof DatabaseError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
