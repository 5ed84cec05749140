import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { routeWorkbook, type RouteDocument, type RouteDocumentItem } from "../../src/documents/route-xlsx.ts";

/** The first sheet's XML, as a previewer reads it. */
async function sheetXml(buffer: Buffer): Promise<string> {
  return (await JSZip.loadAsync(buffer)).file("xl/worksheets/sheet1.xml")!.async("string");
}

const COLUMNS: RouteDocument["columns"] = {
  n: "№", competency: "Компетенция", kind: "Вид", title: "Название", provider: "Организатор",
  format: "Формат", hours: "Часы", due: "Срок", status: "Статус", evidence: "Подтверждение",
};

const ITEMS: RouteDocumentItem[] = [
  {
    n: 1, competency: "Методические компетенции", kind: "Программа ПК (Федеральный реестр)", title: "Формирующее оценивание",
    provider: "ЦНППМ", format: "Дистанционно", hours: 36, due: new Date(Date.UTC(2026, 11, 15)), status: "выполнено",
    evidence: "Удостоверение № 123", url: "https://example.org/course/1",
  },
  {
    n: 2, competency: "Цифровые компетенции", kind: "Вебинар", title: "Цифровые инструменты урока",
    provider: "ИРО", format: "Дистанционно", hours: 2, due: new Date(Date.UTC(2027, 0, 20)), status: "Запланировано",
  },
  {
    n: 3, competency: "Психолого-педагогические компетенции", kind: "Семинар", title: "Работа с мотивацией",
    provider: "ЦНППМ", format: "Очно", hours: 6, due: new Date(Date.UTC(2027, 2, 1)), status: "В работе",
  },
];

function makeDoc(over: Partial<RouteDocument> = {}): RouteDocument {
  return {
    title: "Индивидуальный образовательный маршрут педагога",
    subtitle: "Черновик",
    details: [["ФИО", "Иванова Анна Петровна"], ["Должность", "Учитель"], ["Период", "01.09.2026 — 31.05.2027"]],
    diagnostic: { heading: "Профиль дефицитов", rows: [["Методические", 42, "Низкий"], ["Цифровые", 55, "Средний"]] },
    items: ITEMS,
    columns: COLUMNS,
    totalLabel: "Всего часов",
    doneHours: { label: "Выполнено часов", status: "выполнено" },
    unserved: { heading: "Не обеспечено каталогом", lines: ["Управленческие компетенции: нет программ"] },
    signatures: ["Педагог", "Методист"],
    sheetName: "Маршрут",
    locale: "ru",
    ...over,
  };
}

async function render(doc: RouteDocument): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await routeWorkbook(doc)) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

function rowOf(ws: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => { if (!found && row.getCell(1).value === text) found = row; });
  if (!found) throw new Error(`no row starting with ${text}`);
  return found;
}

function allTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
  return out;
}

const HEADER = [COLUMNS.n, COLUMNS.competency, COLUMNS.kind, COLUMNS.title, COLUMNS.provider, COLUMNS.format, COLUMNS.hours, COLUMNS.due, COLUMNS.status, COLUMNS.evidence];

