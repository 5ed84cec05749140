// Prisma CLI configuration. The CLI runs on the JavaScript engine with an embedded
// in-memory PostgreSQL (PGlite), so `prisma generate` and `prisma migrate diff`
// work offline without downloading a schema engine. The application never uses
// this file: it applies migrations itself (src/db/migrate.ts).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// A config file turns off .env loading; an unresolved env() would make the CLI
// fall back to downloading an engine.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/unused";

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  // The adapter's types come from an older @prisma/driver-adapter-utils; the interface is the same.
  adapter: async () => new PrismaPGlite(new PGlite()) as never,
});
