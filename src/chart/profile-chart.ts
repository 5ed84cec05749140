import { esc, svgPage, svgToPng } from "./svg.ts";
import type { Level } from "../core/scoring.ts";

export interface ChartBar {
  /** Group name, e.g. «Методические» (≤ 24 chars; a long one is set smaller). */
  label: string;
  /** 0–100. */
  score: number;
  level: Level;
  /** Score of the previous attempt, 0–100, when there is one. */
  previous?: number;
}

export interface ChartInput {
  title: string;
  subtitle?: string;
  /** 1..8 bars, in this order, top to bottom. */
  bars: ChartBar[];
  thresholds: { deficitBelow: number; confidentFrom: number };
  /** Labels, localized by the caller. */
  legend: { deficit: string; develop: string; confident: string; previous?: string };
}

const COLORS: Record<Level, string> = { DEFICIT: "#d9534f", DEVELOP: "#f0ad4e", CONFIDENT: "#5cb85c" };

// Layout, in px.
const WIDTH = 1000;
const PAD = 40;
const LABEL_RIGHT = 280; // labels are right-aligned against this x
const TRACK_X = 300;
const TRACK_W = 540;
const ROW_H = 90;
const BAR_H = 40;
const LEGEND_FONT = 17;
const LEGEND_LINE = 32;
const LABEL_FONT = 20;
/** A score of 0 still draws a stub of its level's colour: the worst deficits must show. */
const MIN_BAR = 8;



const clamp = (v: number): number => (Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : 0);

/** x of a 0–100 value on the track. */
const xOf = (v: number): number => TRACK_X + (clamp(v) / 100) * TRACK_W;

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

/** «+12», «−5» (U+2212) or «±0». */
function delta(score: number, previous: number): string {
  const d = Math.round(clamp(score)) - Math.round(clamp(previous));
  return d > 0 ? `+${d}` : d < 0 ? `\u2212${-d}` : "\u00b10";
}

/** A rough width estimate of DejaVu Sans text, for laying out the legend. */
const textWidth = (s: string, size: number): number => s.length * size * 0.62;

/** A font size no larger than `max` at which the text fits in `width` (long titles shrink). */
const fitSize = (s: string, max: number, width: number, factor = 0.62): number =>
  Math.min(max, Math.floor(width / Math.max(1, s.length * factor)));

/** An outline in the background colour, so text stays readable over the dashed lines. */
const halo = (color: string): string => `stroke="${color}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`;

