// `npm run cli -- <command> [options]`: the coordinator's operations from a terminal
// (src/admin/cli.ts), run here or through the running bot (src/admin/run.ts).
import { HELP, parseCli } from "../admin/cli.ts";
import { runCommand } from "../admin/run.ts";

const args = process.argv.slice(2);
let help: boolean;
try {
  const { values, positionals } = parseCli(args);
  help = !!values.help || positionals.length === 0;
} catch (e) {
  console.error(`Error: ${(e as Error).message}`);
  process.exit(1);
}
if (help) console.log(HELP);
else await runCommand("cli", args, "Error: ");
