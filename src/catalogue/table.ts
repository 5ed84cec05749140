// Reads a CSV or XLSX file into rows keyed by the header's column names. Row
// numbers are the file's own (the header is row 1 of a spreadsheet; CSV rows
// count physical lines, comments included), so an error points at the right row.
// A CSV may be UTF-8 (with or without a byte order mark), UTF-16 or Windows-1251,
// with commas, semicolons or tabs between columns, as spreadsheets save it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export interface TableRow {
  row: number;
  values: Record<string, string>;
}

export interface Table {
  columns: string[];
  /** The row the header stands in (after any comment lines of a CSV). */
  headerRow: number;
  rows: TableRow[];
  /** For a CSV file: the encoding and the separator it was read with. */
  csv?: CsvFormat;
}

export class TableError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
  }
  return String(value);
}

/** How a CSV file was read: what a spreadsheet saved it with. */
export interface CsvFormat {
  encoding: "UTF-8" | "Windows-1251" | "UTF-16";
  delimiter: "," | ";" | "\t";
}

const DELIMITER_NAMES: Record<CsvFormat["delimiter"], string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

/**
 * The text of a CSV file: UTF-8 with or without a byte order mark, UTF-16 with one, or
 * else Windows-1251 (what a Russian Excel saves as «CSV (разделители — запятые)»).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvFormat["encoding"] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1251").decode(body), encoding: "Windows-1251" };
  }
}

/**
 * The column separator, read from the header (the first line that is neither empty nor a
 * comment): the most frequent of "," ";" and tab outside quotes; "," when none is there.
 * Lists inside cells are separated by ";" too, but the header has no lists.
 */
export function detectDelimiter(text: string): CsvFormat["delimiter"] {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== "" && !l.startsWith("#")) ?? "";
  const counts: Record<CsvFormat["delimiter"], number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as CsvFormat["delimiter"]]++;
  }
  return ([";", "\t"] as const).reduce<CsvFormat["delimiter"]>((best, d) => (counts[d] > counts[best] ? d : best), ",");
}

async function readCsv(file: string): Promise<Table> {
  const { text, encoding } = decodeCsv(await readFile(file));
  const delimiter = detectDelimiter(text);
  const records = parse(text, {
    delimiter,
    comment: "#",
    comment_no_infix: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    trim: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = records;
  if (!header) throw new TableError(`${file}: the file is empty`);
  const columns = header.record.map((c) => c.trim());
  const csv = { encoding, delimiter };
  // More filled cells than the header has columns: the row's cells would shift silently.
  for (const { record, info } of body) {
    const filled = record.reduce((last, cell, i) => (cell.trim() === "" ? last : i + 1), 0);
    if (filled > columns.length) {
      const hint = delimiter === ";" ? '; with ";" between columns, a list inside a cell must be in quotes ("math;physics")' : "";
      throw new TableError(`${file}, row ${info.lines}: ${filled} cells, but the header has ${columns.length} columns${hint} (${describeCsv(csv)})`);
    }
  }
  return {
    columns,
    headerRow: header.info.lines,
    rows: body.map(({ record, info }) => ({
      row: info.lines,
      values: Object.fromEntries(columns.map((c, i) => [c, (record[i] ?? "").trim()])),
    })),
    csv,
  };
}

const describeCsv = (f: CsvFormat) => `read as ${f.encoding}, columns separated by ${DELIMITER_NAMES[f.delimiter]}`;

/**
 * The expected columns missing from the header. A header with none of them is not this
 * file's header at all: that is one line saying what was found and how the file was read,
 * instead of a line per missing column.
 */
export function missingColumns(file: string, table: Table, expected: readonly string[]): string[] {
  const missing = expected.filter((c) => !table.columns.includes(c));
  if (missing.length < expected.length) return missing;
  const found = table.columns.filter(Boolean);
  const what =
    found.length <= 1
      ? `it has a single column "${(found[0] ?? "").slice(0, 80)}" (columns must be separated by commas, semicolons or tabs)`
      : `it has ${found.slice(0, 5).map((c) => `"${c.slice(0, 40)}"`).join(", ")}${found.length > 5 ? ", …" : ""}`;
  const how = table.csv ? `; ${describeCsv(table.csv)}` : "";
  throw new TableError(`${file}, row ${table.headerRow}: not the header this import needs: none of the columns ${expected.join(", ")}; ${what}${how}`);
}

async function readXlsx(file: string): Promise<Table> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new TableError(`${file}: the workbook has no sheets`);
  const columns = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
  const rows: TableRow[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const values = Object.fromEntries(columns.map((c, i) => [c, cellText(r.getCell(i + 1).value).trim()]));
    if (Object.values(values).some((v) => v !== "")) rows.push({ row: n, values });
  });
  return { columns, headerRow: 1, rows };
}

export async function readTable(file: string): Promise<Table> {
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === ".csv") return await readCsv(file);
    if (ext === ".xlsx") return await readXlsx(file);
  } catch (e) {
    if (e instanceof TableError) throw e;
    throw new TableError(`${file}: cannot read: ${(e as Error).message}`);
  }
  throw new TableError(`${file}: expected a .csv or .xlsx file`);
}
