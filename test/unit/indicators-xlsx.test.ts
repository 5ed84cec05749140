import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { allIndicators, type IndicatorCode, type PersonFacts, type StaffUnit } from "../../src/core/indicators.ts";
import { indicatorsWorkbook, type IndicatorsDocument } from "../../src/documents/indicators-xlsx.ts";

const person = (personId: number, organizationId: string, municipalityId: string, over: Partial<PersonFacts> = {}): PersonFacts => ({
  personId, organizationId, municipalityId, manager: false, young: false, diagnosed: false, routed: false,
  registerProgrammeDone: false, qualityProgrammeDone: false, mentored: false, ...over,
});

// Region R; municipality M1 (O1, O2) and M2 (O3, whose managers are unknown).
const PEOPLE: PersonFacts[] = [
  person(1, "O1", "M1", { diagnosed: true, routed: true, registerProgrammeDone: true, young: true, mentored: true }),
  person(2, "O1", "M1", { diagnosed: true, young: true }),
  person(3, "O1", "M1", { manager: true, qualityProgrammeDone: true }),
  person(4, "O2", "M1", { registerProgrammeDone: true }),
  person(5, "O3", "M2", { registerProgrammeDone: true, diagnosed: true }),
];
const STAFF: StaffUnit[] = [
  { organizationId: "O1", municipalityId: "M1", teachers: 10, managers: 2 },
  { organizationId: "O2", municipalityId: "M1", teachers: 5, managers: 1 },
  { organizationId: "O3", municipalityId: "M2", teachers: 5, managers: null },
];
const UNITS = allIndicators(
  "R", PEOPLE, STAFF,
  [{ methodistId: 1, municipalityId: null, caseload: 20 }, { methodistId: 2, municipalityId: "M1", caseload: 200 }],
  [{ provider: "ЦНППМ", register: 3, other: 1 }],
);

const INDICATOR_NAMES: Record<IndicatorCode, string> = {
  1: "Диагностика", 2: "ИОМ", 3: "Программы реестра", 4: "Управленцы", 5: "Наставничество", 6: "Доля программ реестра", 7: "Педагогов на методиста",
};
const COLUMNS: IndicatorsDocument["columns"] = {
  unit: "Единица", municipality: "Муниципалитет", numerator: "Число", staff: "Штат", staffShare: "Доля от штата",
  registered: "В боте", registeredShare: "Доля от бота", target: "Цель", met: "Достигнута", value: "Значение",
};
const NOTES = ["Штат — по данным справочника организаций.", "Показатель 7 — педагогов на одного методиста."];

const DOC: IndicatorsDocument = {
  title: "Показатели эффективности региональной системы НМС",
  period: "01.01.2026 – 31.12.2026",
  generatedAt: "23.11.2026 09:00",
  units: UNITS,
  names: { R: "Энская область", M1: "Город А", M2: "Район Б", O1: "Школа № 1", O2: "Школа № 2", O3: "Гимназия" },
  municipalityOf: { O1: "Город А", O2: "Город А", O3: "Район Б" },
  indicatorNames: INDICATOR_NAMES,
  sheets: { region: "Регион", municipalities: "Муниципалитеты", organizations: "Организации", notes: "Пояснения" },
  columns: COLUMNS,
  yes: "да", no: "нет", noData: "нет данных",
  notes: NOTES,
};

async function load(doc: IndicatorsDocument = DOC): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await indicatorsWorkbook(doc)) as unknown as ExcelJS.Buffer);
  return wb;
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** The row whose first cell names the unit. */
function rowOf(ws: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => { if (!found && row.getCell(1).text === name) found = row; });
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

/** Column of `key` within the group headed by indicator `code` (found by the headers, not by position). */
function colOf(ws: ExcelJS.Worksheet, code: IndicatorCode, key: keyof IndicatorsDocument["columns"]): number {
  let headerRow = 0;
  ws.eachRow((row, n) => { if (!headerRow && row.values && (row.values as unknown[]).some((v) => typeof v === "string" && v.includes(INDICATOR_NAMES[code]))) headerRow = n; });
  const groups = ws.getRow(headerRow);
  const heads = ws.getRow(headerRow + 1);
  for (let c = 1; c <= ws.columnCount; c++) {
    if (groups.getCell(c).text.includes(INDICATOR_NAMES[code]) && heads.getCell(c).text === COLUMNS[key]) return c;
  }
  throw new Error(`no column ${key} for indicator ${code}`);
}

