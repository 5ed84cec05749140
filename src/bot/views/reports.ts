// The coordinator's reports in words, as a chart input and as a workbook: built
// from the reports service's results with translated labels. Used by the chat
// panel and by the command line.
import { rankedDeficits, type GapRow, type Recommendation, type DeficitMap } from "../../core/analysis.ts";
import { INDICATORS, TARGETS, type IndicatorCode, type UnitIndicators } from "../../core/indicators.ts";
import type { IndicatorsChartInput } from "../../chart/indicators-chart.ts";
import type { IndicatorsDocument } from "../../documents/indicators-xlsx.ts";
import { percentShown } from "../../core/format.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

/** A share in percent in the language of `t` (decimal comma in Russian); a share that is not zero never shows as 0. */
const pctOf = (t: T) => (x: number | null) => {
  if (x === null) return "—";
  const shown = percentShown(x);
  return t(shown.bound ? `percent-${shown.bound}` : "percent", { value: shown.value });
};
/** A change in percentage points, with its sign. */
const signedOf = (t: T) => (x: number) => {
  const value = Math.round(Math.abs(x) * 1000) / 10;
  return t("percent-change", { sign: value === 0 ? "±" : x > 0 ? "+" : "−", value });
};

export const indicatorNames = (t: T) => Object.fromEntries(INDICATORS.map((c) => [c, t(`indicator-${c}`)])) as Record<IndicatorCode, string>;

/** The region's indicators in a few lines, with targets met or missed. */
export function indicatorsSummary(t: T, region: UnitIndicators, period: string): string {
  const pct = pctOf(t);
  const lines = [t("indicators-title", { period }), ""];
  for (const c of INDICATORS) {
    const v = region.values[c];
    const mark = v.met === true ? "✅" : v.met === false ? "❌" : "•";
    const target = TARGETS[c] ? ` ${t("indicators-target", { target: TARGETS[c]!.min !== undefined ? pct(TARGETS[c]!.min!) : `≤ ${TARGETS[c]!.max}` })}` : "";
    let body: string;
    if (c === 7) body = v.value == null ? t("indicators-no-data") : t("indicators-per-methodist", { value: Math.round(v.value), methodists: v.staff.numerator });
    else if (c === 6) body = v.staff.share === null ? t("indicators-no-data") : t("indicators-providers", { share: pct(v.staff.share), n: v.staff.numerator, all: v.staff.denominator ?? 0 });
    else
      body = t("indicators-shares", {
        staff: v.staff.share === null ? t("indicators-no-staff") : `${pct(v.staff.share)} (${v.staff.numerator} / ${v.staff.denominator})`,
        registered: v.registered.share === null ? "—" : `${pct(v.registered.share)} (${v.registered.numerator} / ${v.registered.denominator})`,
      });
    lines.push(`${mark} ${c}. ${t(`indicator-${c}`)}: ${body}${target}`);
  }
  lines.push("", t("indicators-explained"));
  return lines.join("\n");
}

/** Whom indicators 1–4 count against the directory's staff numbers. */
const STAFF_BASE: Partial<Record<IndicatorCode, string>> = { 1: "indicator-base-staff-all", 2: "indicator-base-staff-all", 3: "indicator-base-staff-teachers", 4: "indicator-base-staff-managers" };

/**
 * All seven indicators of the region: 1–4 against the staff numbers (or, when
 * those are unknown, against the people registered in the bot, and saying so),
 * 5 against the young teachers registered, 6 against all the providers' programmes,
 * 7 as teachers per methodist on its own scale.
 */
export function indicatorsChart(t: T, region: UnitIndicators, period: string): IndicatorsChartInput {
  const bars = ([1, 2, 3, 4, 5, 6] as const).map((c) => {
    const v = region.values[c];
    const target = TARGETS[c]?.min;
    const staffBase = STAFF_BASE[c];
    const byStaff = staffBase !== undefined && v.staff.share !== null;
    const base = c === 5 ? "indicator-base-young" : c === 6 ? "indicator-base-programmes" : byStaff ? staffBase! : "indicator-base-registered";
    const share = byStaff || c === 6 ? v.staff.share : v.registered.share;
    return { label: `${c}. ${t(`indicator-short-${c}`)}`, base: t(base), share, ...(target === undefined ? {} : { target }) };
  });
  const seven = region.values[7];
  return {
    title: t("indicators-chart-title"),
    subtitle: period,
    bars,
    counts: [{ label: `7. ${t("indicator-short-7")}`, base: t("indicator-base-per-methodist"), value: seven.value ?? null, limit: TARGETS[7]!.max!, ...(seven.met == null ? {} : { met: seven.met }) }],
    legend: {
      met: t("indicators-legend-met"),
      missed: t("indicators-legend-missed"),
      noTarget: t("indicators-legend-no-target"),
      target: t("indicators-legend-target"),
      noData: t("indicators-no-data"),
    },
  };
}

