// Mentoring in the chat: become a mentor, find one (up to three candidates, no
// contact data until acceptance), answer requests, and the pair's life: meetings,
// goals from the mentee's route, the monthly check-in, closing with feedback.
// Every action checks on the server that the person is in the pair or request.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard } from "grammy";
import { instrumentFor, localize, type Instrument } from "../../core/instrument.ts";
import { localDate } from "../../core/schedule.ts";
import type { PersonView } from "../../repositories/people.ts";
import { latestResult } from "../../services/results.ts";
import { mayBecomeMentor, type NextStep } from "../../services/mentoring.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, BotConversation, ConversationContext, Deps } from "../context.ts";
import { withProfile } from "../guards.ts";
import { recipientTranslators } from "../i18n.ts";
import { askMentorMessage, contactOf, meetingLoggedMessage, movedOnMessage, nameOf, pairMadeMessages, placeOf, shortNameOf } from "../views/mentoring.ts";
import { isYoungTeacher } from "../../core/profile.ts";
import { formatDate, itemTitle } from "../views/route.ts";
import { showChoice } from "../views/choice.ts";

export const MEETING_CONVERSATION = "meeting";
export const FEEDBACK_CONVERSATION = "feedback";
/** Messages to other people speak their language (chosen in /settings, else Russian). */
const translators = (deps: Deps, personIds: readonly number[]) => recipientTranslators(deps.i18n, deps.locales, personIds);

/** After a mentor declined (or left the bot): the mentee is told, and the next candidate, if any, gets the request. */
export async function tellDeclined(deps: Deps, requestId: number, menteeId: number, nextStep: NextStep): Promise<void> {
  const now = deps.clock.now();
  const next = nextStep.step === "asked" ? (await deps.mentoring.people([nextStep.mentorId]))[0] : undefined;
  const [mentee] = await deps.mentoring.people([menteeId]);
  const request = await deps.mentoring.request(requestId);
  if (!mentee || !request) return;
  const tr = await translators(deps, [mentee.id, ...(next ? [next.id] : [])]);
  await deps.notify([
    movedOnMessage(tr.t(mentee.id), requestId, mentee, "declined", next ? { step: "asked", id: next.id, name: nameOf(next) } : { step: "exhausted" }, now),
    ...(next ? [askMentorMessage(tr.t(next.id), deps.content.instruments, requestId, mentee, next, request.needs, deps.config.MENTOR_ANSWER_DAYS, now, tr.locale(next.id))] : []),
  ]);
}

function groupsOf(deps: Deps, person: PersonView): Instrument["groups"] {
  return (person.position && instrumentFor(deps.content.instruments, person.position)?.groups) || deps.content.instruments[0]!.groups;
}

const bits = (mask: number, codes: readonly string[]) => codes.filter((_, i) => mask & (1 << i));
const maskOf = (chosen: readonly string[], codes: readonly string[]) => codes.reduce((m, c, i) => (chosen.includes(c) ? m | (1 << i) : m), 0);

