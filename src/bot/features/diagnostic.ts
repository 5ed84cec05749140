// The diagnostic is a state machine kept in the database (Attempt.cursor and one
// Answer row an item), not a conversation: a restart, a second bot process or a
// stale button cannot lose or double an answer, and an update costs a few queries.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { renderProfileChart } from "../../chart/profile-chart.ts";
import { instrumentFor, pointsFor, type Instrument } from "../../core/instrument.ts";
import { mainDeficits, scoreGroups } from "../../core/scoring.ts";
import { latestResult } from "../../services/results.ts";
import { mayBecomeMentor } from "../../services/mentoring.ts";
import type { AttemptState } from "../../repositories/attempts.ts";
import type { PersonView } from "../../repositories/people.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, Deps } from "../context.ts";
import { choiceLabel, questionView } from "../views/question.ts";
import { resultChart, resultText } from "../views/result.ts";
import { withProfile } from "../guards.ts";
import { routeChanges } from "./route.ts";

/** The instrument an attempt was started with, if the shipped one is still that version. */
function instrumentOf(deps: Deps, attempt: AttemptState): Instrument | undefined {
  const instrument = deps.content.instruments.find((i) => i.id === attempt.instrumentId);
  return instrument?.version === attempt.instrumentVersion ? instrument : undefined;
}

/** Every item answered: the attempt only waits to be completed (an interrupted last answer leaves it so). */
const answeredAll = (attempt: AttemptState, instrument: Instrument) => attempt.cursor >= instrument.items.length;

/**
 * Continues an attempt from whatever state is stored: the question at the cursor,
 * or, when every item is answered, its completion and the result. Every entry point
 * (/diagnostic, «Продолжить», a button of an old question, /results) comes here.
 */
async function continueAttempt(ctx: BotContext, deps: Deps, person: PersonView, attempt: AttemptState, instrument: Instrument): Promise<void> {
  if (answeredAll(attempt, instrument)) return finish(ctx, deps, person, attempt, instrument);
  return sendQuestion(ctx, deps, attempt, instrument);
}

/** Asks the item at the attempt's cursor, showing the answer given before, if any (`previous`: already read). */
export async function sendQuestion(ctx: BotContext, deps: Deps, attempt: AttemptState, instrument: Instrument, previous?: { choice: number | undefined }): Promise<void> {
  const item = instrument.items[attempt.cursor]!;
  const { choice } = previous ?? { choice: await deps.attempts.choice(attempt.id, item.id) };
  const view = questionView(ctx.t, await ctx.i18n.getLocale(), instrument, attempt.id, attempt.cursor, choice);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}

/** Continues the attempt in progress or offers to start one. */
export async function resumeOrOffer(ctx: BotContext, deps: Deps, person: PersonView): Promise<void> {
  const attempt = await deps.attempts.inProgress(person.id);
  if (!attempt) {
    await ctx.reply(ctx.t("diagnostic-offer"), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-start-diagnostic"), cb.diagnostic("new")).row().text(ctx.t("button-menu"), cb.menu("open")),
    });
    return;
  }
  const instrument = instrumentOf(deps, attempt);
  if (!instrument) return restartOutdated(ctx, deps, person, attempt);
  if (answeredAll(attempt, instrument)) return finish(ctx, deps, person, attempt, instrument);
  await ctx.reply(ctx.t("diagnostic-in-progress", { n: attempt.cursor + 1, total: instrument.items.length }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("button-continue"), cb.diagnostic("continue"))
      .text(ctx.t("button-restart"), cb.diagnostic("restart"))
      .row()
      .text(ctx.t("button-menu"), cb.menu("open")),
  });
}

async function restartOutdated(ctx: BotContext, deps: Deps, person: PersonView, attempt: AttemptState): Promise<void> {
  await deps.attempts.abandon(attempt.id, deps.clock.now());
  await ctx.reply(ctx.t("diagnostic-outdated"));
  await start(ctx, deps, person);
}

async function start(ctx: BotContext, deps: Deps, person: PersonView): Promise<void> {
  const instrument = person.position ? instrumentFor(deps.content.instruments, person.position) : undefined;
  if (!instrument) {
    await ctx.reply(ctx.t("diagnostic-no-instrument"));
    return;
  }
  const attempt = await deps.attempts.start(person.id, instrument, deps.clock.now());
  if (attempt.cursor === 0) {
    await ctx.reply(ctx.t("diagnostic-intro", { total: instrument.items.length, minutes: Math.ceil(instrument.items.length / 2.5) }));
  }
  // An attempt already in progress (a second tap, a stale «Пройти диагностику») is continued as it stands.
  await continueAttempt(ctx, deps, person, attempt, instrumentOf(deps, attempt) ?? instrument);
}

/** Shows a finished attempt: the chart, then the result in words with the change since the previous attempt; thanks only right after completing it. */
export async function showResult(ctx: BotContext, deps: Deps, person: PersonView, justCompleted = false): Promise<boolean> {
  const result = await latestResult(deps.attempts, deps.content, person.id);
  if (!result) return false;
  const { instrument, attempt, current } = result;
  const input = {
    instrument,
    changes: result.changes,
    deficits: attempt.instrumentVersion === instrument.version ? mainDeficits(instrument, await deps.attempts.answers(attempt.id), current) : [],
    completedAt: attempt.completedAt,
    fullName: person.fullName,
    timeZone: deps.content.directory.region.timezone,
    justCompleted,
  };
  const locale = await ctx.i18n.getLocale();
  const changes = result.previousAttemptId
    ? await routeChanges(deps, person, result.previousAttemptId, new Map(current.map((s) => [s.group, s.score])), locale)
    : [];
  const png = renderProfileChart(resultChart(ctx.t, locale, input, deps.thresholds));
  await ctx.replyWithPhoto(new InputFile(png, "profile.png"), { caption: ctx.t("chart-caption") });
  // Next step: a route for what is to be closed, or the route already built on this result.
  const keyboard = new InlineKeyboard();
  const active = await deps.routes.activeOf(person.id);
  if (active?.attemptId === attempt.id) keyboard.text(ctx.t("button-route"), cb.route("open")).row();
  else if (current.some((s) => s.level !== "CONFIDENT")) keyboard.text(ctx.t("button-build-route"), cb.route("build")).row();
  // «Ваш опыт может пригодиться коллегам»: the way to say yes, for those who may mentor and do not yet.
  if (input.deficits.length === 0 && (await mayBecomeMentor(deps.mentoring, person))) keyboard.text(ctx.t("button-become-mentor"), cb.mentoring("become")).row();
  keyboard.text(ctx.t("button-menu"), cb.menu("open"));
  await ctx.reply(resultText(ctx.t, locale, { ...input, routeChanges: changes }), { reply_markup: keyboard });
  return true;
}

