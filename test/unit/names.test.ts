import { describe, expect, it } from "vitest";
import { addressName, isSingleWordName } from "../../src/core/names.ts";

describe("addressName", () => {
  it("addresses a person by имя и отчество, not by the surname", () => {
    expect(addressName("Кузнецова Ольга Николаевна")).toBe("Ольга Николаевна");
    expect(addressName("  Соколова   Елена  Викторовна ")).toBe("Елена Викторовна");
  });
  it("uses the first name when there is no patronymic, and a single word as it is", () => {
    expect(addressName("Кузнецова Ольга")).toBe("Ольга");
    expect(addressName("Мария")).toBe("Мария");
  });
  it("drops only the surname of a longer name", () => {
    expect(addressName("Алиев Рашид Алиевич оглы")).toBe("Рашид Алиевич оглы");
    expect(addressName("Салтыков-Щедрин Михаил Евграфович")).toBe("Михаил Евграфович");
  });
  it("is empty for no name", () => {
    expect(addressName(null)).toBe("");
    expect(addressName(undefined)).toBe("");
    expect(addressName("  ")).toBe("");
  });
});

describe("isSingleWordName", () => {
  it("tells a lone first name from a full name", () => {
    expect(isSingleWordName("Мария")).toBe(true);
    expect(isSingleWordName(" Мария ")).toBe(true);
    expect(isSingleWordName("Иванова Мария")).toBe(false);
    expect(isSingleWordName("Салтыков-Щедрин Михаил")).toBe(false);
  });
});
