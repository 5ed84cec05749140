// `npm run migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the schema as committed (HEAD) to the schema in the working tree.
// (`prisma migrate dev` cannot run here: its shadow database needs the downloaded engine.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run migration:new -- <name in snake_case>");
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "../..");
const before = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
writeFileSync(before, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));
const sql = execFileSync(
  path.join(root, "node_modules/.bin/prisma"),
  ["migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === "") {
  console.error("The schema has not changed since HEAD: no migration written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Written ${path.relative(root, dir)}/migration.sql — read it, then commit it with the schema.`);
