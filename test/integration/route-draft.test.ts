// The route draft (issue 12, items 6, 7, 8, 19): the teacher's edits survive a change
// of hours or format, a format with nothing in it is said plainly, a practice item is
// «в дополнение к программе» only beside a programme, local activities stay local,
// and the draft is edited with a few clear buttons, its items listed by due date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases.ts";
import type { BotMessage, FakeUser } from "../support/fake-bot-api.ts";
import { Harness } from "../support/harness.ts";
import { answerMany, onboard, type ProfileAnswers, startDiagnostic } from "../support/journey.ts";

const targets = await databaseTargets();

/** Deficits in the subject and methodological groups; returns the first draft. */
async function draftFor(u: FakeUser, profile: ProfileAnswers = {}): Promise<BotMessage> {
  let q = await answerMany(u, await startDiagnostic(u, await onboard(u, profile)), 10, "worst");
  q = await answerMany(u, q, 15, "best");
  const result = await u.nextMessage();
  await u.answerTo(u.click(result, "Построить маршрут"));
  return u.nextMessage();
}

const labels = (m: BotMessage) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
const keyOf = (i: { programmeId: string | null; activityId: string | null }) => (i.programmeId ? `programme:${i.programmeId}` : `activity:${i.activityId}`);

/** The draft's item blocks: «N. …» with its «Почему: …» line, in the order shown. */
function blocks(text: string): { n: number; line: string; why: string }[] {
  const lines = text.split("\n");
  return lines.flatMap((l, i) => {
    const m = /^(\d+)\. /.exec(l);
    return m ? [{ n: Number(m[1]), line: l, why: lines[i + 1]?.trim().startsWith("Почему:") ? lines[i + 1]!.trim() : "" }] : [];
  });
}

const dueOf = (line: string) => {
  const [, d, m, y] = /до (\d\d)\.(\d\d)\.(\d{4})$/.exec(line)!;
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
};

