// `npm run import -- <sites|programmes|activities|directory> FILE [--dry-run]`
// (src/admin/import.ts), run here or through the running bot (src/admin/run.ts).
import { IMPORT_USAGE, parseImport } from "../admin/import.ts";
import { runCommand } from "../admin/run.ts";

const args = process.argv.slice(2);
if (!parseImport(args)) {
  console.error(IMPORT_USAGE);
  process.exit(args.includes("--help") ? 0 : 1);
}
await runCommand("import", args, "");
