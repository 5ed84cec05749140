// The shipped sample catalogue goes into a database that has none; an imported
// catalogue is never overwritten.
import { access } from "node:fs/promises";
import path from "node:path";
import type { Content } from "../content/load.ts";
import type { PrismaClient } from "../db/database.ts";
import { CATALOGUE_KINDS, importCatalogue, type ImportReport } from "./importer.ts";
import type { Vocabulary } from "./rows.ts";

export function vocabularyOf(content: Content): Vocabulary {
  return {
    competencies: new Set(content.instruments.flatMap((i) => i.groups.map((g) => g.code))),
    subjects: new Set(content.subjects.map((s) => s.code)),
  };
}

export async function seedCatalogueIfEmpty(prisma: PrismaClient, content: Content, contentDir: string): Promise<ImportReport[]> {
  if ((await prisma.programme.count()) + (await prisma.activity.count()) + (await prisma.internshipSite.count()) > 0) return [];
  const reports: ImportReport[] = [];
  for (const kind of CATALOGUE_KINDS) {
    const file = path.join(contentDir, "catalogue", `${kind}.csv`);
    if (await access(file).then(() => true, () => false)) reports.push(await importCatalogue(prisma, kind, file, vocabularyOf(content)));
  }
  return reports;
}
