// Numbers for people: shares in percent with the locale's decimal separator
// («66,7 %» in Russian, «66.7%» in English). A share that is not zero never shows
// as 0, and one below the whole never as 100. Pure: no grammY, no Prisma.

/** A share (0…1) as the percent number to show, rounded to `digits` decimals; `bound` says it is only a bound. */
export function percentShown(share: number, digits = 1): { value: number; bound?: "below" | "above" } {
  const step = 10 ** -digits;
  const value = Math.round(share * 100 * 10 ** digits) / 10 ** digits;
  if (share > 0 && value <= 0) return { value: step, bound: "below" };
  if (share < 1 && value >= 100) return { value: 100 - step, bound: "above" };
  return { value: Object.is(value, -0) ? 0 : value };
}

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : locale === "ru" ? "ru-RU" : locale);

/** A share (0…1) in percent for the locale: «66,7 %», «0 %», «<0,1 %»; null is «—». */
export function formatPercent(share: number | null, locale: string, digits = 1): string {
  if (share === null || !Number.isFinite(share)) return "—";
  const shown = percentShown(share, digits);
  const text = new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: digits }).format(shown.value / 100);
  return shown.bound === "below" ? `<${text}` : shown.bound === "above" ? `>${text}` : text;
}

/** A plain number for the locale, with at most `digits` decimals: «12,5» in Russian. */
export function formatNumber(n: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(n);
}
