import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { localize, type Instrument } from "../../core/instrument.ts";
import { cb } from "../callback-data.ts";

export interface QuestionView {
  text: string;
  keyboard: InlineKeyboard;
}

/** One question a message: progress, the group, the item, answers as buttons. */
export function questionView(
  t: TranslateFunction,
  locale: string,
  instrument: Instrument,
  attemptId: number,
  cursor: number,
  previousChoice?: number,
): QuestionView {
  const item = instrument.items[cursor]!;
  const group = instrument.groups.find((g) => g.code === item.group)!;
  const lines = [
    t("question-progress", { n: cursor + 1, total: instrument.items.length, group: localize(group.title, locale) }),
    "",
    localize(item.text, locale),
  ];
  const keyboard = new InlineKeyboard();
  if (item.type === "scale") {
    lines.push("", t("question-scale-prompt"));
    instrument.scale.forEach((label, i) => {
      keyboard.text(localize(label, locale), cb.answer(attemptId, cursor, i));
      if (i % 2 === 1) keyboard.row();
    });
  } else {
    lines.push("");
    item.options.forEach((o, i) => lines.push(`${i + 1}. ${localize(o.text, locale)}`));
    item.options.forEach((_, i) => keyboard.text(String(i + 1), cb.answer(attemptId, cursor, i)));
    keyboard.row();
  }
  if (previousChoice !== undefined) lines.push("", t("question-previous-answer", { answer: choiceLabel(locale, instrument, cursor, previousChoice) }));
  if (cursor > 0) keyboard.text(t("button-back"), cb.answer(attemptId, cursor, "back"));
  keyboard.text(t("button-pause"), cb.answer(attemptId, cursor, "pause"));
  return { text: lines.join("\n"), keyboard };
}

/** The answer as the person saw it: the scale label, or the case option's number. */
export function choiceLabel(locale: string, instrument: Instrument, cursor: number, choice: number): string {
  const item = instrument.items[cursor]!;
  return item.type === "scale" ? localize(instrument.scale[choice]!, locale) : String(choice + 1);
}