describe("routeWorkbook", () => {
  it("renders title, header and every item row with typed values", async () => {
    const ws = await render(makeDoc());
    expect(ws.name).toBe("Маршрут");
    expect(ws.getCell("A1").value).toBe("Индивидуальный образовательный маршрут педагога");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);

    const header = rowOf(ws, COLUMNS.n);
    expect(HEADER.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADER);
    expect(header.getCell(1).font?.bold).toBe(true);

    ITEMS.forEach((item, i) => {
      const row = ws.getRow(header.number + 1 + i);
      expect(row.getCell(1).value).toBe(item.n);
      const title = row.getCell(4).value;
      if (item.url) expect(title).toEqual({ text: item.title, hyperlink: item.url });
      else expect(title).toBe(item.title);
      expect(row.getCell(7).value).toBe(item.hours);
      expect(typeof row.getCell(7).value).toBe("number");
      const due = row.getCell(8);
      expect(due.value).toBeInstanceOf(Date);
      expect((due.value as Date).getTime()).toBe(item.due.getTime());
      expect(due.numFmt).toBe("dd.mm.yyyy");
      expect(row.getCell(10).value).toBe(item.evidence ?? "");
      expect(row.getCell(4).border?.top?.style).toBe("thin");
    });
  });

  it("adds a SUM total with a cached result, unserved block and signatures", async () => {
    const ws = await render(makeDoc());
    const totalRow = rowOf(ws, "Всего часов");
    expect(totalRow.number).toBe(rowOf(ws, COLUMNS.n).number + ITEMS.length + 1);
    const total = totalRow.getCell(7).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toContain("SUM");
    expect(total.result).toBe(44);

    const texts = allTexts(ws);
    expect(texts).toContain("Не обеспечено каталогом");
    expect(texts).toContain("Управленческие компетенции: нет программ");
    expect(texts.some((t) => t.startsWith("Педагог ") && t.includes("____"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Методист ") && t.includes("____"))).toBe(true);
    expect(texts).toContain("Профиль дефицитов");
    expect(texts).toContain("Иванова Анна Петровна");
  });

  it("sets printable page setup", async () => {
    const ws = await render(makeDoc());
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it("uses dd/mm/yyyy for English documents", async () => {
    const ws = await render(makeDoc({ locale: "en" }));
    const header = rowOf(ws, COLUMNS.n);
    expect(ws.getRow(header.number + 1).getCell(8).numFmt).toBe("dd/mm/yyyy");
  });

  it("sanitizes forbidden characters and length of the sheet name", async () => {
    const ws = await render(makeDoc({ sheetName: "Маршрут [2026/27]: план*?\\ очень длинное имя" }));
    expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.name.startsWith("Маршрут")).toBe(true);
  });

  it("renders an empty route with a total of 0", async () => {
    const ws = await render(makeDoc({ items: [], unserved: undefined, signatures: undefined, diagnostic: undefined }));
    const header = rowOf(ws, COLUMNS.n);
    const totalRow = rowOf(ws, "Всего часов");
    expect(totalRow.number).toBe(header.number + 1);
    const v = totalRow.getCell(7).value;
    const result = typeof v === "object" && v !== null && "result" in v ? v.result : v;
    expect(result).toBe(0);
  });

  it("freezes only the rows above the table's header, with the header (issue 12, item 32)", async () => {
    const ws = await render(makeDoc({ subtitle: "Подтверждён педагогом 05.12.2026", approval: "Одобрен методистом 07.12.2026" }));
    const header = rowOf(ws, COLUMNS.n);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: header.number });
    expect(header.number).toBeLessThanOrEqual(4);
    expect(ws.getCell("A2").value).toBe("Подтверждён педагогом 05.12.2026");
    expect(ws.getCell("A3").value).toBe("Одобрен методистом 07.12.2026");
    // The person's details and the diagnostic follow the table.
    expect(rowOf(ws, "ФИО").number).toBeGreaterThan(rowOf(ws, "Всего часов").number);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header.number}:${header.number}`);
  });

  it("adds a completed-hours row that sums the done items, with its cached result", async () => {
    const ws = await render(makeDoc());
    const done = rowOf(ws, "Выполнено часов");
    expect(done.number).toBe(rowOf(ws, "Всего часов").number + 1);
    const v = done.getCell(7).value as ExcelJS.CellFormulaValue;
    expect(v.formula).toMatch(/^SUMIF\(I\d+:I\d+,"выполнено",G\d+:G\d+\)$/);
    expect(v.result).toBe(36);
    // Nothing done yet: the cached result is written as 0, not left out (ExcelJS reads a cached 0 back as
    // missing, so the sheet's XML is read).
    const xml = await sheetXml(await routeWorkbook(makeDoc({ items: ITEMS.map((it) => ({ ...it, status: "в плане" })) })));
    const formulas = [...xml.matchAll(/<c r="G\d+"[^>]*><f>(SUM[^<]*)<\/f>(?:<v>([^<]*)<\/v>)?<\/c>/g)].map((m) => [m[1]!.slice(0, 5), m[2]]);
    expect(formulas).toEqual([["SUM(G", "44"], ["SUMIF", "0"]]);
  });
});