/** The mentoring screen: one's mentor (or a way to find one), one's mentees, and the mentor profile. */
export async function mentoringHome(ctx: BotContext, deps: Deps, person: PersonView): Promise<void> {
  const t = ctx.t;
  const lines: string[] = [t("mentoring-title")];
  const kb = new InlineKeyboard();
  const pairs = await deps.mentoring.pairsOf(person.id);
  const locale = await ctx.i18n.getLocale();
  const asMentee = pairs.filter((p) => p.menteeId === person.id);
  for (const p of asMentee) {
    lines.push("", t("mentoring-your-mentor", { name: nameOf(p.mentor), place: placeOf(p.mentor) || "—", contact: contactOf(p.mentor) }));
    if (p.meetings[0]) lines.push(t("mentoring-last-meeting", { date: formatDate(p.meetings[0].date, locale), topic: p.meetings[0].topic }));
    kb.text(t("button-log-meeting"), cb.pair(p.id, "meet")).text(t("button-goals"), cb.pair(p.id, "goals")).row().text(t("button-close-pair"), cb.pair(p.id, "close")).row();
  }
  if (asMentee.length === 0) {
    const request = await deps.mentoring.openRequestOf(person.id);
    if (request?.status === "ASKED" && request.askedId) {
      const [asked] = await deps.mentoring.people([request.askedId]);
      lines.push("", t("mentoring-waiting", { name: asked ? nameOf(asked) : "—", days: deps.config.MENTOR_ANSWER_DAYS }));
    } else {
      lines.push("", t("mentoring-no-mentor"));
      kb.text(t("button-find-mentor"), cb.needsForm(await defaultNeeds(deps, person), "t", 99)).row();
    }
  }
  const profile = await deps.mentoring.profile(person.id);
  const asMentor = pairs.filter((p) => p.mentorId === person.id);
  if (profile && profile.status !== "STOPPED") {
    lines.push("", t(profile.status === "PAUSED" ? "mentoring-you-mentor-paused" : "mentoring-you-mentor", { taken: profile.taken, capacity: profile.capacity }));
    for (const p of asMentor) {
      lines.push(t("mentoring-mentee-line", { name: nameOf(p.mentee), place: placeOf(p.mentee) || "—", contact: contactOf(p.mentee) }));
      kb.text(t("button-log-meeting-with", { name: nameOf(p.mentee).split(" ")[0]! }), cb.pair(p.id, "meet")).text(t("button-close-pair"), cb.pair(p.id, "close")).row();
    }
    kb.text(t(profile.status === "PAUSED" ? "button-mentor-resume" : "button-mentor-pause"), cb.mentoring(profile.status === "PAUSED" ? "resume" : "pause"))
      .text(t("button-mentor-stop"), cb.mentoring("stop"))
      .row();
  } else if (!isYoungTeacher(person)) {
    // Young teachers (first three years) are mentored rather than mentors.
    kb.text(t("button-become-mentor"), cb.mentorForm(await defaultStrengths(deps, person), profile?.capacity ?? 2, "t", 99)).row();
  }
  kb.text(t("button-menu"), cb.menu("open"));
  await ctx.reply(lines.join("\n"), { reply_markup: kb });
}

/** Needs pre-filled from the latest diagnostic's deficits and groups to develop. */
async function defaultNeeds(deps: Deps, person: PersonView): Promise<number> {
  const r = await latestResult(deps.attempts, deps.content, person.id);
  return maskOf(r?.current.filter((s) => s.level !== "CONFIDENT").map((s) => s.group) ?? [], groupsOf(deps, person).map((g) => g.code));
}

/** Strengths pre-filled from the latest diagnostic's confident groups. */
async function defaultStrengths(deps: Deps, person: PersonView): Promise<number> {
  const r = await latestResult(deps.attempts, deps.content, person.id);
  return maskOf(r?.current.filter((s) => s.level === "CONFIDENT").map((s) => s.group) ?? [], groupsOf(deps, person).map((g) => g.code));
}

function toggleKeyboard(ctx: BotContext, groups: Instrument["groups"], mask: number, locale: string, toggle: (i: number) => string): InlineKeyboard {
  const kb = new InlineKeyboard();
  groups.forEach((g, i) => kb.text(`${mask & (1 << i) ? "✅ " : ""}${localize(g.short, locale)}`, toggle(i)).row());
  return kb;
}

async function show(ctx: BotContext, text: string, keyboard: InlineKeyboard, edit = true): Promise<void> {
  const edited = edit && ctx.callbackQuery?.message && (await ctx.editMessageText(text, { reply_markup: keyboard }).then(() => true, () => false));
  if (!edited) await ctx.reply(text, { reply_markup: keyboard });
}

/** What to get help with, pre-filled from the diagnostic when there is one (and said so only then). */
async function needsScreen(ctx: BotContext, deps: Deps, person: PersonView, mask: number, edit: boolean): Promise<void> {
  const kb = toggleKeyboard(ctx, groupsOf(deps, person), mask, await ctx.i18n.getLocale(), (i) => cb.needsForm(mask, "t", i));
  kb.text(ctx.t("button-pick-mentors"), cb.needsForm(mask, "go"));
  const diagnosed = (await deps.attempts.completed(person.id, 1)).length > 0;
  await show(ctx, ctx.t(diagnosed ? "mentoring-needs" : "mentoring-needs-blank"), kb, edit);
}

/** The mentor sign-up: strengths (pre-filled from the diagnostic, said so only when there is one) and places, then save. */
async function mentorSignUp(ctx: BotContext, deps: Deps, person: PersonView, mask: number, places: number, edit: boolean): Promise<void> {
  const kb = toggleKeyboard(ctx, groupsOf(deps, person), mask, await ctx.i18n.getLocale(), (i) => cb.mentorForm(mask, places, "t", i));
  [1, 2, 3, 4, 5].forEach((n) => kb.text(n === places ? `[${n}]` : String(n), cb.mentorForm(mask, places, "c", n)));
  kb.row().text(ctx.t("button-save"), cb.mentorForm(mask, places, "save"));
  const diagnosed = (await deps.attempts.completed(person.id, 1)).length > 0;
  await show(ctx, ctx.t(diagnosed ? "mentoring-offer" : "mentoring-offer-blank", { places }), kb, edit);
}

