// Horizontal bar chart of the region's indicators against their targets: the shares
// (0–100 %) on one scale, each saying what it is a share of, then the number-valued
// ones (teachers per methodist) on their own scale.
// Pure rendering: every user-facing text comes from the caller (already localized).
import { esc, svgPage, svgToPng } from "./svg.ts";

export interface ShareBar {
  label: string;
  /** What the share is of, e.g. «от штата: педагоги и руководители». */
  base?: string;
  /** 0..1; null when unknown. */
  share: number | null;
  /** A share to reach. */
  target?: number;
}

export interface CountBar {
  label: string;
  /** What the number counts, e.g. «педагогов на одного методиста». */
  base?: string;
  value: number | null;
  /** A number not to exceed. */
  limit: number;
  /** Whether the target is met, when judged on more than this value (e.g. the largest caseload). */
  met?: boolean;
}

export interface IndicatorsChartInput {
  title: string;
  subtitle?: string;
  bars: ShareBar[];
  /** Indicators that are numbers, not shares: drawn below, each on its own scale. */
  counts?: CountBar[];
  /** One text per colour, and the target marker's. */
  legend: { met: string; missed: string; noTarget: string; target: string; noData: string };
}

const WIDTH = 1000;
const PAD = 40;
const LABEL_RIGHT = 330;
const TRACK_X = 350;
const TRACK_W = 520;
const ROW_H = 84;
const BAR_H = 34;
const LABEL_FONT = 17;
const BASE_FONT = 14;
const LEGEND_FONT = 17;
const GREEN = "#5cb85c";
const RED = "#d9534f";
const NEUTRAL = "#78909c";
const MARK = "#263238";

const clamp = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const xOf = (share: number): number => TRACK_X + clamp(share) * TRACK_W;
const pct = (share: number): string => `${Math.round(share * 100)}%`;
const fitSize = (s: string, max: number, width: number, factor = 0.62): number =>
  Math.min(max, Math.floor(width / Math.max(1, s.length * factor)));
const textWidth = (s: string, size: number): number => s.length * size * 0.62;

/** The label (one line, set smaller when long) and, under it, what the value is of. */
function label(out: string[], cy: number, text: string, base?: string): void {
  const width = LABEL_RIGHT - PAD;
  const y = base ? cy - 2 : cy + 6;
  out.push(`<text x="${LABEL_RIGHT}" y="${y}" font-size="${fitSize(text, LABEL_FONT, width)}" fill="#343a40" text-anchor="end">${esc(text)}</text>`);
  if (base) out.push(`<text x="${LABEL_RIGHT}" y="${y + 20}" font-size="${fitSize(base, BASE_FONT, width)}" fill="#6c757d" text-anchor="end">${esc(base)}</text>`);
}

const valueText = (x: number, cy: number, text: string) =>
  `<text x="${x}" y="${cy + 8}" font-size="21" font-weight="bold" fill="#212529" stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${esc(text)}</text>`;

function axis(out: string[], y: number, ticks: { at: number; text: string }[]): void {
  out.push(`<line x1="${TRACK_X}" y1="${y}" x2="${TRACK_X + TRACK_W}" y2="${y}" stroke="#adb5bd" stroke-width="1.5"/>`);
  for (const tick of ticks) {
    const x = xOf(tick.at);
    out.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${y + 6}" stroke="#adb5bd" stroke-width="1.5"/>`);
    out.push(`<text x="${x}" y="${y + 26}" font-size="15" fill="#6c757d" text-anchor="middle">${esc(tick.text)}</text>`);
  }
}

/** One row: grey track, coloured bar (or the no-data text), target marker, value. */
function row(out: string[], cy: number, at: number | null, color: string, text: string, target: { at: number; text: string } | undefined, noData: string): void {
  const top = cy - BAR_H / 2;
  out.push(`<rect x="${TRACK_X}" y="${top}" width="${TRACK_W}" height="${BAR_H}" rx="4" fill="#eceff1"/>`);
  if (at === null) out.push(`<text x="${TRACK_X + 12}" y="${cy + 6}" font-size="17" font-style="italic" fill="#6c757d">${esc(noData)}</text>`);
  else out.push(`<rect x="${TRACK_X}" y="${top}" width="${xOf(at) - TRACK_X}" height="${BAR_H}" rx="4" fill="${color}"/>`);
  let textX = at === null ? 0 : xOf(at) + 10;
  if (target) {
    const tx = xOf(target.at);
    out.push(`<rect x="${tx - 1.5}" y="${top - 6}" width="3" height="${BAR_H + 12}" fill="${MARK}"/>`);
    out.push(`<text x="${tx}" y="${top - 10}" font-size="13" fill="${MARK}" text-anchor="middle">${esc(target.text)}</text>`);
    if (textX && textX < tx + 10 && textX > tx - 60) textX = tx + 10; // never print over the marker
  }
  if (at !== null) out.push(valueText(textX, cy, text));
}

