// Reads a CSV or XLSX file into rows keyed by the header's column names. Row
// numbers are the file's own (the header is row 1 of a spreadsheet; CSV rows
// count physical lines, comments included), so an error points at the right row.
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

async function readCsv(file: string): Promise<Table> {
  const text = await readFile(file, "utf8");
  const records = parse(text.replace(/^\uFEFF/, ""), {
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
  return {
    columns,
    headerRow: header.info.lines,
    rows: body.map(({ record, info }) => ({
      row: info.lines,
      values: Object.fromEntries(columns.map((c, i) => [c, (record[i] ?? "").trim()])),
    })),
  };
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
