// What the charts share: the bundled font, XML escaping, the SVG frame and PNG
// rendering. Cyrillic shows on any machine because no system font is used.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";

export const FONT = "DejaVu Sans";

// The bundled DejaVu fonts, resolved once from the package (not from the cwd).
const FONT_FILES: string[] = (() => {
  const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"].map((f) => join(dir, f));
})();

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** A white SVG page of the given size around the parts. */
export function svgPage(width: number, height: number, parts: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...parts,
    `</svg>`,
  ].join("\n");
}

export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT } }).render().asPng();
}