export function indicatorsChartSvg(input: IndicatorsChartInput): string {
  const { bars, legend } = input;
  const counts = input.counts ?? [];
  const out: string[] = [];
  const full = WIDTH - 2 * PAD;
  out.push(`<text x="${PAD}" y="56" font-size="${fitSize(input.title, 30, full, 0.7)}" font-weight="bold" fill="#212529">${esc(input.title)}</text>`);
  if (input.subtitle) out.push(`<text x="${PAD}" y="90" font-size="${fitSize(input.subtitle, 20, full)}" fill="#6c757d">${esc(input.subtitle)}</text>`);
  const rowsTop = input.subtitle ? 118 : 84;

  // Shares, on the percent scale.
  bars.forEach((bar, i) => {
    const cy = rowsTop + 8 + i * ROW_H + ROW_H / 2;
    label(out, cy, bar.label, bar.base);
    const color = bar.target === undefined ? NEUTRAL : bar.share !== null && bar.share >= bar.target ? GREEN : RED;
    row(out, cy, bar.share, color, bar.share === null ? "" : pct(bar.share), bar.target === undefined ? undefined : { at: bar.target, text: pct(bar.target) }, legend.noData);
  });
  let y = rowsTop + bars.length * ROW_H + 8;
  if (bars.length) {
    axis(out, y, [0, 0.25, 0.5, 0.75, 1].map((v) => ({ at: v, text: pct(v) })));
    y += 40;
  }

  // Numbers, each on a scale from 0 to twice its limit (or its value, when larger).
  for (const c of counts) {
    const scale = Math.max(2 * c.limit, c.value ?? 0) || 1;
    const cy = y + 8 + ROW_H / 2;
    label(out, cy, c.label, c.base);
    const color = (c.met ?? (c.value !== null && c.value <= c.limit)) ? GREEN : RED;
    row(out, cy, c.value === null ? null : c.value / scale, color, c.value === null ? "" : String(Math.round(c.value)), { at: c.limit / scale, text: `≤ ${c.limit}` }, legend.noData);
    y += ROW_H + 8;
    axis(out, y, [0, c.limit, scale].map((v) => ({ at: v / scale, text: String(Math.round(v)) })));
    y += 40;
  }

  // Legend: one colour a meaning, then the target marker; wraps when too wide.
  const items: { mark: string; text: string }[] = [
    { mark: `<rect x="0" y="-8" width="16" height="16" rx="3" fill="${GREEN}"/>`, text: legend.met },
    { mark: `<rect x="0" y="-8" width="16" height="16" rx="3" fill="${RED}"/>`, text: legend.missed },
    ...(bars.some((b) => b.target === undefined) ? [{ mark: `<rect x="0" y="-8" width="16" height="16" rx="3" fill="${NEUTRAL}"/>`, text: legend.noTarget }] : []),
    { mark: `<rect x="6.5" y="-11" width="3" height="22" fill="${MARK}"/>`, text: legend.target },
  ];
  let x = PAD;
  y += 22;
  for (const item of items) {
    const w = 26 + textWidth(item.text, LEGEND_FONT);
    if (x > PAD && x + w > WIDTH - PAD) [x, y] = [PAD, y + 32];
    out.push(`<g transform="translate(${x} ${y})">${item.mark}<text x="26" y="6" font-size="${LEGEND_FONT}" fill="#343a40">${esc(item.text)}</text></g>`);
    x += w + 32;
  }
  return svgPage(WIDTH, Math.round(y + 30), out);
}

/** Renders the indicators chart as PNG bytes, 1000 px wide. */
export function renderIndicatorsChart(input: IndicatorsChartInput): Buffer {
  return svgToPng(indicatorsChartSvg(input));
}