/** Nobody to find while one has a mentor or a request waits for an answer. */
async function mayFindMentor(deps: Deps, person: PersonView): Promise<boolean> {
  if ((await deps.mentoring.pairsOf(person.id)).some((p) => p.menteeId === person.id)) return false;
  const request = await deps.mentoring.openRequestOf(person.id);
  return !(request?.status === "ASKED" && request.askedId);
}

async function candidatesView(ctx: BotContext, deps: Deps, person: PersonView, requestId: number): Promise<void> {
  const candidates = await deps.mentoringService.candidates(person, requestId);
  if (candidates.length === 0) {
    const request = await deps.mentoring.request(requestId);
    if (request) await deps.mentoring.exhaust(requestId, deps.clock.now());
    await ctx.reply(ctx.t("mentoring-exhausted"), { reply_markup: new InlineKeyboard().text(ctx.t("button-menu"), cb.menu("open")) });
    return;
  }
  const people = new Map((await deps.mentoring.people(candidates.map((c) => c.personId))).map((p) => [p.id, p]));
  const locale = await ctx.i18n.getLocale();
  const subjects = new Map(deps.content.subjects.map((s) => [s.code, localize(s.name, locale)]));
  const groups = new Map(deps.content.instruments.flatMap((i) => i.groups).map((g) => [g.code, localize(g.short, locale)]));
  const lines = [ctx.t("mentoring-candidates")];
  const kb = new InlineKeyboard();
  for (const [i, c] of candidates.entries()) {
    const p = people.get(c.personId)!;
    const profile = await deps.mentoring.profile(c.personId);
    lines.push(
      "",
      ctx.t("mentoring-candidate", {
        n: i + 1,
        name: nameOf(p),
        place: placeOf(p) || "—",
        subjects: (profile?.subjects ?? []).map((s) => subjects.get(s) ?? s).join(", ") || "—",
        strengths: (profile?.strengths ?? []).map((s) => groups.get(s) ?? s).join(", ") || "—",
      }),
    );
    kb.text(ctx.t("button-ask-mentor", { name: shortNameOf(p) }), cb.askMentor(requestId, c.personId)).row();
  }
  lines.push("", ctx.t("mentoring-candidates-hint"));
  await ctx.reply(lines.join("\n"), { reply_markup: kb });
}

export function meetingConversation(deps: Deps) {
  return async function meeting(conversation: BotConversation, ctx: ConversationContext, pairId: number): Promise<void> {
    const ask = async (key: string, min: number, max: number, optional: boolean): Promise<string | null | undefined> => {
      await ctx.reply(ctx.t(key), { reply_markup: optional ? new InlineKeyboard().text(ctx.t("button-skip"), "mx:skip") : new InlineKeyboard().text(ctx.t("button-cancel"), "mx:cancel") });
      for (let tries = 0; tries < 6; tries++) {
        const c = await conversation.wait();
        if (c.callbackQuery) {
          await c.answerCallbackQuery();
          if (c.callbackQuery.data === "mx:skip" && optional) return null;
          if (c.callbackQuery.data === "mx:cancel") return undefined;
          continue;
        }
        if (c.hasCommand("cancel")) return undefined;
        const text = c.message?.text?.trim();
        if (text && !text.startsWith("/") && text.length >= min && text.length <= max) return text;
        await c.reply(c.t("mentoring-text-invalid", { min, max }));
      }
      return undefined;
    };
    const topic = await ask("mentoring-ask-topic", 3, 200, false);
    if (topic == null) {
      await ctx.reply(ctx.t("mentoring-meeting-cancelled"));
      return;
    }
    const note = await ask("mentoring-ask-note", 3, 1000, true);
    if (note === undefined) {
      await ctx.reply(ctx.t("mentoring-meeting-cancelled"));
      return;
    }
    const saved = await conversation.external(async () => {
      const person = await deps.people.byTelegramId(ctx.from!.id);
      const pair = person && (await deps.mentoring.pairOf(pairId, person.id));
      if (!person || !pair || pair.status !== "ACTIVE") return false;
      const now = deps.clock.now();
      const day = new Date(`${localDate(now, deps.content.directory.region.timezone)}T00:00:00Z`);
      await deps.mentoring.logMeeting(pairId, person.id, { date: day, topic, note }, now);
      // A meeting the mentor logs is news for the mentee (through the outbox, not this chat).
      if (pair.mentorId === person.id) await deps.notify([meetingLoggedMessage((await translators(deps, [pair.mentee.id])).t(pair.mentee.id), pairId, pair.mentor, pair.mentee, topic, now)]);
      return true;
    });
    await ctx.reply(ctx.t(saved ? "mentoring-meeting-saved" : "no-access"), { reply_markup: new InlineKeyboard().text(ctx.t("button-mentoring"), cb.mentoring("home")) });
  };
}