describe.each(targets)("the route draft on the $name database", (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  const draftRow = (telegramId: number) =>
    h.prisma.route.findFirstOrThrow({ where: { person: { telegramId: BigInt(telegramId) }, status: "DRAFT" }, include: { items: { orderBy: [{ dueOn: "asc" }, { position: "asc" }] } } });

  it("edits with a number, then «Убрать» or «Заменить»; hours and format in one press; the edits survive both", async () => {
    const u = h.api.user(5101);
    let draft = await draftFor(u);
    // No cryptic «✕ 1» / «↻ 1» buttons: a number per item, the choices shown.
    expect(labels(draft).some((l) => /^[✕↻] \d/.test(l))).toBe(false);
    expect(labels(draft)).toEqual(expect.arrayContaining(["№ 1", "✓ Любой формат", "Очно", "Дистанционно", "Смешанный", "36 ч", "✓ 72 ч", "120 ч", "250 ч"]));
    expect(draft.text).toContain("нажмите его номер");

    // 120 hours in one press.
    await u.answerTo(u.click(draft, "120 ч"));
    draft = await u.nextEdit();
    expect(labels(draft)).toContain("✓ 120 ч");
    let route = await draftRow(5101);
    expect(route.hoursBudget).toBe(120);
    expect(route.items.length).toBeGreaterThanOrEqual(3);

    // Replace item 1: pick it, then «Заменить».
    await u.answerTo(u.click(draft, "№ 1"));
    draft = await u.nextEdit();
    expect(draft.text).toContain("Пункт 1: «");
    expect(labels(draft)).toEqual(["✕ Убрать пункт 1", "↻ Заменить пункт 1", "← К черновику"]);
    const replaced = keyOf(route.items[0]!);
    expect((await u.answerTo(u.click(draft, "↻ Заменить пункт 1"))).text).toBeUndefined();
    draft = await u.nextEdit();
    route = await draftRow(5101);
    const keys = () => route.items.map(keyOf);
    expect(keys()).not.toContain(replaced);
    const chosen = route.chosen[0]!.split("|")[1]!;
    expect(keys()).toContain(chosen);

    // Drop another item (the last one that is not the replacement).
    const n = route.items.map(keyOf).findLastIndex((k) => k !== chosen) + 1;
    await u.answerTo(u.click(draft, `№ ${n}`));
    draft = await u.nextEdit();
    const dropped = keyOf(route.items[n - 1]!);
    await u.answerTo(u.click(draft, `✕ Убрать пункт ${n}`));
    draft = await u.nextEdit();
    route = await draftRow(5101);
    expect(keys()).not.toContain(dropped);
    expect(draft.text).toContain("Ваши правки (2 изменения) сохранятся");

    // In person, in one press: the draft is rebuilt and keeps both edits.
    await u.answerTo(u.click(draft, "Очно"));
    draft = await u.nextEdit();
    expect(draft.text).toContain("Формат: очно");
    expect(labels(draft)).toContain("✓ Очно");
    route = await draftRow(5101);
    expect(route.preferredFormat).toBe("IN_PERSON");
    expect(keys()).not.toContain(replaced);
    expect(keys()).not.toContain(dropped);
    expect(keys()).toContain(chosen);

    // 36 hours in one press; then back to the original draft.
    await u.answerTo(u.click(draft, "36 ч"));
    draft = await u.nextEdit();
    route = await draftRow(5101);
    expect(route.hoursBudget).toBe(36);
    expect(keys()).not.toContain(replaced);
    expect(keys()).not.toContain(dropped);
    // A chosen replacement the 36 hours cannot hold is said, not silently lost.
    expect(keys()).toContain(chosen); // a 36-hour programme: it still fits

    // A chosen replacement the hours cannot hold is said, not silently lost, and comes back with more hours.
    await h.prisma.route.update({ where: { id: route.id }, data: { chosen: { push: "methodological|programme:102537" } } }); // 48 hours
    await u.answerTo(u.click(draft, "120 ч"));
    draft = await u.nextEdit();
    route = await draftRow(5101);
    expect(keys()).toContain("programme:102537");
    expect(draft.text).not.toContain("не поместил");
    await u.answerTo(u.click(draft, "36 ч"));
    draft = await u.nextEdit();
    route = await draftRow(5101);
    expect(keys()).not.toContain("programme:102537");
    expect(draft.text).toContain("1 пункт, выбранный вами на замену, не поместился в лимит часов. Он вернётся, если увеличить лимит.");
    await u.answerTo(u.click(draft, "↺ Вернуть исходный вариант"));
    draft = await u.nextEdit();
    route = await draftRow(5101);
    expect([route.excluded, route.chosen]).toEqual([[], []]);
    expect(labels(draft)).not.toContain("↺ Вернуть исходный вариант");

    // A choice the keyboard never offered is refused.
    expect((await u.answerTo(u.press(draft, `rd:${route.id}:budget:37`))).text).toBe("Эта кнопка уже не действует");
    expect((await draftRow(5101)).hoursBudget).toBe(36);
  });

  it("lists the items by due date", async () => {
    const u = h.api.user(5102);
    let draft = await draftFor(u);
    await u.answerTo(u.click(draft, "250 ч"));
    draft = await u.nextEdit();
    const shown = blocks(draft.text!);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.map((b) => b.n)).toEqual(shown.map((_, i) => i + 1));
    const dues = shown.map((b) => dueOf(b.line));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it("says when nothing in the chosen format fits, and not when something does", async () => {
    const u = h.api.user(5103);
    let draft = await draftFor(u);
    await u.answerTo(u.click(draft, "Дистанционно"));
    draft = await u.nextEdit();
    const route = await draftRow(5103);
    // The sample catalogue has no online programme for this teacher's deficits within 72 hours.
    expect(route.items.some((i) => i.programmeId === null)).toBe(false);
    expect(draft.text).toContain("Дистанционных программ и мероприятий под ваши дефициты нет");
    expect(draft.text).toContain("показаны другие форматы");
    await u.answerTo(u.click(draft, "Очно"));
    draft = await u.nextEdit();
    expect(draft.text).not.toContain("программ и мероприятий под ваши дефициты нет");
    expect(draft.text).not.toContain("не нашлось по темам");
  });

  it("calls practice «в дополнение к программе» only beside a programme of its group", async () => {
    const u = h.api.user(5104);
    let draft = await draftFor(u);
    await u.answerTo(u.click(draft, "120 ч"));
    draft = await u.nextEdit();
    let route = await draftRow(5104);
    // A group with a programme and a practice item.
    const group = route.items.find((i) => i.activityId && route.items.some((p) => p.programmeId && p.competency === i.competency))!.competency;
    const practiceIndex = route.items.findIndex((i) => i.activityId && i.competency === group);
    const programmeIndex = route.items.findIndex((i) => i.programmeId && i.competency === group);
    expect(blocks(draft.text!)[practiceIndex]!.why).toContain("практика в дополнение к программе");

    // Drop the programme: its practice item no longer claims one.
    await u.answerTo(u.click(draft, `№ ${programmeIndex + 1}`));
    draft = await u.nextEdit();
    await u.answerTo(u.click(draft, `✕ Убрать пункт ${programmeIndex + 1}`));
    draft = await u.nextEdit();
    route = await draftRow(5104);
    for (const [i, item] of route.items.entries()) {
      const hasProgramme = route.items.some((p) => p.programmeId && p.competency === item.competency);
      if (!hasProgramme) expect(blocks(draft.text!)[i]!.why, item.activityId ?? "").not.toContain("в дополнение к программе");
    }
    const practice = route.items.findIndex((i) => i.activityId && i.competency === group);
    expect(practice).toBeGreaterThanOrEqual(0);
    expect(blocks(draft.text!)[practice]!.why).not.toContain("в дополнение к программе");
  });

  it("never offers another municipality's local activity", async () => {
    // A mathematics teacher in Шиловский район: the Рязань ММО of mathematics teachers is not theirs.
    const u = h.api.user(5105);
    let draft = await draftFor(u);
    await u.answerTo(u.click(draft, "250 ч"));
    draft = await u.nextEdit();
    const offered = new Set<string>();
    const route = await draftRow(5105);
    route.items.forEach((i) => offered.add(keyOf(i)));
    // Ask for alternatives to a subject practice item until the catalogue has none left.
    const practiceIndex = route.items.findIndex((i) => i.activityId && i.competency === "subject");
    expect(practiceIndex).toBeGreaterThanOrEqual(0);
    let itemId = route.items[practiceIndex]!.id;
    for (let tries = 0; tries < 40; tries++) {
      const current = await draftRow(5105);
      const index = current.items.findIndex((i) => i.id === itemId);
      await u.answerTo(u.click(draft, `№ ${index + 1}`));
      draft = await u.nextEdit();
      const answer = await u.answerTo(u.click(draft, `↻ Заменить пункт ${index + 1}`));
      if (answer.text) {
        expect(answer.text).toBe("Других подходящих вариантов в каталоге нет");
        break;
      }
      draft = await u.nextEdit();
      const after = await draftRow(5105);
      const item = after.items.find((i) => i.id === itemId)!;
      // A replaced entry is never offered again.
      expect(offered.has(keyOf(item)), keyOf(item)).toBe(false);
      offered.add(keyOf(item));
      itemId = item.id;
    }
    expect(offered.size).toBeGreaterThan(route.items.length);
    expect(offered.has("activity:act-com-mmo-math")).toBe(false);
    expect(draft.text).not.toContain("ММО учителей математики");
  });
});