export function indicatorsDocument(t: T, report: { units: UnitIndicators[]; names: Record<string, string>; municipalityOf: Record<string, string> }, period: string, generatedAt: string): IndicatorsDocument {
  return {
    title: t("indicators-xlsx-title"),
    period,
    generatedAt,
    units: report.units,
    names: report.names,
    municipalityOf: report.municipalityOf,
    indicatorNames: indicatorNames(t),
    sheets: { region: t("indicators-sheet-region"), municipalities: t("indicators-sheet-municipalities"), organizations: t("indicators-sheet-organizations"), notes: t("indicators-sheet-notes") },
    columns: {
      unit: t("indicators-col-unit"),
      municipality: t("indicators-col-municipality"),
      numerator: t("indicators-col-numerator"),
      staff: t("indicators-col-staff"),
      staffShare: t("indicators-col-staff-share"),
      registered: t("indicators-col-registered"),
      registeredShare: t("indicators-col-registered-share"),
      target: t("indicators-col-target"),
      met: t("indicators-col-met"),
      value: t("indicators-col-value"),
    },
    yes: t("indicators-yes"),
    no: t("indicators-no"),
    noData: t("indicators-no-data"),
    notes: t("indicators-notes").split("\n"),
  };
}

/** For each municipality with diagnostics: every group that is a deficit there, most frequent first, and its change. */
export function deficitMapText(t: T, map: DeficitMap, names: Record<string, string>, groupName: (code: string) => string, period: string, groups: readonly string[] = []): string {
  const [pct, signed] = [pctOf(t), signedOf(t)];
  const lines = [t("map-title", { period }), ""];
  let any = false;
  for (const [municipality, cells] of Object.entries(map)) {
    const ranked = rankedDeficits(cells, groups);
    if (ranked.length === 0) continue;
    any = true;
    const diagnosed = Object.values(cells)[0]!.diagnosed;
    lines.push(`${names[municipality] ?? municipality} (${t("map-diagnosed", { n: diagnosed })}): ${ranked.map(([g, c]) => `${groupName(g)} ${pct(c.share)}${c.change === null ? "" : ` (${signed(c.change)})`}`).join("; ")}`);
  }
  if (!any) lines.push(t("map-empty"));
  else lines.push("", t("map-footer"));
  return lines.join("\n");
}

export function gapText(t: T, rows: readonly GapRow[], groupName: (code: string) => string, period: string): string {
  const lines = [t("gap-title", { period }), ""];
  for (const r of rows) lines.push(t("gap-row", { group: groupName(r.competency), deficits: r.deficits, programmes: r.programmes, activities: r.activities, unserved: r.unserved }));
  if (rows.length === 0) lines.push(t("gap-empty"));
  return lines.join("\n");
}

export function recommendationsText(t: T, recs: readonly Recommendation[], names: Record<string, string>, groupName: (code: string) => string, period: string, limit = 15, levels: readonly Recommendation["level"][] = ["municipality"]): string {
  const pct = pctOf(t);
  const lines = [t("recs-title", { period }), ""];
  for (const r of recs.filter((x) => levels.includes(x.level)).slice(0, limit)) {
    lines.push(`${names[r.unit] ?? r.unit} (${t("map-diagnosed", { n: r.diagnosed })}):`);
    for (const f of r.focus) lines.push(`  • ${groupName(f.competency)} — ${pct(f.share)}${f.items.length ? `: ${f.items.join("; ")}` : ` — ${t("recs-no-items")}`}`);
  }
  if (recs.length === 0) lines.push(t("map-empty"));
  return lines.join("\n");
}
