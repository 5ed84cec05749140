import type { TranslateFunction } from "@grammyjs/i18n";
import type { ChartInput } from "../../chart/profile-chart.ts";
import { localize, type Instrument } from "../../core/instrument.ts";
import type { Deficit, GroupChange, Level, Thresholds } from "../../core/scoring.ts";

const mark: Record<Level, string> = { DEFICIT: "🔴", DEVELOP: "🟡", CONFIDENT: "🟢" };
const levelKey: Record<Level, string> = { DEFICIT: "level-deficit", DEVELOP: "level-develop", CONFIDENT: "level-confident" };

function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : "±0";
}

export interface ResultInput {
  instrument: Instrument;
  changes: GroupChange[];
  deficits: Deficit[];
  completedAt: Date;
  fullName: string | null;
  /** The region's IANA time zone, for the date on the chart. */
  timeZone: string;
  /** Groups a finished route worked on: score before it and now. */
  routeChanges?: { group: string; before: number; after: number }[];
  /** Right after the attempt was completed: «Диагностика завершена. Спасибо!»; otherwise the result's date heads it. */
  justCompleted?: boolean;
}

/** The result in words: a line a group, then the main deficits in plain language. */
export function resultText(t: TranslateFunction, locale: string, r: ResultInput): string {
  const group = (code: string) => r.instrument.groups.find((g) => g.code === code)!;
  const hasPrevious = r.changes.some((c) => c.delta !== undefined);
  const heading = r.justCompleted ? t("result-title") : t("result-title-latest", { date: r.completedAt.toLocaleDateString(locale === "en" ? "en-GB" : "ru-RU", { timeZone: r.timeZone }) });
  const lines = [heading, "", t(hasPrevious ? "result-scores-with-change" : "result-scores"), ""];
  for (const c of r.changes) {
    const change = c.delta === undefined ? "" : ` (${signed(c.delta)})`;
    lines.push(`${mark[c.level]} ${localize(group(c.group).short, locale)}: ${c.score}${change} · ${t(levelKey[c.level])}`);
  }
  const deficitGroups = r.changes.filter((c) => c.level === "DEFICIT");
  if (deficitGroups.length > 0) {
    lines.push("", t("result-deficit-groups"));
    for (const c of deficitGroups) lines.push(`• ${localize(group(c.group).deficit, locale)}`);
  }
  if (r.deficits.length > 0) {
    lines.push("", t("result-main-deficits"));
    const items = new Map(r.instrument.items.map((i) => [i.id, i]));
    for (const d of r.deficits) lines.push(`• ${localize(items.get(d.itemId)!.hint, locale)}`);
  } else {
    lines.push("", t("result-no-deficits"));
  }
  if (r.routeChanges?.length) {
    lines.push("", t("result-route-changes"));
    for (const c of r.routeChanges) lines.push(`• ${c.group}: ${c.before} → ${c.after} (${signed(c.after - c.before)})`);
  }
  lines.push("", t("result-levels-explained"));
  return lines.join("\n");
}

export function resultChart(t: TranslateFunction, locale: string, r: ResultInput, thresholds: Thresholds): ChartInput {
  const date = r.completedAt.toLocaleDateString(locale === "en" ? "en-GB" : "ru-RU", { timeZone: r.timeZone });
  return {
    title: t("chart-title"),
    subtitle: r.fullName ? `${r.fullName} · ${date}` : date,
    bars: r.changes.map((c) => ({
      label: localize(r.instrument.groups.find((g) => g.code === c.group)!.short, locale),
      score: c.score,
      level: c.level,
      ...(c.previous === undefined ? {} : { previous: c.previous }),
    })),
    thresholds,
    legend: { deficit: t("level-deficit"), develop: t("level-develop"), confident: t("level-confident"), previous: t("chart-previous") },
  };
}
