// CSV files as spreadsheets save them: the encoding (UTF-8 with or without a byte order
// mark, UTF-16, Windows-1251) and the separator (",", ";", tab) are found by themselves,
// and a header that fits nothing is one line saying what was found.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCsv, detectDelimiter, missingColumns, readTable, TableError } from "../../src/catalogue/table.ts";
import { encodeCp1251, toSemicolons, UTF8_BOM } from "../support/excel-csv.ts";

const TEXT = "# комментарий\nid,name,subjects\nsch-1,МБОУ «Школа № 1» — Ёлкино,math;physics\n";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "csv-format-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe("decodeCsv", () => {
  it("reads UTF-8 with and without a byte order mark, UTF-16 and Windows-1251 alike", () => {
    expect(decodeCsv(Buffer.from(TEXT, "utf8"))).toEqual({ text: TEXT, encoding: "UTF-8" });
    expect(decodeCsv(Buffer.concat([UTF8_BOM, Buffer.from(TEXT, "utf8")]))).toEqual({ text: TEXT, encoding: "UTF-8" });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]))).toEqual({ text: TEXT, encoding: "UTF-16" });
    expect(decodeCsv(encodeCp1251(TEXT))).toEqual({ text: TEXT, encoding: "Windows-1251" });
  });
});

describe("detectDelimiter", () => {
  it("takes the separator from the header, past comments, ignoring quoted text and the lists of later rows", () => {
    expect(detectDelimiter(TEXT)).toBe(",");
    expect(detectDelimiter(toSemicolons(TEXT))).toBe(";");
    expect(detectDelimiter("id\tname\tsubjects\nsch-1\tШкола\tmath;physics;chemistry;biology\n")).toBe("\t");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("id\n1\n")).toBe(",");
  });
});

describe("readTable", () => {
  it("reads a Windows-1251 file with ';' between columns and a quoted list, as a Russian Excel saves it", async () => {
    const file = await write("cp1251.csv", encodeCp1251(toSemicolons(TEXT)));
    const table = await readTable(file);
    expect(table.columns).toEqual(["id", "name", "subjects"]);
    expect(table.headerRow).toBe(2);
    expect(table.rows).toEqual([{ row: 3, values: { id: "sch-1", name: "МБОУ «Школа № 1» — Ёлкино", subjects: "math;physics" } }]);
    expect(table.csv).toEqual({ encoding: "Windows-1251", delimiter: ";" });
  });

  it("reads «CSV UTF-8» (a byte order mark and ';') the same way", async () => {
    const table = await readTable(await write("bom.csv", Buffer.concat([UTF8_BOM, Buffer.from(toSemicolons(TEXT), "utf8")])));
    expect(table.columns).toEqual(["id", "name", "subjects"]);
    expect(table.rows[0]!.values.name).toBe("МБОУ «Школа № 1» — Ёлкино");
    expect(table.csv).toEqual({ encoding: "UTF-8", delimiter: ";" });
  });

  it("a ';' row with an unquoted list is one line naming the row and the fix, not shifted cells", async () => {
    const file = await write("unquoted.csv", encodeCp1251("id;name;subjects\nsch-1;Школа;math;physics\n"));
    const error = await readTable(file).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TableError);
    const message = (error as Error).message;
    expect(message).toBe(`${file}, row 2: 4 cells, but the header has 3 columns; with ";" between columns, a list inside a cell must be in quotes ("math;physics") (read as Windows-1251, columns separated by semicolons)`);
  });
});

describe("missingColumns", () => {
  const expected = ["id", "name", "subjects", "url"];

  it("lists the missing columns of a header that otherwise fits", async () => {
    const table = await readTable(await write("some.csv", Buffer.from(TEXT, "utf8")));
    expect(missingColumns("f.csv", table, expected)).toEqual(["url"]);
    expect(missingColumns("f.csv", table, ["id", "name"])).toEqual([]);
  });

  it("a header that fits nothing is one line: what it has and how the file was read", async () => {
    const file = await write("pipes.csv", encodeCp1251("код|название\n1|Школа\n"));
    const table = await readTable(file);
    const error = (() => {
      try {
        missingColumns(file, table, expected);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TableError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toBe(
      `${file}, row 1: not the header this import needs: none of the columns id, name, subjects, url; it has a single column "код|название" (columns must be separated by commas, semicolons or tabs); read as Windows-1251, columns separated by commas`,
    );
  });
});
