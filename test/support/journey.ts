// Steps of the teacher's journey, as a person would take them in the chat.
import { expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BotMessage, FakeUser } from "./fake-bot-api.ts";
import { addressName } from "../../src/core/names.ts";

type RawItem = { type: "scale" | "case"; options?: { score: number }[] };
const instruments: Record<number, RawItem[]> = Object.fromEntries(
  ["teacher", "manager"].map((id) => {
    const file = path.resolve(import.meta.dirname, `../../content/instruments/${id}.json`);
    const items = (JSON.parse(readFileSync(file, "utf8")) as { items: RawItem[] }).items;
    return [items.length, items];
  }),
);

/** A button index, or the answer worth most or least points. */
export type Pick = number | "best" | "worst";

function pickIndex(question: BotMessage, pick: Pick, count: number): number {
  if (typeof pick === "number") return Math.min(pick, count - 1);
  const match = /Вопрос (\d+) из (\d+)/.exec(question.text ?? "")!;
  const item = instruments[Number(match[2])]![Number(match[1]) - 1]!;
  if (item.type === "scale") return pick === "best" ? count - 1 : 0;
  const scores = item.options!.map((o) => o.score);
  const target = pick === "best" ? Math.max(...scores) : Math.min(...scores);
  return scores.indexOf(target);
}

export function buttons(m: BotMessage): { text: string; callback_data?: string }[] {
  return (m.reply_markup?.inline_keyboard ?? []).flat();
}

/** /start and consent; returns once the profile form asks for the name. */
export async function consent(u: FakeUser): Promise<void> {
  u.send("/start");
  expect((await u.nextMessage()).text).toContain("Здравствуйте");
  const consentMessage = await u.nextMessage();
  expect(consentMessage.text).toContain("152-ФЗ");
  u.click(consentMessage, "Даю согласие");
  expect(buttons(await u.nextEdit())).toEqual([]);
  expect((await u.nextMessage()).text).toContain("заполним короткий профиль");
  expect((await u.nextMessage()).text).toContain("Как вас зовут");
}

export interface ProfileAnswers {
  name?: string;
  position?: string;
  municipalitySearch?: string;
  municipality?: RegExp;
  organization?: RegExp;
  subjects?: string[];
  experience?: string;
  age?: string;
}

/** Fills the profile form from the name question on; returns the closing message. */
export async function fillProfile(u: FakeUser, a: ProfileAnswers = {}): Promise<BotMessage> {
  u.send(a.name ?? "Иванова Мария Петровна");
  const position = await u.nextMessage();
  expect(position.text).toContain("должность");
  u.click(position, a.position ?? "Педагог");
  expect((await u.nextEdit()).text).toContain("→");
  const municipalityQuestion = await u.nextMessage();
  expect(municipalityQuestion.text).toContain("муниципалитет");
  u.send(a.municipalitySearch ?? "шилов");
  const found = await u.nextMessage();
  expect(found.text).toContain("Нашлось");
  u.click(found, a.municipality ?? /Шиловский/);
  await u.nextEdit();
  const organization = await u.nextMessage();
  expect(organization.text).toContain("организацию");
  u.click(organization, a.organization ?? /Шиловская/);
  await u.nextEdit();
  const subjects = await u.nextMessage();
  expect(subjects.text).toContain("преподаёте");
  for (const s of a.subjects ?? ["Математика", "Физика"]) {
    u.click(subjects, s);
    await u.nextEdit();
  }
  u.click(subjects, "Готово");
  await u.nextEdit();
  const experience = await u.nextMessage();
  expect(experience.text).toContain("лет");
  u.send(a.experience ?? "12");
  const age = await u.nextMessage();
  expect(age.text).toContain("возраст");
  u.click(age, a.age ?? "45–54");
  await u.nextEdit();
  const saved = await u.nextMessage();
  expect(saved.text).toContain("Профиль сохранён");
  return saved;
}

/** Answers the question with the button at an index, or with the best or worst answer; returns the query id. */
export function answer(u: FakeUser, question: BotMessage, pick: Pick): string {
  const answers = buttons(question).filter((b) => /:\d+$/.test(b.callback_data ?? ""));
  return u.press(question, answers[pickIndex(question, pick, answers.length)]!.callback_data!);
}

export function questionNumber(m: BotMessage): number {
  const match = /Вопрос (\d+) из (\d+)/.exec(m.text ?? "");
  if (!match) throw new Error(`not a question: ${m.text?.slice(0, 80)}`);
  return Number(match[1]);
}

/** Consent and a complete profile; returns the message that offers the diagnostic. */
export async function onboard(u: FakeUser, a: ProfileAnswers = {}): Promise<BotMessage> {
  await consent(u);
  return fillProfile(u, a);
}

/**
 * A coordinator or methodist whose role was granted before they came (ADMIN_TELEGRAM_IDS,
 * the CLI): /start, consent, their name, and no teacher's profile; returns their panel.
 */
export async function onboardStaff(u: FakeUser, name = "Координаторова Ольга Ивановна"): Promise<BotMessage> {
  u.send("/start");
  expect((await u.nextMessage()).text).toContain("Здравствуйте");
  const consentMessage = await u.nextMessage();
  u.click(consentMessage, "Даю согласие");
  await u.nextEdit();
  expect((await u.nextMessage()).text).toContain("профиль педагога вам не нужен");
  expect((await u.nextMessage()).text).toContain("Как вас зовут");
  u.send(name);
  expect((await u.nextMessage()).text).toContain(`Спасибо, ${addressName(name)}!`);
  return u.nextMessage();
}

/** Starts the diagnostic from the profile's closing message; returns question 1. */
export async function startDiagnostic(u: FakeUser, saved: BotMessage): Promise<BotMessage> {
  u.click(saved, "Пройти диагностику");
  expect((await u.nextMessage()).text).toContain("Самодиагностика");
  const q = await u.nextMessage();
  expect(questionNumber(q)).toBe(1);
  return q;
}

/** Answers `count` questions in a row with the same button; returns the message that follows. */
export async function answerMany(u: FakeUser, first: BotMessage, count: number, pick: Pick): Promise<BotMessage> {
  let q = first;
  for (let i = 0; i < count; i++) {
    await u.answerTo(answer(u, q, pick));
    await u.nextEdit();
    q = await u.nextMessage();
  }
  return q;
}