/** Completes the attempt with its scores; false when it was completed already (re-delivered update, second process). */
async function complete(deps: Deps, attempt: AttemptState, instrument: Instrument): Promise<boolean> {
  const scores = scoreGroups(instrument, await deps.attempts.answers(attempt.id), deps.thresholds);
  return deps.attempts.complete(attempt.id, scores, deps.clock.now());
}

/** Completes the attempt and shows the result; a second call shows nothing twice. */
async function finish(ctx: BotContext, deps: Deps, person: PersonView, attempt: AttemptState, instrument: Instrument): Promise<void> {
  if (await complete(deps, attempt, instrument)) await showResult(ctx, deps, person, true);
}

export function diagnosticFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("diagnostic", (ctx) => withProfile(ctx, deps, (p) => resumeOrOffer(ctx, deps, p)));
  composer.command("results", (ctx) =>
    withProfile(ctx, deps, async (p) => {
      if (!(await showResult(ctx, deps, p))) await resumeOrOffer(ctx, deps, p);
    }),
  );

  composer.callbackQuery(patterns.diagnostic, async (ctx) => {
    await ctx.answerCallbackQuery();
    await withProfile(ctx, deps, async (person) => {
      const attempt = await deps.attempts.inProgress(person.id);
      const action = ctx.match[1];
      if (attempt && action === "restart") await deps.attempts.abandon(attempt.id, deps.clock.now());
      if (attempt && action !== "restart") {
        const instrument = instrumentOf(deps, attempt);
        if (!instrument) return restartOutdated(ctx, deps, person, attempt);
        return continueAttempt(ctx, deps, person, attempt, instrument);
      }
      await start(ctx, deps, person);
    });
  });

  composer.callbackQuery(patterns.answer, async (ctx) => {
    const [, attemptId, cursorText, action] = ctx.match;
    // The attempt must be this person's own attempt in progress: a forged or old id is refused.
    const attempt = await deps.attempts.inProgressOf(ctx.from.id);
    if (!attempt || attempt.id !== Number(attemptId)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    // The whole person only where it is needed (rarely): an answer costs one query and the statement that records it.
    const person = async () => (await deps.people.byTelegramId(ctx.from.id))!;
    const instrument = instrumentOf(deps, attempt);
    if (!instrument) {
      await ctx.answerCallbackQuery();
      return restartOutdated(ctx, deps, await person(), attempt);
    }
    // Every item answered but not completed (the last answer's handling was cut short): any of its buttons completes it.
    if (answeredAll(attempt, instrument)) {
      const completed = await complete(deps, attempt, instrument);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      if (completed) await showResult(ctx, deps, await person(), true);
      return;
    }
    const cursor = Number(cursorText);
    if (cursor !== attempt.cursor) {
      return ctx.answerCallbackQuery({ text: ctx.t(cursor < attempt.cursor ? "question-already-answered" : "button-stale") });
    }
    const now = deps.clock.now();
    if (action === "pause") {
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("diagnostic-paused", { n: cursor, total: instrument.items.length }), {
        reply_markup: new InlineKeyboard().text(ctx.t("button-continue"), cb.diagnostic("continue")).row().text(ctx.t("button-menu"), cb.menu("open")),
      });
      return;
    }
    if (action === "back") {
      if (!(await deps.attempts.back(attempt.id, cursor, now))) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return sendQuestion(ctx, deps, { ...attempt, cursor: cursor - 1 }, instrument);
    }
    const item = instrument.items[cursor]!;
    const choice = Number(action);
    const points = pointsFor(instrument, item, choice);
    if (!points) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    const next = { ...attempt, cursor: cursor + 1 };
    const nextItem = instrument.items[next.cursor];
    const saved = await deps.attempts.answer(attempt.id, cursor, { itemId: item.id, choice, ...points }, now, nextItem?.id ?? null);
    if (!saved.recorded) return ctx.answerCallbackQuery({ text: ctx.t("question-already-answered") });
    // Data first: the last answer completes the attempt before anything is said to Telegram.
    const completed = !nextItem && (await complete(deps, next, instrument));
    await ctx.answerCallbackQuery();
    const asked = ctx.callbackQuery.message?.text;
    const chosen = ctx.t("question-your-answer", { answer: choiceLabel(await ctx.i18n.getLocale(), instrument, cursor, choice) });
    // Keep the question readable with the answer under it; a failed edit loses nothing.
    await (asked ? ctx.editMessageText(`${asked}\n\n${chosen}`) : ctx.editMessageReplyMarkup()).catch(() => undefined);
    if (completed) await showResult(ctx, deps, await person(), true);
    else if (nextItem) await sendQuestion(ctx, deps, next, instrument, { choice: saved.nextChoice });
  });

  return composer;
}
