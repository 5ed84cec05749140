// XLSX of the efficiency indicators of the regional system: one sheet per level
// (region, municipalities, organizations) plus a notes sheet.
// Pure rendering: every user-facing text comes from the caller (already localized).
import ExcelJS from "exceljs";
import { printWide, withColumnBreaks } from "./sheet.ts";
import { INDICATORS, TARGETS, type IndicatorCode, type Share, type UnitIndicators } from "../core/indicators.ts";
import { sanitizeSheetName } from "./route-xlsx.ts";

export interface IndicatorsDocument {
  title: string;
  period: string;
  generatedAt: string;
  /** Region first, then municipalities, then organizations (as from allIndicators). */
  units: UnitIndicators[];
  /** Unit id → display name (region, municipality and organization ids). */
  names: Record<string, string>;
  /** Organization id → municipality display name. */
  municipalityOf: Record<string, string>;
  /** Short names of indicators 1–7. */
  indicatorNames: Record<IndicatorCode, string>;
  sheets: { region: string; municipalities: string; organizations: string; notes: string };
  columns: { unit: string; municipality: string; numerator: string; staff: string; staffShare: string; registered: string; registeredShare: string; target: string; met: string; value: string };
  yes: string;
  no: string;
  noData: string;
  /** Lines for the notes sheet (definitions, sources). */
  notes: string[];
}

type Col = keyof IndicatorsDocument["columns"];

/** The columns of one indicator's group; 7 is a number (teachers per methodist), not a share. */
const GROUP: readonly Col[] = ["numerator", "staff", "staffShare", "registered", "registeredShare", "target", "met"];
const GROUP_7: readonly Col[] = ["numerator", "value", "target", "met"];
const groupOf = (code: IndicatorCode): readonly Col[] => (code === 7 ? GROUP_7 : GROUP);
const WIDTHS: Record<Col, number> = {
  unit: 42, municipality: 28, numerator: 11, staff: 12, staffShare: 10, registered: 12, registeredShare: 10, target: 9, met: 9, value: 12,
};

const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const HEADER_ALIGN: Partial<ExcelJS.Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };
const PERCENT = "0.0%";
const H1 = 5; // indicator names (merged over their groups)
const H2 = 6; // column headers

function noData(doc: IndicatorsDocument, cell: ExcelJS.Cell): void {
  cell.value = doc.noData;
  cell.font = { italic: true, color: { argb: "FF808080" } };
  cell.alignment = { horizontal: "center", wrapText: true };
}

/** Fills the denominator and share cells: a formula with its cached result, or noData. */
function shareCells(doc: IndicatorsDocument, num: ExcelJS.Cell, den: ExcelJS.Cell, out: ExcelJS.Cell, s: Share): void {
  if (s.denominator === null) return noData(doc, out);
  den.value = s.denominator;
  const result = s.denominator > 0 ? s.numerator / s.denominator : "";
  out.value = { formula: `IF(${den.address}>0,${num.address}/${den.address},"")`, result };
  out.numFmt = PERCENT;
}