export function profileChartSvg(input: ChartInput): string {
  const { bars, thresholds, legend } = input;
  const rowsTop = input.subtitle ? 118 : 84;
  const axisY = rowsTop + bars.length * ROW_H;
  const out: string[] = [];

  // Header.
  const full = WIDTH - 2 * PAD;
  const titleSize = fitSize(input.title, 34, full, 0.7);
  out.push(`<text x="${PAD}" y="56" font-size="${titleSize}" font-weight="bold" fill="#212529">${esc(input.title)}</text>`);
  if (input.subtitle) {
    const size = fitSize(input.subtitle, 20, full);
    out.push(`<text x="${PAD}" y="92" font-size="${size}" fill="#6c757d">${esc(input.subtitle)}</text>`);
  }

  // Rows: label, track, bar, previous-attempt marker.
  const scores: string[] = []; // score texts, drawn above the threshold lines
  bars.forEach((bar, i) => {
    const cy = rowsTop + 12 + i * ROW_H + ROW_H / 2;
    const top = cy - BAR_H / 2;
    const score = clamp(bar.score);
    const labelSize = fitSize(bar.label, LABEL_FONT, LABEL_RIGHT - PAD);
    out.push(`<text x="${LABEL_RIGHT}" y="${cy + 7}" font-size="${labelSize}" fill="#343a40" text-anchor="end">${esc(bar.label)}</text>`);
    out.push(`<rect x="${TRACK_X}" y="${top}" width="${TRACK_W}" height="${BAR_H}" rx="4" fill="#eceff1"/>`);
    const barW = Math.max(MIN_BAR, xOf(score) - TRACK_X);
    out.push(`<rect x="${TRACK_X}" y="${top}" width="${barW}" height="${BAR_H}" rx="4" fill="${COLORS[bar.level]}"/>`);
    let textX = TRACK_X + barW + 10;
    let change = "";
    if (bar.previous !== undefined) {
      const px = xOf(bar.previous);
      out.push(`<rect x="${px - 1.5}" y="${top - 6}" width="3" height="${BAR_H + 12}" fill="#263238"/>`);
      textX = Math.max(textX, px + 10); // never print over the marker
      const d = delta(bar.score, bar.previous);
      const tone = d.startsWith("+") ? "#2e7d32" : d.startsWith("\u2212") ? "#c62828" : "#6c757d";
      change = `<tspan dx="8" font-size="18" font-weight="normal" fill="${tone}">${d}</tspan>`;
    }
    scores.push(`<text x="${textX}" y="${cy + 8}" font-size="22" font-weight="bold" fill="#212529" ${halo(textX < TRACK_X + TRACK_W ? "#eceff1" : "#fff")}>${Math.round(score)}${change}</text>`);
  });

  // Threshold lines across all bars, with their values on top.
  for (const t of [thresholds.deficitBelow, thresholds.confidentFrom]) {
    const x = xOf(t);
    out.push(`<line x1="${x}" y1="${rowsTop + 14}" x2="${x}" y2="${axisY}" stroke="#6c757d" stroke-width="1.5" stroke-dasharray="6 5"/>`);
    out.push(`<text x="${x}" y="${rowsTop + 8}" font-size="14" fill="#6c757d" text-anchor="middle">${fmt(clamp(t))}</text>`);
  }
  out.push(...scores);

  // Axis with ticks.
  out.push(`<line x1="${TRACK_X}" y1="${axisY}" x2="${TRACK_X + TRACK_W}" y2="${axisY}" stroke="#adb5bd" stroke-width="1.5"/>`);
  for (const v of [0, 25, 50, 75, 100]) {
    const x = xOf(v);
    out.push(`<line x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 6}" stroke="#adb5bd" stroke-width="1.5"/>`);
    out.push(`<text x="${x}" y="${axisY + 26}" font-size="15" fill="#6c757d" text-anchor="middle">${v}</text>`);
  }

  // Legend: level swatches, then the previous-attempt marker; wraps when too wide.
  const items: { mark: string; text: string }[] = (["DEFICIT", "DEVELOP", "CONFIDENT"] as const).map((lv) => ({
    mark: `<rect x="0" y="-8" width="16" height="16" rx="3" fill="${COLORS[lv]}"/>`,
    text: { DEFICIT: legend.deficit, DEVELOP: legend.develop, CONFIDENT: legend.confident }[lv],
  }));
  if (legend.previous && bars.some((b) => b.previous !== undefined)) {
    items.push({ mark: `<rect x="6.5" y="-11" width="3" height="22" fill="#263238"/>`, text: legend.previous });
  }
  let x = PAD;
  let y = axisY + 62;
  for (const item of items) {
    const w = 26 + textWidth(item.text, LEGEND_FONT);
    if (x > PAD && x + w > WIDTH - PAD) [x, y] = [PAD, y + LEGEND_LINE];
    out.push(`<g transform="translate(${x} ${y})">${item.mark}<text x="26" y="6" font-size="${LEGEND_FONT}" fill="#343a40">${esc(item.text)}</text></g>`);
    x += w + 32;
  }
  const height = Math.round(y + 30);

  return svgPage(WIDTH, height, out);
}

/** Renders the profile chart as PNG bytes. */
export function renderProfileChart(input: ChartInput): Buffer {
  return svgToPng(profileChartSvg(input));
}
