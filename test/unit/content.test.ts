import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadContent } from "../../src/content/load.ts";
import { cb } from "../../src/bot/callback-data.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");

async function brokenCopy(file: string, edit: (json: any) => void): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "content-"));
  await cp(CONTENT, dir, { recursive: true });
  const target = path.join(dir, file);
  const json = JSON.parse(await readFile(target, "utf8"));
  edit(json);
  await writeFile(target, JSON.stringify(json));
  return dir;
}

describe("shipped content", async () => {
  const content = await loadContent(CONTENT);
  const teacher = content.instruments.find((i) => i.id === "teacher")!;
  const manager = content.instruments.find((i) => i.id === "manager")!;

  it("has the teacher instrument over the five competency groups of the regulations, 5+ items each, scales and cases mixed", () => {
    expect(teacher.groups.map((g) => g.code)).toEqual(["subject", "methodological", "psychological", "communicative", "digital"]);
    for (const g of teacher.groups) {
      const items = teacher.items.filter((i) => i.group === g.code);
      expect(items.length).toBeGreaterThanOrEqual(5);
      expect(new Set(items.map((i) => i.type))).toEqual(new Set(["scale", "case"]));
    }
    expect(teacher.audience).toEqual(["TEACHER"]);
  });

  it("has the managers' instrument: management, quality management, team development, 15+ items", () => {
    expect(manager.groups.map((g) => g.code)).toEqual(["management", "quality", "team"]);
    expect(manager.items.length).toBeGreaterThanOrEqual(15);
    expect(manager.audience.sort()).toEqual(["DEPUTY", "HEAD", "UNIT_HEAD"]);
  });

  it("gives every case exactly one best answer", () => {
    for (const item of [...teacher.items, ...manager.items]) {
      if (item.type !== "case") continue;
      const best = Math.max(...item.options.map((o) => o.score));
      expect(item.options.filter((o) => o.score === best), item.id).toHaveLength(1);
    }
  });

  it("has a sample directory long enough to need search, and subjects", () => {
    expect(content.directory.sample).toBe(true);
    expect(content.directory.municipalities.length).toBeGreaterThan(8);
    expect(content.directory.municipalities.every((m) => m.organizations.length > 0)).toBe(true);
    expect(content.subjects.length).toBeGreaterThan(10);
  });

  it("keeps every button's callback data within Telegram's 64 bytes", () => {
    const ids = content.directory.municipalities.flatMap((m) => [m.id, ...m.organizations.map((o) => o.id)]);
    const data = [
      ...ids.flatMap((id) => [cb.profile("mun", id), cb.profile("org", id)]),
      ...content.subjects.map((s) => cb.profile("subj", s.code)),
      cb.answer(999_999_999, 999, "pause"),
      cb.menu("edit-profile"),
    ];
    for (const d of data) expect(Buffer.byteLength(d), d).toBeLessThanOrEqual(64);
  });
});

describe("content validation", () => {
  it("names the file and the item at fault", async () => {
    const dir = await brokenCopy("instruments/teacher.json", (j) => {
      j.items[8].options = [{ text: { ru: "Единственный" }, score: 1 }];
    });
    const error = await loadContent(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/instruments\/teacher\.json: items\[8\] \(methodological-4\) → options: /);
  });

  it("refuses an item of an unknown group", async () => {
    const dir = await brokenCopy("instruments/manager.json", (j) => {
      j.items[0].group = "nonexistent";
    });
    await expect(loadContent(dir)).rejects.toThrow(/manager\.json: items\[0\] \(management-1\) → group: unknown group "nonexistent"/);
  });

  it("refuses duplicate directory ids, naming the row", async () => {
    const dir = await brokenCopy("directory/sample-region.json", (j) => {
      j.municipalities[1].organizations[0].id = j.municipalities[0].organizations[0].id;
    });
    await expect(loadContent(dir)).rejects.toThrow(/sample-region\.json: municipalities\[1\] \(\w+\) → organizations\[0\] \([\w-]+\) → id: duplicate id/);
  });

  it("reports a file that is not JSON", async () => {
    const dir = await brokenCopy("subjects.json", () => undefined);
    await writeFile(path.join(dir, "subjects.json"), "{ not json");
    await expect(loadContent(dir)).rejects.toThrow(/subjects\.json: not valid JSON/);
  });
});
