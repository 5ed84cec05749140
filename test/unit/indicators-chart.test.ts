import { describe, expect, it } from "vitest";
import { indicatorsChartSvg, renderIndicatorsChart, type IndicatorsChartInput } from "../../src/chart/indicators-chart.ts";
import { indicatorsChart } from "../../src/bot/views/reports.ts";
import type { IndicatorCode, IndicatorValue, UnitIndicators } from "../../src/core/indicators.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GREEN = "#5cb85c";
const RED = "#d9534f";

function input(bars: IndicatorsChartInput["bars"], title = "Показатели эффективности региональной системы НМС"): IndicatorsChartInput {
  return {
    title,
    subtitle: "01.01.2026 – 31.12.2026",
    bars,
    legend: { met: "цель достигнута", missed: "цель не достигнута", noTarget: "цели нет", target: "Целевое значение", noData: "нет данных" },
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
      legend: { met: "Доля <штат>", missed: "нет", noTarget: "—", target: "Цель & план", noData: "нет данных" },
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

describe("all seven indicators, their bases and a legend of one colour a meaning (issue 12, item 31)", () => {
  const t = (key: string) => `[${key}]`;
  const share = (numerator: number, denominator: number | null) => ({ numerator, denominator, share: denominator ? numerator / denominator : null });
  const v = (staff: [number, number | null], registered: [number, number | null], met: boolean | null, value?: number | null): IndicatorValue => ({
    staff: share(...staff),
    registered: share(...registered),
    met,
    ...(value === undefined ? {} : { value }),
  });
  const region = (staffKnown: boolean): UnitIndicators => ({
    level: "region",
    id: "r",
    values: {
      1: v([30, staffKnown ? 100 : null], [30, 40], null),
      2: v([20, staffKnown ? 100 : null], [20, 40], null),
      3: v([10, staffKnown ? 80 : null], [10, 30], false),
      4: v([5, staffKnown ? 20 : null], [5, 10], false),
      5: v([3, null], [3, 4], true),
      6: v([12, 40], [12, 40], null),
      7: v([2, null], [2, null], true, 180),
    } as Record<IndicatorCode, IndicatorValue>,
  });

  it("draws indicators 1 to 7, saying which base each share is of", () => {
    const input = indicatorsChart(t, region(true), "2026");
    expect([...input.bars, ...(input.counts ?? [])].map((b) => b.label.split(".")[0])).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(input.bars.map((b) => b.base)).toEqual([
      "[indicator-base-staff-all]",
      "[indicator-base-staff-all]",
      "[indicator-base-staff-teachers]",
      "[indicator-base-staff-managers]",
      "[indicator-base-young]",
      "[indicator-base-programmes]",
    ]);
    expect(input.bars.map((b) => b.share)).toEqual([0.3, 0.2, 0.125, 0.25, 0.75, 0.3]);
    expect(input.counts).toEqual([{ label: "7. [indicator-short-7]", base: "[indicator-base-per-methodist]", value: 180, limit: 250, met: true }]);
    const svg = indicatorsChartSvg(input);
    for (const c of [1, 2, 3, 4, 5, 6, 7]) expect(svg).toContain(`>${c}. [indicator-short-${c}]<`);
    expect(svg).toContain(">[indicator-base-staff-teachers]<");
    expect(svg).toContain(">180<");
    expect(svg).toContain(">≤ 250<");
  });

  it("says when a share is against the registered people because the staff is unknown", () => {
    const input = indicatorsChart(t, region(false), "2026");
    expect(input.bars.slice(0, 4).map((b) => b.base)).toEqual(Array(4).fill("[indicator-base-registered]"));
    expect(input.bars.slice(0, 4).map((b) => b.share)).toEqual([0.75, 0.5, 1 / 3, 0.5]);
  });

  it("gives each colour of the legend its own meaning", () => {
    const svg = indicatorsChartSvg(indicatorsChart(t, region(true), "2026"));
    const legend = [...svg.matchAll(/<g transform="translate\([\d.]+ [\d.]+\)"><rect [^>]*fill="(#[0-9a-f]+)"\/><text [^>]*>([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(legend).toEqual([
      [GREEN, "[indicators-legend-met]"],
      [RED, "[indicators-legend-missed]"],
      ["#78909c", "[indicators-legend-no-target]"],
      ["#263238", "[indicators-legend-target]"],
    ]);
    expect(new Set(legend.map(([color]) => color)).size).toBe(legend.length);
  });
});
