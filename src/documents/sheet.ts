import type ExcelJS from "exceljs";

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
