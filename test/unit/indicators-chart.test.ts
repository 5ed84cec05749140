import { describe, expect, it } from "vitest";
import { indicatorsChartSvg, renderIndicatorsChart, type IndicatorsChartInput } from "../../src/chart/indicators-chart.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GREEN = "#5cb85c";
const RED = "#d9534f";

function input(bars: IndicatorsChartInput["bars"], title = "Показатели эффективности региональной системы НМС"): IndicatorsChartInput {
  return {
    title,
    subtitle: "01.01.2026 – 31.12.2026",
    bars,
    legend: { share: "Доля от штатной численности", target: "Целевое значение", noData: "нет данных" },
  };
}

/** The fill colours of the coloured bars (drawn over the grey tracks). */
const barFills = (svg: string): string[] =>
  [...svg.matchAll(/<rect x="350" y="[\d.]+" width="[\d.]+" height="34" rx="4" fill="(#[0-9a-f]+)"/g)].map((m) => m[1] ?? "").filter((c) => c !== "#eceff1");

describe("renderIndicatorsChart", () => {
  it("returns a PNG 1000 px wide", () => {
    const png = renderIndicatorsChart(input([{ label: "Диагностика", share: 0.5 }, { label: "Реестр", share: 0.35, target: 0.3 }, { label: "Наставничество", share: null }]));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(1000);
  });
});

describe("indicatorsChartSvg", () => {
  it("escapes the title, labels and legend", () => {
    const svg = indicatorsChartSvg({
      ...input([{ label: "Молодые <до 35> & наставники", share: 0.2 }], `Отчёт "A&B" <регион>`),
      legend: { share: "Доля <штат>", target: "Цель & план", noData: "нет данных" },
    });
    expect(svg).toContain("Отчёт &quot;A&amp;B&quot; &lt;регион&gt;");
    expect(svg).toContain("&lt;до 35&gt; &amp;");
    expect(svg).toContain("Доля &lt;штат&gt;");
    expect(svg).toContain("Цель &amp; план");
    expect(svg).not.toContain("<регион>");
    expect(() => renderIndicatorsChart(input([{ label: "A & <B>", share: 0.1 }], "<&>"))).not.toThrow();
  });

  it("prints the percent, draws the target marker and colours the bar by the target", () => {
    const svg = indicatorsChartSvg(input([
      { label: "Реестр", share: 0.35, target: 0.3 },
      { label: "Управленцы", share: 0.2, target: 0.4 },
      { label: "Диагностика", share: 0.62 },
    ]));
    expect(svg).toMatch(/>35%<\/text>/);
    expect(svg).toMatch(/>20%<\/text>/);
    expect(svg).toMatch(/>62%<\/text>/);
    // target labels above the markers, and the two thin dark markers
    expect(svg).toMatch(/>30%<\/text>/);
    expect(svg).toMatch(/>40%<\/text>/);
    expect(svg.match(/width="3" height="46" fill="#263238"/g)).toHaveLength(2);
    expect(barFills(svg)).toEqual([GREEN, RED, "#78909c"]);
  });

  it("prints the no-data text and no bar for a null share", () => {
    const svg = indicatorsChartSvg(input([{ label: "Программы реестра", share: null, target: 0.5 }]));
    expect(svg).toContain(">нет данных</text>");
    expect(barFills(svg)).toEqual([]);
    expect(svg).not.toMatch(/font-weight="bold"[^>]*>\d+%</);
  });

  it("clamps bars to the track but prints the real share", () => {
    const svg = indicatorsChartSvg(input([{ label: "Больше штата", share: 1.2 }]));
    expect(svg).toMatch(/>120%<\/text>/);
    expect(svg).toMatch(/<rect x="350" y="[\d.]+" width="520" height="34" rx="4" fill="#78909c"\/>/);
  });
});
