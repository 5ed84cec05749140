// The shape of a diagnostic instrument, independent of how it is stored or shown.

export type Locale = "ru" | "en";
export type Localized = { ru: string; en?: string | undefined };

export function localize(text: Localized, locale: string): string {
  return (locale === "en" ? text.en : undefined) ?? text.ru;
}

export type Position = "TEACHER" | "HEAD" | "DEPUTY" | "UNIT_HEAD";
export const POSITIONS: readonly Position[] = ["TEACHER", "HEAD", "DEPUTY", "UNIT_HEAD"];

export interface Group {
  code: string;
  title: Localized;
  short: Localized;
  deficit: Localized;
}

interface ItemBase {
  id: string;
  group: string;
  text: Localized;
  /** The skill in a few words, used to name a deficit in plain language. */
  hint: Localized;
}

/** A statement the person rates on the instrument's self-assessment scale. */
export interface ScaleItem extends ItemBase {
  type: "scale";
}

/** A short situation with options; each option carries points. */
export interface CaseItem extends ItemBase {
  type: "case";
  options: { text: Localized; score: number }[];
}

export type Item = ScaleItem | CaseItem;

export interface Instrument {
  id: string;
  version: string;
  title: Localized;
  audience: Position[];
  /** Self-assessment answers, worst first. */
  scale: Localized[];
  groups: Group[];
  items: Item[];
}

/** How many answers an item offers. */
export function choiceCount(instrument: Instrument, item: Item): number {
  return item.type === "scale" ? instrument.scale.length : item.options.length;
}

export interface ItemPoints {
  points: number;
  maxPoints: number;
}

/** Points for a choice, or undefined when the choice does not exist. */
export function pointsFor(instrument: Instrument, item: Item, choice: number): ItemPoints | undefined {
  if (!Number.isInteger(choice) || choice < 0 || choice >= choiceCount(instrument, item)) return undefined;
  if (item.type === "scale") return { points: choice, maxPoints: instrument.scale.length - 1 };
  const maxPoints = Math.max(...item.options.map((o) => o.score));
  return { points: item.options[choice]!.score, maxPoints };
}

/** The instrument meant for a position: its audience lists the position. */
export function instrumentFor(instruments: readonly Instrument[], position: Position): Instrument | undefined {
  return instruments.find((i) => i.audience.includes(position));
}
