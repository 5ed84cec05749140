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

describe("a score of 0 and long names (issue 12, item 30)", () => {
  /** Widths of the bars drawn in a colour (not the grey track). */
  const barWidths = (svg: string, color: string): number[] =>
    [...svg.matchAll(new RegExp(`<rect x="300" y="[\\d.]+" width="([\\d.]+)" height="40" rx="4" fill="${color}"/>`, "g"))].map((m) => Number(m[1]));

  it("draws a visible bar of the level's colour for a score of 0", () => {
    const svg = profileChartSvg(input([{ label: "Цифровые", score: 0, level: "DEFICIT" }, { label: "Предметные", score: 60, level: "DEVELOP" }]));
    expect(barWidths(svg, "#d9534f")).toHaveLength(1);
    expect(barWidths(svg, "#d9534f")[0]).toBeGreaterThanOrEqual(6);
    // Its score is printed after the stub, not over it.
    expect(svg).toMatch(/<text x="3(0[6-9]|[1-9]\d)(\.\d+)?" [^>]*font-size="22" font-weight="bold"[^>]*>0</);
  });

  it("sets a long group name smaller so it fits left of the bars", () => {
    const svg = profileChartSvg(input([bar("Психолого-педагогические", 30), bar("Цифровые", 40)]));
    const size = Number(/font-size="(\d+)"[^>]*>Психолого-педагогические</.exec(svg)![1]);
    expect(size).toBeLessThan(20);
    // DejaVu Sans averages about 0.62 em a letter: the name fits between the margin and the bars.
    expect("Психолого-педагогические".length * size * 0.62).toBeLessThanOrEqual(280 - 40);
    expect(svg).toMatch(/font-size="20"[^>]*>Цифровые</);
  });
});
