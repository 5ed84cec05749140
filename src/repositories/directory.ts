import type { Directory } from "../content/schemas.ts";
import type { PrismaClient } from "../db/database.ts";

export interface Place {
  id: string;
  name: string;
}

export function directoryRepository(prisma: PrismaClient) {
  return {
    /** Loads the shipped directory into an empty database; an imported directory is never overwritten. */
    async seedIfEmpty(directory: Directory): Promise<boolean> {
      if ((await prisma.municipality.count()) > 0) return false;
      await prisma.$transaction([
        prisma.municipality.createMany({
          data: directory.municipalities.map((m, i) => ({ id: m.id, name: m.name, sortOrder: i })),
        }),
        prisma.organization.createMany({
          data: directory.municipalities.flatMap((m) =>
            m.organizations.map((o) => ({
              id: o.id,
              municipalityId: m.id,
              name: o.name,
              type: o.type,
              teachersCount: o.teachers ?? null,
              managersCount: o.managers ?? null,
              lowResults: o.lowResults,
            })),
          ),
        }),
      ]);
      return true;
    },

    municipalities(query?: string): Promise<Place[]> {
      return prisma.municipality.findMany({
        where: query ? { name: { contains: query, mode: "insensitive" } } : {},
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true },
      });
    },

    municipality(id: string): Promise<Place | null> {
      return prisma.municipality.findUnique({ where: { id }, select: { id: true, name: true } });
    },

    organizations(municipalityId: string, query?: string): Promise<Place[]> {
      return prisma.organization.findMany({
        where: { municipalityId, ...(query ? { name: { contains: query, mode: "insensitive" } } : {}) },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      });
    },

    organization(id: string) {
      return prisma.organization.findUnique({ where: { id }, select: { id: true, name: true, municipalityId: true } });
    },
  };
}

export type DirectoryRepository = ReturnType<typeof directoryRepository>;
