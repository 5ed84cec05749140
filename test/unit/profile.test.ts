import { describe, expect, it } from "vitest";
import { checkFullName, isYoungTeacher, parseExperience, parseFullName } from "../../src/core/profile.ts";

describe("isYoungTeacher", () => {
  it("is under 35 and in the first three years of work", () => {
    expect(isYoungTeacher({ ageGroup: "UNDER_25", experienceYears: 0 })).toBe(true);
    expect(isYoungTeacher({ ageGroup: "FROM_30_TO_34", experienceYears: 2 })).toBe(true);
    expect(isYoungTeacher({ ageGroup: "FROM_30_TO_34", experienceYears: 3 })).toBe(false);
    expect(isYoungTeacher({ ageGroup: "FROM_35_TO_44", experienceYears: 0 })).toBe(false);
    expect(isYoungTeacher({ ageGroup: null, experienceYears: 1 })).toBe(false);
    expect(isYoungTeacher({ ageGroup: "UNDER_25", experienceYears: null })).toBe(false);
  });
});

describe("parseExperience", () => {
  it("reads whole years, with or without a unit", () => {
    expect(parseExperience("0")).toBe(0);
    expect(parseExperience(" 12 ")).toBe(12);
    expect(parseExperience("5 лет")).toBe(5);
    expect(parseExperience("2 года")).toBe(2);
    expect(parseExperience("60")).toBe(60);
  });
  it("refuses anything else", () => {
    for (const bad of ["", "61", "-1", "1.5", "пять", "12345", "10 минут"]) expect(parseExperience(bad)).toBeUndefined();
  });
});

describe("parseFullName", () => {
  it("keeps letters, hyphens and apostrophes, folding spaces", () => {
    expect(parseFullName("  Иванова   Мария  Петровна ")).toBe("Иванова Мария Петровна");
    expect(parseFullName("Салтыков-Щедрин Михаил")).toBe("Салтыков-Щедрин Михаил");
    expect(parseFullName("O'Neil Anna")).toBe("O'Neil Anna");
  });
  it("refuses commands, digits, emoji and text of 120 characters or more", () => {
    for (const bad of ["/start", "Иван 2", "👍", "И", "а".repeat(121), ""]) expect(parseFullName(bad)).toBeUndefined();
  });
});

describe("checkFullName", () => {
  it("does not take a single word as a full name: the surname is asked for", () => {
    expect(checkFullName("Мария")).toEqual({ problem: "single-word" });
    expect(checkFullName("  Мария ")).toEqual({ problem: "single-word" });
    expect(parseFullName("Мария")).toBeUndefined();
  });
  it("takes a surname with a first name, with or without a patronymic", () => {
    expect(checkFullName("Иванова Мария")).toEqual({ name: "Иванова Мария" });
    expect(checkFullName("Иванова  Мария Петровна")).toEqual({ name: "Иванова Мария Петровна" });
  });
  it("says a name that is not one is invalid", () => {
    expect(checkFullName("Иван 2")).toEqual({ problem: "invalid" });
    expect(checkFullName("")).toEqual({ problem: "invalid" });
  });
});
