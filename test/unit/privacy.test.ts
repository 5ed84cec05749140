import { describe, expect, it } from "vitest";
import { anonymize, dropButtonsAbout, needlesOf } from "../../src/core/privacy.ts";

describe("taking a person out of a text", () => {
  it("replaces the full name, the @username and the contact link, longest first", () => {
    const needles = ["Иванова Анна", "@anna", "tg://user?id=42", " "];
    expect(needlesOf(needles)).toEqual(["tg://user?id=42", "Иванова Анна", "@anna"]);
    expect(anonymize("• Иванова Анна — дефициты: цифровые\n• Петров Пётр — молодой педагог\nКонтакт: @anna, tg://user?id=42 (Иванова Анна)", needles, "[имя удалено]")).toBe(
      "• [имя удалено] — дефициты: цифровые\n• Петров Пётр — молодой педагог\nКонтакт: [имя удалено], [имя удалено] ([имя удалено])",
    );
    expect(anonymize("Никого", needles, "[x]")).toBe("Никого");
  });

  it("drops the buttons about the person and rows left empty", () => {
    const rows: { text: string; data: string; about?: number }[][] = [[{ text: "Иванова А.", data: "tc:1", about: 1 }], [{ text: "Петров", data: "tc:2", about: 2 }, { text: "Ещё", data: "x", about: 1 }], [{ text: "Мои педагоги", data: "mt:list:0" }]];
    expect(dropButtonsAbout(rows, 1)).toEqual([[{ text: "Петров", data: "tc:2", about: 2 }], [{ text: "Мои педагоги", data: "mt:list:0" }]]);
  });
});