/** Builds a level's sheet; returns the columns after which a printed page breaks. */
function levelSheet(wb: ExcelJS.Workbook, doc: IndicatorsDocument, name: string, units: UnitIndicators[], withMunicipality: boolean): number[] {
  const ws = wb.addWorksheet(sanitizeSheetName(name));
  const lead: Col[] = withMunicipality ? ["unit", "municipality"] : ["unit"];
  const width = lead.length + INDICATORS.reduce((n, code) => n + groupOf(code).length, 0);

  ws.getCell(1, 1).value = doc.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = doc.period;
  ws.getCell(3, 1).value = doc.generatedAt;
  ws.getCell(3, 1).font = { italic: true, color: { argb: "FF808080" } };

  const header = (row: number, col: number, text: string): void => {
    const cell = ws.getCell(row, col);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = HEADER_ALIGN;
  };
  lead.forEach((key, i) => {
    ws.getColumn(i + 1).width = WIDTHS[key];
    header(H1, i + 1, doc.columns[key]);
    ws.mergeCells(H1, i + 1, H2, i + 1);
  });
  let col = lead.length + 1;
  const starts = new Map<IndicatorCode, number>();
  for (const code of INDICATORS) {
    const group = groupOf(code);
    starts.set(code, col);
    header(H1, col, `${code}. ${doc.indicatorNames[code]}`);
    ws.mergeCells(H1, col, H1, col + group.length - 1);
    group.forEach((key, i) => {
      ws.getColumn(col + i).width = WIDTHS[key];
      header(H2, col + i, doc.columns[key]);
    });
    col += group.length;
  }
  ws.getRow(H1).height = 48;
  ws.getRow(H2).height = 45;

  units.forEach((u, i) => {
    const row = ws.getRow(H2 + 1 + i);
    row.getCell(1).value = doc.names[u.id] ?? u.id;
    if (withMunicipality) row.getCell(2).value = doc.municipalityOf[u.id] ?? "";
    for (const code of INDICATORS) {
      const c = starts.get(code)!;
      const v = u.values[code];
      const cell = (k: Col): ExcelJS.Cell => row.getCell(c + groupOf(code).indexOf(k));
      cell("numerator").value = v.staff.numerator;
      if (code === 7) {
        const value = cell("value");
        if (v.value == null) noData(doc, value);
        else [value.value, value.numFmt] = [v.value, "0.0"];
      } else {
        shareCells(doc, cell("numerator"), cell("staff"), cell("staffShare"), v.staff);
        shareCells(doc, cell("numerator"), cell("registered"), cell("registeredShare"), v.registered);
      }
      const t = TARGETS[code];
      const target = cell("target");
      if (t?.min !== undefined) [target.value, target.numFmt] = [t.min, "0%"];
      else if (t?.max !== undefined) target.value = `≤ ${t.max}`;
      target.alignment = { horizontal: "right" };
      const met = cell("met");
      met.value = v.met === null ? "" : v.met ? doc.yes : doc.no;
      if (v.met !== null) met.font = { color: { argb: v.met ? "FF2E7D32" : "FFC62828" } };
      met.alignment = { horizontal: "center" };
    }
    row.getCell(1).alignment = { vertical: "top", wrapText: true };
  });

  for (let r = H1; r <= H2 + units.length; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      if (r <= H2) cell.fill = GREY;
    }
  }
  ws.views = [{ state: "frozen", xSplit: lead.length, ySplit: H2 }];
  // 47 columns on one page width are unreadable: the names and headers repeat on every
  // page, and a page breaks only between whole indicators.
  return printWide(ws, { from: H1, to: H2 }, lead.length, INDICATORS.map((code) => groupOf(code).map((k) => WIDTHS[k])));
}

export async function indicatorsWorkbook(doc: IndicatorsDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const of = (level: UnitIndicators["level"]) => doc.units.filter((u) => u.level === level);
  const breaks = new Map([
    [1, levelSheet(wb, doc, doc.sheets.region, of("region"), false)],
    [2, levelSheet(wb, doc, doc.sheets.municipalities, of("municipality"), false)],
    [3, levelSheet(wb, doc, doc.sheets.organizations, of("organization"), true)],
  ]);

  const notes = wb.addWorksheet(sanitizeSheetName(doc.sheets.notes));
  notes.getColumn(1).width = 120;
  notes.getCell(1, 1).value = doc.title;
  notes.getCell(1, 1).font = { bold: true, size: 14 };
  notes.getCell(2, 1).value = doc.period;
  doc.notes.forEach((text, i) => {
    const cell = notes.getCell(4 + i, 1);
    cell.value = text;
    cell.alignment = { vertical: "top", wrapText: true };
  });
  notes.pageSetup = { ...notes.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return withColumnBreaks(Buffer.from(await wb.xlsx.writeBuffer()), breaks);
}
