// Files as a Russian Excel saves them: «CSV (разделители — запятые)» is Windows-1251 with
// ";" between columns (cells holding ";" or quotes are quoted); «CSV UTF-8» is the same
// with a byte order mark and UTF-8.
import { parse } from "csv-parse/sync";

const CP1251: Map<string, number> = (() => {
  const decoder = new TextDecoder("windows-1251");
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(decoder.decode(Uint8Array.of(b)), b);
  return map;
})();

/** Windows-1251 bytes of a text; a character the code page lacks fails the test that uses it. */
export function encodeCp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const b = CP1251.get(ch);
      if (b === undefined) throw new Error(`not in Windows-1251: ${JSON.stringify(ch)}`);
      return b;
    }),
  );
}

/** A comma-separated text (comment lines kept) re-written with ";" between columns, quoting as Excel does. */
export function toSemicolons(csv: string): string {
  return csv
    .split("\n")
    .map((line) => {
      if (line === "" || line.startsWith("#")) return line;
      const [cells] = parse(line, { relax_column_count: true }) as string[][];
      return cells!.map((c) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(";");
    })
    .join("\r\n");
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
