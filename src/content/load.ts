// Content is data: instruments, the directory and the subjects are versioned JSON
// files under CONTENT_DIR, validated here at start. An error names the file and
// the item (or row) at fault.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Instrument } from "../core/instrument.ts";
import { directorySchema, instrumentSchema, subjectsSchema, type Directory, type Subject } from "./schemas.ts";

export class ContentError extends Error {}

export interface Content {
  instruments: Instrument[];
  directory: Directory;
  subjects: Subject[];
}

/** Names the offending element: `items[7] (subject-3) → options` rather than a bare path. */
function describe(data: unknown, issuePath: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (const key of issuePath) {
    node = node != null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const id = node != null && typeof node === "object" ? (node as { id?: unknown; code?: unknown }).id ?? (node as { code?: unknown }).code : undefined;
      parts[parts.length - 1] = `${parts.at(-1) ?? ""}[${key}]${typeof id === "string" ? ` (${id})` : ""}`;
    } else {
      parts.push(String(key));
    }
  }
  return parts.join(" → ") || "(top level)";
}

export async function parseContentFile<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw new ContentError(`${file}: ${e instanceof SyntaxError ? `not valid JSON: ${e.message}` : (e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(`${file}: ${describe(data, issue.path)}: ${issue.message}`);
  }
  return parsed.data;
}

export async function loadContent(dir: string): Promise<Content> {
  const instrumentDir = path.join(dir, "instruments");
  const files = (await readdir(instrumentDir)).filter((f) => f.endsWith(".json")).sort();
  const instruments: Instrument[] = [];
  for (const f of files) {
    const file = path.join(instrumentDir, f);
    const instrument = await parseContentFile(file, instrumentSchema);
    const clash = instruments.find((i) => i.id === instrument.id);
    if (clash) throw new ContentError(`${file}: id "${instrument.id}" is used by another instrument`);
    instruments.push(instrument);
  }
  if (instruments.length === 0) throw new ContentError(`${instrumentDir}: no instrument files (*.json)`);
  const directory = await parseContentFile(path.join(dir, "directory", "sample-region.json"), directorySchema);
  const { subjects } = await parseContentFile(path.join(dir, "subjects.json"), subjectsSchema);
  return { instruments, directory, subjects };
}
