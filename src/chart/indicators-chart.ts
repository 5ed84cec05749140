// Horizontal bar chart of the region's indicator shares (0–100 %) against their targets.
// Pure rendering: every user-facing text comes from the caller (already localized).
import { esc, svgPage, svgToPng } from "./svg.ts";

export interface IndicatorsChartInput {
  title: string;
  subtitle?: string;
  /** Shares 0..1 (the region's, against staff, or registered when staff is unknown); null when unknown. */
  bars: { label: string; share: number | null; target?: number }[];
  legend: { share: string; target: string; noData: string };
}


const WIDTH = 1000;
const PAD = 40;
const LABEL_RIGHT = 330;
const TRACK_X = 350;
const TRACK_W = 520;
const ROW_H = 72;
const BAR_H = 34;
const LABEL_FONT = 17;
const GREEN = "#5cb85c";
const RED = "#d9534f";
const NEUTRAL = "#78909c";
const MARK = "#263238";

const clamp = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const xOf = (share: number): number => TRACK_X + clamp(share) * TRACK_W;
const pct = (share: number): string => `${Math.round(share * 100)}%`;
const fitSize = (s: string, max: number, width: number, factor = 0.62): number =>
  Math.min(max, Math.floor(width / Math.max(1, s.length * factor)));

/** Splits a label into at most two lines that fit the label column (the second one is cut with «…»). */
function wrap(label: string, chars: number): string[] {
  if (label.length <= chars) return [label];
  const words = label.split(/\s+/);
  let first = "";
  while (words.length && (first === "" || `${first} ${words[0]}`.length <= chars)) first = first ? `${first} ${words.shift()}` : words.shift()!;
  const rest = words.join(" ");
  return rest ? [first, rest.length > chars ? `${rest.slice(0, chars - 1)}…` : rest] : [first];
}

export function indicatorsChartSvg(input: IndicatorsChartInput): string {
  const { bars, legend } = input;
  const out: string[] = [];
  const full = WIDTH - 2 * PAD;
  out.push(`<text x="${PAD}" y="56" font-size="${fitSize(input.title, 30, full, 0.7)}" font-weight="bold" fill="#212529">${esc(input.title)}</text>`);
  if (input.subtitle) out.push(`<text x="${PAD}" y="90" font-size="${fitSize(input.subtitle, 20, full)}" fill="#6c757d">${esc(input.subtitle)}</text>`);
  const rowsTop = input.subtitle ? 118 : 84;
  const axisY = rowsTop + bars.length * ROW_H + 8;

  bars.forEach((bar, i) => {
    const cy = rowsTop + 8 + i * ROW_H + ROW_H / 2;
    const top = cy - BAR_H / 2;
    const lines = wrap(bar.label, Math.floor((LABEL_RIGHT - PAD) / (LABEL_FONT * 0.58)));
    lines.forEach((line, j) => {
      const y = cy + 6 + (j - (lines.length - 1) / 2) * (LABEL_FONT + 3);
      out.push(`<text x="${LABEL_RIGHT}" y="${y}" font-size="${LABEL_FONT}" fill="#343a40" text-anchor="end">${esc(line)}</text>`);
    });
    out.push(`<rect x="${TRACK_X}" y="${top}" width="${TRACK_W}" height="${BAR_H}" rx="4" fill="#eceff1"/>`);
    if (bar.share === null) {
      out.push(`<text x="${TRACK_X + 12}" y="${cy + 6}" font-size="17" font-style="italic" fill="#6c757d">${esc(legend.noData)}</text>`);
    } else {
      const color = bar.target === undefined ? NEUTRAL : bar.share >= bar.target ? GREEN : RED;
      out.push(`<rect x="${TRACK_X}" y="${top}" width="${xOf(bar.share) - TRACK_X}" height="${BAR_H}" rx="4" fill="${color}"/>`);
    }
    let textX = bar.share === null ? 0 : xOf(bar.share) + 10;
    if (bar.target !== undefined) {
      const tx = xOf(bar.target);
      out.push(`<rect x="${tx - 1.5}" y="${top - 6}" width="3" height="${BAR_H + 12}" fill="${MARK}"/>`);
      out.push(`<text x="${tx}" y="${top - 10}" font-size="13" fill="${MARK}" text-anchor="middle">${pct(bar.target)}</text>`);
      if (textX && textX < tx + 10 && textX > tx - 60) textX = tx + 10; // never print over the marker
    }
    if (bar.share !== null) {
      out.push(`<text x="${textX}" y="${cy + 8}" font-size="21" font-weight="bold" fill="#212529" stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${pct(bar.share)}</text>`);
    }
  });

  out.push(`<line x1="${TRACK_X}" y1="${axisY}" x2="${TRACK_X + TRACK_W}" y2="${axisY}" stroke="#adb5bd" stroke-width="1.5"/>`);
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    const x = xOf(v);
    out.push(`<line x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 6}" stroke="#adb5bd" stroke-width="1.5"/>`);
    out.push(`<text x="${x}" y="${axisY + 26}" font-size="15" fill="#6c757d" text-anchor="middle">${pct(v)}</text>`);
  }

  // Legend: achieved / not achieved / no target swatches with the share label, then the target marker.
  const y = axisY + 62;
  const swatches = [GREEN, RED, NEUTRAL].map((c, i) => `<rect x="${PAD + i * 20}" y="${y - 8}" width="16" height="16" rx="3" fill="${c}"/>`);
  out.push(...swatches, `<text x="${PAD + 68}" y="${y + 6}" font-size="17" fill="#343a40">${esc(legend.share)}</text>`);
  const markerX = PAD + 68 + legend.share.length * 17 * 0.62 + 40;
  out.push(`<rect x="${markerX + 6.5}" y="${y - 11}" width="3" height="22" fill="${MARK}"/>`);
  out.push(`<text x="${markerX + 26}" y="${y + 6}" font-size="17" fill="#343a40">${esc(legend.target)}</text>`);
  const height = y + 30;

  return svgPage(WIDTH, height, out);
}

/** Renders the indicators chart as PNG bytes, 1000 px wide. */
export function renderIndicatorsChart(input: IndicatorsChartInput): Buffer {
  return svgToPng(indicatorsChartSvg(input));
}