const formulaOf = (cell: ExcelJS.Cell) => cell.value as ExcelJS.CellFormulaValue;

describe("indicatorsWorkbook", () => {
  it("has a sheet per level and a notes sheet, in order", async () => {
    const wb = await load();
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Регион", "Муниципалитеты", "Организации", "Пояснения"]);
    const region = sheet(wb, "Регион");
    expect(region.getCell(1, 1).text).toBe(DOC.title);
    expect(region.getCell(2, 1).text).toBe(DOC.period);
  });

  it("gives the share against staff as a formula with a cached result", async () => {
    const ws = sheet(await load(), "Регион");
    const row = rowOf(ws, "Энская область");
    const num = row.getCell(colOf(ws, 3, "numerator"));
    const den = row.getCell(colOf(ws, 3, "staff"));
    const share = row.getCell(colOf(ws, 3, "staffShare"));
    expect(num.value).toBe(3); // teachers 1, 4 and 5 completed a register programme
    expect(den.value).toBe(20); // 10 + 5 + 5 staff teachers
    const f = formulaOf(share);
    expect(f.formula).toBe(`IF(${den.address}>0,${num.address}/${den.address},"")`);
    expect(f.result).toBeCloseTo(3 / 20);
    expect(share.numFmt).toBe("0.0%");
    // against the 4 registered teachers
    const reg = row.getCell(colOf(ws, 3, "registered"));
    expect(reg.value).toBe(4);
    expect(formulaOf(row.getCell(colOf(ws, 3, "registeredShare"))).result).toBeCloseTo(3 / 4);
    expect(row.getCell(colOf(ws, 3, "target")).value).toBe(0.3);
  });

  it("leaves an unknown staff denominator empty and says there is no data", async () => {
    const ws = sheet(await load(), "Регион");
    const row = rowOf(ws, "Энская область");
    // managers of O3 are unknown, so the region's staff managers are unknown
    expect(row.getCell(colOf(ws, 4, "staff")).value).toBeNull();
    expect(row.getCell(colOf(ws, 4, "staffShare")).value).toBe("нет данных");
    expect(row.getCell(colOf(ws, 4, "registered")).value).toBe(1);
    expect(formulaOf(row.getCell(colOf(ws, 4, "registeredShare"))).result).toBe(1);
    // 5 has no staff denominator at all
    expect(row.getCell(colOf(ws, 5, "staffShare")).value).toBe("нет данных");
  });

  it("keeps the formula for a zero denominator, with an empty result", async () => {
    const ws = sheet(await load(), "Муниципалитеты");
    const row = rowOf(ws, "Район Б"); // nobody young registered there
    const den = row.getCell(colOf(ws, 5, "registered"));
    expect(den.value).toBe(0);
    const f = formulaOf(row.getCell(colOf(ws, 5, "registeredShare")));
    expect(f.formula).toContain(`${den.address}>0`);
    expect(f.result ?? "").toBe("");
  });

  it("shows teachers per methodist for indicator 7", async () => {
    const ws = sheet(await load(), "Регион");
    const row = rowOf(ws, "Энская область");
    const value = row.getCell(colOf(ws, 7, "value"));
    expect(value.value).toBe(20); // 20 staff teachers, one regional methodist
    expect(value.numFmt).toBe("0.0");
    expect(row.getCell(colOf(ws, 7, "numerator")).value).toBe(1);
    expect(row.getCell(colOf(ws, 7, "target")).value).toBe("≤ 250");
    expect(() => colOf(ws, 7, "staffShare")).toThrow();
  });

  it("says whether each target is met, and nothing when it cannot be judged", async () => {
    const wb = await load();
    const ws = sheet(wb, "Регион");
    const row = rowOf(ws, "Энская область");
    expect(row.getCell(colOf(ws, 3, "met")).value).toBe("нет"); // 15 % < 30 %
    expect(row.getCell(colOf(ws, 7, "met")).value).toBe("да"); // caseload 200 ≤ 250
    expect(row.getCell(colOf(ws, 1, "met")).text).toBe(""); // no target
    const m = sheet(wb, "Муниципалитеты");
    expect(formulaOf(rowOf(m, "Город А").getCell(colOf(m, 3, "staffShare"))).result).toBeCloseTo(2 / 15);
  });

  it("lists the organizations with their municipalities", async () => {
    const ws = sheet(await load(), "Организации");
    const muni = colOf(ws, 1, "numerator") - 1;
    expect(ws.getRow(5).getCell(muni).text).toBe("Муниципалитет");
    expect(rowOf(ws, "Школа № 1").getCell(muni).value).toBe("Город А");
    expect(rowOf(ws, "Школа № 2").getCell(muni).value).toBe("Город А");
    expect(rowOf(ws, "Гимназия").getCell(muni).value).toBe("Район Б");
    // O3's staff teachers are known: 1 of 5
    expect(formulaOf(rowOf(ws, "Гимназия").getCell(colOf(ws, 3, "staffShare"))).result).toBeCloseTo(1 / 5);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 6 });
  });

  it("writes the notes", async () => {
    const ws = sheet(await load(), "Пояснения");
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(row.getCell(1).text));
    expect(texts).toEqual(expect.arrayContaining([DOC.title, ...NOTES]));
  });

  it("prints the wide sheets readably: landscape A4 at 60 %, names and headers on every page, breaks between whole indicators (issue 12, item 33)", async () => {
    const wb = await load();
    for (const [name, lead] of [["Регион", "A"], ["Муниципалитеты", "A"], ["Организации", "B"]] as const) {
      const ws = sheet(wb, name);
      expect(ws.pageSetup, name).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: false, scale: 60 });
      expect(ws.pageSetup.printTitlesRow, name).toBe("5:6");
      expect(ws.pageSetup.printTitlesColumn, name).toBe(`A:${lead}`);
    }
    expect(sheet(wb, "Муниципалитеты").views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 6 });

    const zip = await JSZip.loadAsync(await indicatorsWorkbook(DOC));
    for (const [n, name] of [[1, "Регион"], [2, "Муниципалитеты"], [3, "Организации"]] as const) {
      const xml = await zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
      const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*\/>/g)].map((m) => Number(m[1]));
      expect(breaks.length, name).toBeGreaterThanOrEqual(2);
      // Each break falls just before an indicator's group: the next column is its «Число».
      const ws = sheet(wb, name);
      const starts = ([1, 2, 3, 4, 5, 6, 7] as const).map((code) => colOf(ws, code, "numerator"));
      for (const b of breaks) expect(starts, `${name} ${b}`).toContain(b + 1);
      // No printed page is wider than landscape A4 at 60 %: the lead columns plus its groups.
      const px = (c: number) => Math.round((ws.getColumn(c).width ?? 9) * 7 + 5);
      const leadPx = [...Array(name === "Организации" ? 2 : 1).keys()].reduce((s, i) => s + px(i + 1), 0);
      const edges = [name === "Организации" ? 2 : 1, ...breaks, ws.columnCount];
      for (let i = 1; i < edges.length; i++) {
        let w = leadPx;
        for (let c = edges[i - 1]! + 1; c <= edges[i]!; c++) w += px(c);
        expect(w * 0.6, `${name} page ${i}`).toBeLessThanOrEqual((11.69 - 1.4) * 96);
      }
    }
  });

  it("writes every formula with its cached result, 0 included, so previews show numbers", async () => {
    const zip = await JSZip.loadAsync(await indicatorsWorkbook(DOC));
    let zeros = 0;
    for (const n of [1, 2, 3]) {
      const xml = await zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
      const cells = [...xml.matchAll(/<c [^>]*>(<f>[^<]*<\/f>)(<v>[^<]*<\/v>)?<\/c>/g)];
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c[2], c[0]).toBeDefined();
      zeros += cells.filter((c) => c[2] === "<v>0</v>").length;
    }
    // Shares of 0 (e.g. nobody diagnosed in Школа № 2) are written as 0, not left blank.
    expect(zeros).toBeGreaterThan(0);
  });
});