export function feedbackConversation(deps: Deps) {
  return async function feedback(conversation: BotConversation, ctx: ConversationContext, pairId: number): Promise<void> {
    await ctx.reply(ctx.t("mentoring-ask-feedback-comment"), { reply_markup: new InlineKeyboard().text(ctx.t("button-skip"), "mx:skip") });
    for (let tries = 0; tries < 6; tries++) {
      const c = await conversation.wait();
      if (c.callbackQuery || c.hasCommand("cancel")) {
        if (c.callbackQuery) await c.answerCallbackQuery();
        await c.reply(c.t("mentoring-feedback-skipped"));
        return;
      }
      const text = c.message?.text?.trim();
      if (!text || text.startsWith("/") || text.length > 1000) {
        await c.reply(c.t("mentoring-text-invalid", { min: 1, max: 1000 }));
        continue;
      }
      await conversation.external(async () => {
        const person = await deps.people.byTelegramId(c.from!.id);
        const pair = person && (await deps.mentoring.pairOf(pairId, person.id));
        const existing = pair && (await deps.mentoring.feedbackOf(pairId, person!.id));
        if (person && pair && existing) await deps.mentoring.feedback(pairId, person.id, existing.rating, text, deps.clock.now());
      });
      await c.reply(c.t("mentoring-feedback-thanks"));
      return;
    }
  };
}

export function mentoringConversations(deps: Deps, i18n: I18n<ConversationContext>): Composer<BotContext> {
  // Two separate use() calls: use() returns the child composer, so a chain would nest them.
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, ConversationContext>(meetingConversation(deps), { id: MEETING_CONVERSATION }));
  composer.use(createConversation<BotContext, ConversationContext>(feedbackConversation(deps), { id: FEEDBACK_CONVERSATION }));
  return composer;
}

