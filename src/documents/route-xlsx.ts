// Printable XLSX of a teacher's individual educational route (ИОМ).
// Pure rendering: every user-facing text comes from the caller (already localized).
import ExcelJS from "exceljs";
import { printLandscape } from "./sheet.ts";

export interface RouteDocumentItem {
  n: number; // 1-based
  competency: string;
  kind: string;
  title: string;
  provider: string;
  format: string;
  hours: number;
  due: Date; // UTC midnight
  status: string;
  evidence?: string; // certificate number or a short reflection
  url?: string;
}

export interface RouteDocument {
  title: string;
  /** The route's state: a draft, or the teacher's own confirmation with its date. */
  subtitle?: string;
  /** The methodist's approval, when there is one: a line of its own. */
  approval?: string;
  details: [label: string, value: string][];
  diagnostic?: { heading: string; rows: [group: string, score: number, level: string][] };
  items: RouteDocumentItem[];
  columns: { n: string; competency: string; kind: string; title: string; provider: string; format: string; hours: string; due: string; status: string; evidence: string };
  totalLabel: string;
  /** The completed-hours row: its label, and the status text of a done item. */
  doneHours?: { label: string; status: string };
  unserved?: { heading: string; lines: string[] };
  signatures?: string[];
  sheetName: string; // max 31 chars, no []:*?/\
  locale: "ru" | "en";
}

type ColumnKey = keyof RouteDocument["columns"];

const COLUMNS: readonly [key: ColumnKey, width: number][] = [
  ["n", 5], ["competency", 22], ["kind", 20], ["title", 48], ["provider", 30],
  ["format", 14], ["hours", 8], ["due", 12], ["status", 14], ["evidence", 26],
];
const WIDTH = COLUMNS.length;
const HOURS_COL = COLUMNS.findIndex(([key]) => key === "hours") + 1;
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const TOP_WRAP: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };

/** Excel forbids []:*?/\ and leading/trailing apostrophes, and caps names at 31 chars. */
export function sanitizeSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim().slice(0, 31).trim();
  return clean === "" ? "1" : clean;
}

export async function routeWorkbook(doc: RouteDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sanitizeSheetName(doc.sheetName));
  COLUMNS.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  const dateFmt = doc.locale === "ru" ? "dd.mm.yyyy" : "dd/mm/yyyy";

  let r = 0;
  /** Adds a row; `spans` merges cell i across spans[i] columns (default 1). */
  const line = (values: ExcelJS.CellValue[], spans: number[] = [], bold = false): ExcelJS.Row => {
    const row = ws.getRow(++r);
    let col = 1;
    values.forEach((value, i) => {
      const span = spans[i] ?? 1;
      const cell = row.getCell(col);
      cell.value = value;
      cell.alignment = TOP_WRAP;
      if (bold) cell.font = { bold: true };
      if (span > 1) ws.mergeCells(r, col, r, col + span - 1);
      col += span;
    });
    return row;
  };

  // Above the table only the title and the route's state: the frozen rows stay few.
  line([doc.title], [WIDTH]).getCell(1).font = { bold: true, size: 14 };
  if (doc.subtitle) line([doc.subtitle], [WIDTH]).getCell(1).font = { italic: true };
  if (doc.approval) line([doc.approval], [WIDTH]).getCell(1).font = { italic: true };

  const header = line(COLUMNS.map(([key]) => doc.columns[key]), [], true);
  const headerRow = r;
  header.eachCell((cell) => { cell.fill = GREY; cell.border = THIN; });

  for (const it of doc.items) {
    const title: ExcelJS.CellValue = it.url ? { text: it.title, hyperlink: it.url } : it.title;
    const row = line([it.n, it.competency, it.kind, title, it.provider, it.format, it.hours, it.due, it.status, it.evidence ?? ""]);
    row.eachCell((cell) => (cell.border = THIN));
    row.getCell(COLUMNS.findIndex(([key]) => key === "due") + 1).numFmt = dateFmt;
    if (it.url) row.getCell(4).font = { color: { argb: "FF0563C1" }, underline: true };
  }

  const sum = doc.items.reduce((acc, it) => acc + it.hours, 0);
  const hoursLetter = ws.getColumn(HOURS_COL).letter;
  const total: ExcelJS.CellValue = doc.items.length > 0
    ? { formula: `SUM(${hoursLetter}${headerRow + 1}:${hoursLetter}${r})`, result: sum }
    : 0;
  const totalRow = line([doc.totalLabel, total], [HOURS_COL - 1, 1], true);
  for (let c = 1; c <= HOURS_COL; c++) totalRow.getCell(c).border = THIN;
  if (doc.doneHours) {
    const { label, status } = doc.doneHours;
    const done = doc.items.filter((it) => it.status === status).reduce((acc, it) => acc + it.hours, 0);
    const statusLetter = ws.getColumn(COLUMNS.findIndex(([key]) => key === "status") + 1).letter;
    const range = (letter: string) => `${letter}${headerRow + 1}:${letter}${headerRow + doc.items.length}`;
    const value: ExcelJS.CellValue = doc.items.length > 0
      ? { formula: `SUMIF(${range(statusLetter)},"${status.replaceAll('"', '""')}",${range(hoursLetter)})`, result: done }
      : 0;
    const doneRow = line([label, value], [HOURS_COL - 1, 1], true);
    for (let c = 1; c <= HOURS_COL; c++) doneRow.getCell(c).border = THIN;
  }

  // Who and why, below the table.
  r++;
  for (const [label, value] of doc.details) line([label, value], [2, WIDTH - 2]).getCell(1).font = { bold: true };
  if (doc.diagnostic) {
    r++;
    line([doc.diagnostic.heading], [WIDTH], true);
    for (const [group, score, level] of doc.diagnostic.rows) line([group, score, level], [2, 1, 2]);
  }

  if (doc.unserved) {
    r++;
    line([doc.unserved.heading], [WIDTH], true);
    for (const text of doc.unserved.lines) line([text], [WIDTH]);
  }
  if (doc.signatures?.length) {
    r++;
    for (const label of doc.signatures) { r++; line([`${label} ____________ / ____________ /`], [5]); }
  }

  ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow }];
  printLandscape(ws, headerRow, headerRow);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
