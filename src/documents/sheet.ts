import type ExcelJS from "exceljs";
import JSZip from "jszip";

/** Landscape A4, fit to the page width, the header rows repeated on every printed page. */
export function printLandscape(ws: ExcelJS.Worksheet, headerFrom: number, headerTo: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerFrom}:${headerTo}`,
  };
}

/** Printable width of landscape A4 with Excel's default margins (0.7″ a side), in pixels at 96 dpi. */
export const A4_LANDSCAPE_PX = Math.floor((11.69 - 1.4) * 96);
/** Below this scale a printed table is too small to read. */
export const MIN_PRINT_SCALE = 60;

/** Pixels of a column of the given width in characters (Excel's own rule for its default font). */
export const columnPx = (width: number): number => Math.round(width * 7 + 5);

/**
 * Page setup for a wide table: landscape A4, the header rows and the lead columns
 * repeated on every page. When the whole width fits one page at a readable scale it
 * is fitted to the page width; otherwise it is printed at that scale, with a page
 * break only between whole column groups. Returns the columns (1-based) after which
 * a page breaks, for `withColumnBreaks` (ExcelJS cannot write column breaks).
 */
export function printWide(ws: ExcelJS.Worksheet, header: { from: number; to: number }, lead: number, groups: readonly (readonly number[])[]): number[] {
  const leadPx = Array.from({ length: lead }, (_, i) => columnPx(ws.getColumn(i + 1).width ?? 9)).reduce((a, b) => a + b, 0);
  const groupPx = groups.map((g) => g.reduce((s, w) => s + columnPx(w), 0));
  const totalPx = leadPx + groupPx.reduce((a, b) => a + b, 0);
  const room = (A4_LANDSCAPE_PX * 100) / MIN_PRINT_SCALE;
  const base = {
    ...ws.pageSetup,
    orientation: "landscape" as const,
    paperSize: 9,
    printTitlesRow: `${header.from}:${header.to}`,
    ...(lead > 0 ? { printTitlesColumn: `A:${ws.getColumn(lead).letter}` } : {}),
  };
  if (totalPx <= room) {
    ws.pageSetup = { ...base, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    return [];
  }
  // Excel ignores manual breaks when fitting to pages: a fixed scale instead.
  ws.pageSetup = { ...base, fitToPage: false, scale: MIN_PRINT_SCALE };
  const breaks: number[] = [];
  let col = lead;
  let used = leadPx;
  groupPx.forEach((px, i) => {
    if (used > leadPx && used + px > room) {
      breaks.push(col);
      used = leadPx;
    }
    used += px;
    col += groups[i]!.length;
  });
  return breaks;
}

/**
 * Writes manual column page breaks into a finished workbook: `breaks` maps a sheet's
 * position (1-based, as in xl/worksheets/sheetN.xml) to the columns after which a page breaks.
 */
export async function withColumnBreaks(buffer: Buffer, breaks: ReadonlyMap<number, readonly number[]>): Promise<Buffer> {
  if ([...breaks.values()].every((b) => b.length === 0)) return buffer;
  const zip = await JSZip.loadAsync(buffer);
  for (const [sheet, cols] of breaks) {
    if (cols.length === 0) continue;
    const path = `xl/worksheets/sheet${sheet}.xml`;
    const xml = await zip.file(path)!.async("string");
    const element = `<colBreaks count="${cols.length}" manualBreakCount="${cols.length}">${cols.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("")}</colBreaks>`;
    // The schema's order: … pageSetup, headerFooter, rowBreaks, colBreaks, customProperties, … drawing …
    const after = [/<\/rowBreaks>/, /<headerFooter[^>]*\/>|<\/headerFooter>/, /<pageSetup[^>]*\/>/, /<pageMargins[^>]*\/>/].find((re) => re.test(xml));
    if (!after) throw new Error(`${path}: no place for column breaks`);
    zip.file(path, xml.replace(after, (m) => m + element));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
