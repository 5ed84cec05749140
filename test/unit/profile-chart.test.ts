import { describe, expect, it } from "vitest";
import { profileChartSvg, renderProfileChart, type ChartBar, type ChartInput } from "../../src/chart/profile-chart.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function input(bars: ChartBar[], title = "Профиль компетенций"): ChartInput {
  return {
    title,
    subtitle: "Иванова Мария Петровна · 23.11.2026",
    bars,
    thresholds: { deficitBelow: 40, confidentFrom: 70 },
    legend: { deficit: "Дефицит", develop: "Зона развития", confident: "Уверенный уровень", previous: "Прошлая попытка" },
  };
}

const bar = (label: string, score: number, previous?: number): ChartBar => ({ label, score, level: "DEVELOP", previous });

/** Width and height from the IHDR chunk, which follows the signature. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** The printed score texts (the bold numbers at the bars' ends). */
const scoreTexts = (svg: string): string[] =>
  [...svg.matchAll(/font-size="22" font-weight="bold"[^>]*>(\d+)/g)].map((m) => m[1] ?? "");

describe("renderProfileChart", () => {
  it("returns a 1000 px wide PNG whose height grows with the bar count", () => {
    const two = renderProfileChart(input([bar("Предметные", 80), bar("Методические", 30, 20)]));
    const five = renderProfileChart(
      input(["Предметные", "Методические", "Психолого-педаг.", "Коммуникативные", "Цифровые"].map((l, i) => bar(l, i * 20))),
    );
    for (const png of [two, five]) {
      expect(Buffer.isBuffer(png)).toBe(true);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.toString("ascii", 12, 16)).toBe("IHDR");
      expect(pngSize(png).width).toBe(1000);
    }
    expect(pngSize(five).height).toBeGreaterThan(pngSize(two).height + 200);
  });
});

describe("profileChartSvg", () => {
  it("escapes XML special characters in the title and labels", () => {
    const svg = profileChartSvg(input([bar(`"ИКТ" & 'цифра'`, 50)], "Профиль <&> компетенций"));
    expect(svg).toContain("Профиль &lt;&amp;&gt; компетенций");
    expect(svg).toContain("&quot;ИКТ&quot; &amp; &apos;цифра&apos;");
    expect(svg).not.toContain("<&>");
  });

  it("prints the change from the previous attempt with a real minus sign", () => {
    const svg = profileChartSvg(input([bar("Методические", 62, 50), bar("Цифровые", 45, 50), bar("Предметные", 70, 70)]));
    expect(svg).toContain(">+12<");
    expect(svg).toContain(">\u22125<");
    expect(svg).toContain(">\u00b10<");
    expect(svg).not.toContain("-5<");
    expect(svg).toContain("Прошлая попытка");
  });

  it("omits the previous-attempt legend when no bar has a previous score", () => {
    const svg = profileChartSvg(input([bar("Методические", 62)]));
    expect(svg).not.toContain("Прошлая попытка");
    expect(svg).toContain("Уверенный уровень");
  });

  it("clamps scores to 0–100", () => {
    const svg = profileChartSvg(input([bar("Низкий", -10), bar("Высокий", 140), bar("Обычный", 57)]));
    expect(scoreTexts(svg)).toEqual(["0", "100", "57"]);
  });
});