export function mentoringFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("mentoring", (ctx) => withProfile(ctx, deps, (p) => mentoringHome(ctx, deps, p)));

  composer.callbackQuery(patterns.mentoring, async (ctx) => {
    await ctx.answerCallbackQuery();
    await withProfile(ctx, deps, async (person) => {
      const action = ctx.match[1];
      // From the profile's or the result's button: the needs screen or the sign-up at once, unless
      // there is nothing to find (a mentor, a request waiting) or to sign up for (a mentor already).
      if (action === "find" && (await mayFindMentor(deps, person))) return needsScreen(ctx, deps, person, await defaultNeeds(deps, person), false);
      if (action === "become" && (await mayBecomeMentor(deps.mentoring, person))) return mentorSignUp(ctx, deps, person, await defaultStrengths(deps, person), (await deps.mentoring.profile(person.id))?.capacity ?? 2, false);
      if (action === "pause" || action === "resume" || action === "stop") await deps.mentoring.setStatus(person.id, action === "pause" ? "PAUSED" : action === "resume" ? "ACTIVE" : "STOPPED", deps.clock.now());
      await mentoringHome(ctx, deps, person);
    });
  });

  // Becoming a mentor: strengths (pre-filled from the person's confident groups) and places, then save.
  composer.callbackQuery(patterns.mentorForm, async (ctx) => {
    await ctx.answerCallbackQuery();
    await withProfile(ctx, deps, async (person) => {
      const groups = groupsOf(deps, person);
      let [mask, places] = [Number(ctx.match[1]) & ((1 << groups.length) - 1), Number(ctx.match[2])];
      const [action, arg] = [ctx.match[3], Number(ctx.match[4])];
      if (action === "t" && arg < groups.length) mask ^= 1 << arg;
      if (action === "c" && arg >= 1 && arg <= 5) places = arg;
      if (action === "save") {
        const strengths = bits(mask, groups.map((g) => g.code));
        const result = await deps.mentoring.saveProfile(person.id, { subjects: person.subjects, strengths, capacity: places }, null, deps.clock.now());
        if (result === "below-taken") return ctx.reply(ctx.t("mentoring-below-taken"));
        await deps.mentoring.setStatus(person.id, "ACTIVE", deps.clock.now());
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        await ctx.reply(ctx.t("mentoring-mentor-saved", { places }));
        return mentoringHome(ctx, deps, person);
      }
      await mentorSignUp(ctx, deps, person, mask, places, true);
    });
  });

  // Finding a mentor: what to get help with (pre-filled from deficits), then candidates.
  composer.callbackQuery(patterns.needsForm, async (ctx) => {
    await ctx.answerCallbackQuery();
    await withProfile(ctx, deps, async (person) => {
      const groups = groupsOf(deps, person);
      let mask = Number(ctx.match[1]) & ((1 << groups.length) - 1);
      const [action, arg] = [ctx.match[2], Number(ctx.match[3])];
      if (action === "t" && arg < groups.length) mask ^= 1 << arg;
      if (action === "go") {
        const request = await deps.mentoring.createRequest(person.id, bits(mask, groups.map((g) => g.code)), deps.clock.now());
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        if (request.status === "ASKED") return mentoringHome(ctx, deps, person);
        return candidatesView(ctx, deps, person, request.id);
      }
      await needsScreen(ctx, deps, person, mask, true);
    });
  });

  composer.callbackQuery(patterns.askMentor, async (ctx) => {
    const [requestId, mentorId] = [Number(ctx.match[1]), Number(ctx.match[2])];
    const person = await deps.people.byTelegramId(ctx.from.id);
    if (!person) return ctx.answerCallbackQuery({ text: ctx.t("need-start") });
    const outcome = await deps.mentoringService.choose(person, requestId, mentorId);
    if (outcome.outcome === "stale") return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const request = (await deps.mentoring.request(requestId))!;
    const askedId = outcome.outcome === "moved" ? (outcome.next.step === "asked" ? outcome.next.mentorId : undefined) : mentorId;
    if (outcome.outcome === "moved") await ctx.reply(ctx.t("mentoring-full"));
    if (askedId === undefined) {
      await ctx.reply(ctx.t("mentoring-exhausted"));
      return;
    }
    const [mentor] = await deps.mentoring.people([askedId]);
    const [mentee] = await deps.mentoring.people([person.id]);
    const tr = await translators(deps, [mentor!.id]);
    await deps.notify([askMentorMessage(tr.t(mentor!.id), deps.content.instruments, requestId, mentee!, mentor!, request.needs, deps.config.MENTOR_ANSWER_DAYS, deps.clock.now(), tr.locale(mentor!.id))]);
    await ctx.reply(ctx.t("mentoring-request-sent", { name: nameOf(mentor!), days: deps.config.MENTOR_ANSWER_DAYS }));
  });

  composer.callbackQuery(patterns.mentorAnswer, async (ctx) => {
    const requestId = Number(ctx.match[1]);
    const accept = ctx.match[2] === "a";
    const mentor = await deps.people.byTelegramId(ctx.from.id);
    const result = mentor ? await deps.mentoringService.answer(mentor, requestId, accept) : { result: "stale" as const };
    if (result.result === "stale" || !mentor) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    await showChoice(ctx, ctx.t(accept ? "button-accept" : "button-decline"));
    const now = deps.clock.now();
    if (result.result === "accepted") {
      const [m, e] = await deps.mentoring.people([mentor.id, result.mentee.id]).then((ps) => [ps.find((p) => p.id === mentor.id)!, ps.find((p) => p.id === result.mentee.id)!]);
      await deps.notify(pairMadeMessages((await translators(deps, [m!.id, e!.id])).t, result.pairId, m!, e!, now));
      return;
    }
    await ctx.reply(ctx.t("mentoring-declined-ok"));
    await tellDeclined(deps, requestId, result.mentee.id, result.next);
  });

  composer.callbackQuery(patterns.pair, async (ctx) => {
    const [pairId, action] = [Number(ctx.match[1]), ctx.match[2]];
    const person = await deps.people.byTelegramId(ctx.from.id);
    const pair = person && (await deps.mentoring.pairOf(pairId, person.id));
    if (!person || !pair || pair.status !== "ACTIVE") return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    await ctx.answerCallbackQuery();
    switch (action) {
      case "meet":
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(MEETING_CONVERSATION, pairId);
      case "close":
        return void (await ctx.reply(ctx.t("mentoring-close-confirm"), {
          reply_markup: new InlineKeyboard().text(ctx.t("button-close-yes"), cb.pair(pairId, "closeok")).row().text(ctx.t("button-mentoring"), cb.mentoring("home")),
        }));
      case "closeok": {
        const now = deps.clock.now();
        if (!(await deps.mentoring.close(pairId, person.id, now))) return;
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        await ctx.reply(ctx.t("mentoring-closed"));
        const rating = [1, 2, 3, 4, 5].map((n) => ({ text: "⭐".repeat(n), data: cb.feedback(pairId, n) }));
        const tr = await translators(deps, [pair.mentor.id, pair.mentee.id]);
        await deps.notify(
          [pair.mentor, pair.mentee].map((p) => ({
            key: `pair-feedback:${pairId}:${p.id}`,
            kind: "mentoring",
            personId: p.id,
            chatId: p.telegramId,
            text: tr.t(p.id)("mentoring-ask-feedback", { name: nameOf(p.id === pair.mentorId ? pair.mentee : pair.mentor) }),
            mentions: [p.id === pair.mentorId ? pair.menteeId : pair.mentorId],
            aboutMentioned: true,
            buttons: [rating.slice(0, 3), rating.slice(3)],
            dueAt: now,
          })),
        );
        return;
      }
      case "goals": {
        const route = await deps.routes.activeOf(pair.menteeId);
        if (!route) {
          // The mentee reads about their own route; the mentor about the mentee's.
          const own = pair.menteeId === person.id;
          const kb = own ? new InlineKeyboard().text(ctx.t("button-route"), cb.route("open")).row() : new InlineKeyboard();
          return void (await ctx.reply(ctx.t(own ? "mentoring-goals-no-route-own" : "mentoring-goals-no-route"), { reply_markup: kb.text(ctx.t("button-mentoring"), cb.mentoring("home")) }));
        }
        const linked = new Set((await deps.mentoring.goalsOf(pairId)).map((g) => g.routeItemId));
        const kb = new InlineKeyboard();
        route.items.forEach((item, i) => kb.text(`${linked.has(item.id) ? "🎯 " : ""}${i + 1}. ${itemTitle(item).slice(0, 40)}`, cb.goal(pairId, item.id)).row());
        return void (await ctx.reply(ctx.t("mentoring-goals"), { reply_markup: kb.text(ctx.t("button-mentoring"), cb.mentoring("home")) }));
      }
    }
  });

  // A goal of the pair linked to an item of the mentee's active route.
  composer.callbackQuery(patterns.goal, async (ctx) => {
    const [pairId, itemId] = [Number(ctx.match[1]), Number(ctx.match[2])];
    const person = await deps.people.byTelegramId(ctx.from.id);
    const pair = person && (await deps.mentoring.pairOf(pairId, person.id));
    const item = pair && (await deps.routes.activeItem(itemId, pair.menteeId));
    if (!person || !pair || !item) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    const added = await deps.mentoring.addGoal(pairId, itemId, itemTitle(item), deps.clock.now());
    await ctx.answerCallbackQuery({ text: ctx.t(added ? "mentoring-goal-added" : "mentoring-goal-exists") });
  });

  composer.callbackQuery(patterns.checkin, async (ctx) => {
    const [pairId, month, met] = [Number(ctx.match[1]), ctx.match[2]!, ctx.match[3] === "y"];
    const person = await deps.people.byTelegramId(ctx.from.id);
    const pair = person && (await deps.mentoring.pairOf(pairId, person.id));
    if (!person || !pair) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    await deps.mentoring.checkin(pairId, person.id, month, met, deps.clock.now());
    await showChoice(ctx, ctx.t(met ? "button-checkin-yes" : "button-checkin-no"));
    await ctx.reply(ctx.t(met ? "mentoring-checkin-thanks" : "mentoring-checkin-nudge"), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-log-meeting"), cb.pair(pairId, "meet")),
    });
  });

  composer.callbackQuery(patterns.feedback, async (ctx) => {
    const [pairId, rating] = [Number(ctx.match[1]), Number(ctx.match[2])];
    const person = await deps.people.byTelegramId(ctx.from.id);
    const pair = person && (await deps.mentoring.pairOf(pairId, person.id));
    if (!person || !pair || pair.status !== "CLOSED") return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    await deps.mentoring.feedback(pairId, person.id, rating, null, deps.clock.now());
    await showChoice(ctx, "⭐".repeat(rating));
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(FEEDBACK_CONVERSATION, pairId);
  });

  return composer;
}
