// Every message exists in both languages, with the same variables, and every key
// the code uses is defined.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function messages(locale: string): Promise<Map<string, Set<string>>> {
  const text = await readFile(path.join(ROOT, "locales", `${locale}.ftl`), "utf8");
  const result = new Map<string, Set<string>>();
  let current: string | undefined;
  for (const line of text.split("\n")) {
    const head = /^([a-z][a-z0-9_-]*) =/.exec(line);
    if (head) result.set((current = head[1]!), new Set());
    else if (!/^\s/.test(line)) current = undefined;
    if (current) for (const m of line.matchAll(/\{ \$([a-z]+)/g)) result.get(current)!.add(m[1]!);
  }
  return result;
}

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(entries.filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated")).map((e) => readFile(path.join(e.parentPath, e.name), "utf8")));
}

describe("locales", async () => {
  const ru = await messages("ru");
  const en = await messages("en");

  it("have the same messages with the same variables", () => {
    expect([...en.keys()].sort()).toEqual([...ru.keys()].sort());
    for (const [key, vars] of ru) expect([...en.get(key)!].sort(), key).toEqual([...vars].sort());
  });

  it("define every key the code asks for by name", async () => {
    const code = (await sources(path.join(ROOT, "src"))).join("\n");
    // ctx.t("key", …) and i18n.t(locale, "key", …); the locale argument is not a key.
    const locales = new Set(["ru", "en"]);
    const direct = [...code.matchAll(/\bt\("([a-z][a-z0-9-]+)"/g)].map((m) => m[1]!).filter((k) => !locales.has(k));
    const withLocale = [...code.matchAll(/\.t\((?:"[a-z]{2}"|LOCALE|locale), "([a-z][a-z0-9-]+)"/g)].map((m) => m[1]!);
    const used = new Set([...direct, ...withLocale]);
    const missing = [...used].filter((k) => !ru.has(k));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });
});
