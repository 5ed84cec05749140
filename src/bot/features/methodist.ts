// Methodists: their teachers, a teacher's card, recommendations and route review,
// digest settings; and everyone's reminder settings. A methodist sees a teacher
// only when the teacher is in their caseload, checked on the server for every action.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { renderProfileChart } from "../../chart/profile-chart.ts";
import { formatPercent } from "../../core/format.ts";
import { localize } from "../../core/instrument.ts";
import { isYoungTeacher } from "../../core/profile.ts";
import { routeProgress } from "../../core/route.ts";
import { latestResult } from "../../services/results.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, BotConversation, ConversationContext, Deps } from "../context.ts";
import { resultChart } from "../views/result.ts";
import { formatDate, groupTitle, itemTitle, kindLabel } from "../views/route.ts";
import { localDate } from "../../core/schedule.ts";
import { positionKey } from "./profile.ts";
import { staffName } from "../views/staff-panel.ts";
import { showInPlace } from "../views/in-place.ts";
import { recipientTranslators } from "../i18n.ts";
import { isLocaleId, LOCALE_IDS } from "../../repositories/locales.ts";

export const STAFF_TEXT_CONVERSATION = "staff-text";
const PAGE = 10;
const TEXT = { min: 5, max: 1000 };
export const REMINDER_KINDS = ["diagnostic", "route", "repeat"] as const;
/** A route item's status on the teacher's card; an overdue one is marked «⏰» instead. */
const ITEM_MARK = { PLANNED: "⏳", IN_PROGRESS: "▶️", DONE: "✅", SKIPPED: "⏭" } as const;
const CARD_TITLE = 70;
/** The hours a digest can come at, offered all at once; one inside the quiet hours is kept too (src/core/schedule.ts quietHoursFor). */
const DIGEST_HOURS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
/** Russia's time zones, west to east. */
const TIME_ZONES = ["Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka"];

/** The methodist behind this update, or null when the person is not one. */
async function methodistOf(ctx: BotContext, deps: Deps) {
  const person = await deps.people.byTelegramId(ctx.from!.id);
  return person && (await deps.roles.has(person.id, "METHODIST")) ? person : null;
}

/** Translations in the teacher's language (chosen in /settings, else Russian). */
const teacherT = async (deps: Deps, teacherId: number) => (await recipientTranslators(deps.i18n, deps.locales, [teacherId])).t(teacherId);

/** A message from a methodist to a teacher, through the outbox, with one button. */
async function notifyTeacher(deps: Deps, teacher: { id: number; telegramId: bigint }, kind: string, textKey: string, author: { id: number; fullName: string | null }, button: [string, string], now: Date): Promise<void> {
  const t = await teacherT(deps, teacher.id);
  return deps.notify([
    {
      key: `${kind}:${teacher.id}:${now.getTime()}`,
      kind,
      personId: teacher.id,
      chatId: teacher.telegramId,
      text: t(textKey, { author: staffName(author.fullName, (k) => t(k)), named: author.fullName?.trim() ? "yes" : "no" }),
      buttons: [[{ text: t(button[0]), data: button[1] }]],
      dueAt: now,
      mentions: [author.id],
    },
  ]);
}

async function teacherList(ctx: BotContext, deps: Deps, methodistId: number, page: number): Promise<void> {
  const total = await deps.caseloads.size(methodistId);
  const teachers = await deps.caseloads.teachers(methodistId, page * PAGE, PAGE);
  const lines = [ctx.t("teachers-title", { total })];
  if (total > deps.config.CASELOAD_CAP) lines.push(`⚠️ ${ctx.t("admin-over-cap", { cap: deps.config.CASELOAD_CAP })}`);
  if (total === 0) lines.push("", ctx.t((await deps.caseloads.assignmentsOf(methodistId)).length ? "teachers-none-yet" : "teachers-none"));
  const kb = new InlineKeyboard();
  teachers.forEach((t, i) => {
    lines.push(`${page * PAGE + i + 1}. ${t.fullName ?? "—"} — ${t.organization?.name ?? t.organizationOther ?? "—"}${isYoungTeacher(t) ? ` · ${ctx.t("teachers-young")}` : ""}`);
    kb.text(String(page * PAGE + i + 1), cb.card(t.id));
    if (i % 5 === 4) kb.row();
  });
  kb.row();
  if (page > 0) kb.text("◀", cb.teachers(page - 1));
  if ((page + 1) * PAGE < total) kb.text("▶", cb.teachers(page + 1));
  kb.row().text(ctx.t("button-caseload-pairs"), cb.caseloadPairs()).text(ctx.t("button-broadcast-mine"), cb.broadcastStart("mine")).row();
  kb.text(ctx.t("button-digest-settings"), cb.digestSettings("open")).row().text(ctx.t("button-menu"), cb.menu("open"));
  await ctx.reply(lines.join("\n"), { reply_markup: kb });
}

/** Mentoring pairs in which a teacher of the caseload is mentor or mentee. */
async function caseloadPairs(ctx: BotContext, deps: Deps, methodistId: number): Promise<void> {
  const ids = (await deps.caseloads.teachers(methodistId, 0, 100_000)).map((t) => t.id);
  const pairs = await deps.mentoring.pairsOfPeople(ids);
  const locale = await ctx.i18n.getLocale();
  const lines = [ctx.t("caseload-pairs-title", { count: pairs.length })];
  for (const p of pairs) lines.push(ctx.t("caseload-pair", { mentor: p.mentor.fullName ?? "—", mentee: p.mentee.fullName ?? "—", since: formatDate(p.createdAt, locale) }));
  await ctx.reply(lines.join("\n"), { reply_markup: new InlineKeyboard().text(ctx.t("button-my-teachers"), cb.teachers(0)) });
}

/** A teacher's card: profile, latest profile of competencies with the change, route progress, mentoring, recommendations. */
async function teacherCard(ctx: BotContext, deps: Deps, teacherId: number): Promise<void> {
  const person = await deps.people.byId(teacherId);
  if (!person) return;
  const locale = await ctx.i18n.getLocale();
  const subjects = new Map(deps.content.subjects.map((s) => [s.code, localize(s.name, locale)]));
  const lines = [
    `👤 ${person.fullName ?? "—"}`,
    ctx.t("card-profile", {
      position: person.position ? ctx.t(positionKey[person.position]) : "—",
      organization: person.organization?.name ?? person.organizationOther ?? "—",
      municipality: person.municipality?.name ?? "—",
      subjects: person.subjects.map((s) => subjects.get(s) ?? s).join(", ") || "—",
      experience: person.experienceYears == null ? "—" : ctx.t("experience-years", { n: person.experienceYears }),
    }),
  ];
  // About the teacher, in the third person: the methodist reads it.
  if (isYoungTeacher(person)) lines.push(ctx.t("card-young"));
  const latest = await latestResult(deps.attempts, deps.content, person.id);
  if (latest) {
    lines.push("", ctx.t("card-diagnostic", { date: formatDate(latest.attempt.completedAt, locale, deps.content.directory.region.timezone) }));
    for (const c of latest.changes) {
      const mark = c.level === "DEFICIT" ? "🔴" : c.level === "DEVELOP" ? "🟡" : "🟢";
      lines.push(`${mark} ${groupTitle(deps.content.instruments, c.group, locale)}: ${c.score}${c.delta === undefined ? "" : ` (${c.delta > 0 ? "+" : c.delta < 0 ? "−" : "±"}${Math.abs(c.delta)})`}`);
    }
  } else {
    lines.push("", ctx.t("card-no-diagnostic"));
  }
  const route = await deps.routes.activeOf(person.id);
  if (route) {
    const p = routeProgress(route.items);
    lines.push("", ctx.t("card-route", { percent: formatPercent(p.percent / 100, locale, 0), done: p.hoursDone, total: p.hoursTotal, count: route.items.length }));
    // The items themselves, overdue ones marked, so that approval is an informed one.
    const today = new Date(`${localDate(deps.clock.now(), deps.content.directory.region.timezone)}T00:00:00Z`);
    route.items.forEach((item, i) => {
      const late = (item.status === "PLANNED" || item.status === "IN_PROGRESS") && item.dueOn < today;
      const title = itemTitle(item);
      lines.push(
        ctx.t(late ? "card-route-item-overdue" : "card-route-item", {
          n: i + 1,
          mark: ITEM_MARK[item.status],
          kind: kindLabel(ctx.t, item),
          title: title.length > CARD_TITLE ? `${title.slice(0, CARD_TITLE - 1)}…` : title,
          status: ctx.t(`status-${item.status.toLowerCase()}`),
          due: formatDate(item.dueOn, locale),
        }),
      );
    });
    if (route.reviewedAt) lines.push(ctx.t("card-route-reviewed", { date: formatDate(route.reviewedAt, locale) }));
    if (route.reviewComment) lines.push(ctx.t("card-route-comment", { comment: route.reviewComment }));
  } else {
    lines.push("", ctx.t("card-no-route"));
  }
  const pairs = await deps.mentoring.pairsOf(person.id);
  if (pairs.length === 0) lines.push(ctx.t("card-mentoring-none"));
  for (const p of pairs) {
    lines.push(
      p.menteeId === person.id
        ? ctx.t("card-mentor", { name: p.mentor.fullName ?? "—", since: formatDate(p.createdAt, locale), meetings: p._count.meetings })
        : ctx.t("card-mentee", { name: p.mentee.fullName ?? "—", since: formatDate(p.createdAt, locale) }),
    );
  }
  const recs = await deps.people.recommendationsFor(person.id, 3);
  if (recs.length) {
    lines.push("", ctx.t("card-recommendations"));
    for (const r of recs) lines.push(`• ${formatDate(r.createdAt, locale)}: ${r.text}`);
  }
  const kb = new InlineKeyboard();
  if (latest) kb.text(ctx.t("button-card-chart"), cb.card(person.id, "chart"));
  kb.text(ctx.t("button-card-recommend"), cb.card(person.id, "rec")).row();
  if (route && !route.reviewedAt) kb.text(ctx.t("button-card-approve"), cb.card(person.id, "ok"));
  if (route) kb.text(ctx.t("button-card-comment"), cb.card(person.id, "comment"));
  if (!(await deps.mentoring.profile(person.id))) kb.row().text(ctx.t("button-card-make-mentor"), cb.card(person.id, "mentor"));
  kb.row().text(ctx.t("button-my-teachers"), cb.teachers(0));
  await ctx.reply(lines.join("\n"), { reply_markup: kb });
}

/** A recommendation or a comment on the route, written by the methodist and delivered to the teacher. */
export function staffTextConversation(deps: Deps) {
  return async function staffText(conversation: BotConversation, ctx: ConversationContext, args: { teacherId: number; kind: "rec" | "comment" }): Promise<void> {
    await ctx.reply(ctx.t(args.kind === "rec" ? "card-ask-recommendation" : "card-ask-comment"), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cb.card(args.teacherId)),
    });
    for (let tries = 0; tries < 8; tries++) {
      const c = await conversation.wait();
      if (c.hasCommand("cancel") || c.callbackQuery) {
        if (c.callbackQuery) await c.answerCallbackQuery();
        await c.reply(c.t("card-text-cancelled"));
        return;
      }
      const text = c.message?.text?.trim();
      if (!text || text.startsWith("/") || text.length < TEXT.min || text.length > TEXT.max) {
        await c.reply(c.t("card-text-invalid", { min: TEXT.min, max: TEXT.max }));
        continue;
      }
      const saved = await conversation.external(async () => {
        // The caseload is checked again when the text is saved.
        const author = await deps.people.byTelegramId(c.from!.id);
        if (!author || !(await deps.roles.has(author.id, "METHODIST")) || !(await deps.caseloads.canSee(author.id, args.teacherId))) return false;
        const now = deps.clock.now();
        const teacher = await deps.people.byId(args.teacherId);
        if (!teacher) return false;
        if (args.kind === "rec") await deps.people.recommend(author.id, teacher.id, text, now);
        else if (!(await deps.routes.review(teacher.id, author.id, now, text))) return false;
        const t = await teacherT(deps, teacher.id);
        await deps.notify([
          {
            key: `${args.kind === "rec" ? "recommendation" : "route-comment"}:${teacher.id}:${now.getTime()}`,
            kind: args.kind === "rec" ? "recommendation" : "route-comment",
            personId: teacher.id,
            chatId: teacher.telegramId,
            text: t(args.kind === "rec" ? "notify-recommendation" : "notify-route-comment", { author: staffName(author.fullName, (k) => t(k)), text }),
            buttons: [[{ text: t("button-route"), data: cb.route("open") }]],
            dueAt: now,
            mentions: [author.id],
          },
        ]);
        return true;
      });
      await c.reply(c.t(saved ? "card-text-saved" : "no-access"), { reply_markup: new InlineKeyboard().text(c.t("button-my-teachers"), cb.teachers(0)) });
      return;
    }
  };
}

export function staffTextFeature(deps: Deps, i18n: I18n<ConversationContext>): Composer<BotContext> {
  return new Composer<BotContext>().use(
    createConversation<BotContext, ConversationContext>(staffTextConversation(deps), { id: STAFF_TEXT_CONVERSATION }),
  );
}

/** The digest settings; a press on them changes the message in place. */
async function digestSettings(ctx: BotContext, deps: Deps, personId: number, inPlace: boolean): Promise<void> {
  const p = (await deps.people.byId(personId))!;
  const tz = p.timeZone ?? deps.content.directory.region.timezone;
  const text = ctx.t("digest-settings", { hour: p.digestHour, tz, empty: ctx.t(p.digestWhenEmpty ? "digest-empty-line" : "digest-empty-nothing") });
  const kb = new InlineKeyboard()
    .text(ctx.t("button-digest-hour", { hour: p.digestHour }), cb.digestSettings("hour"))
    .row()
    .text(ctx.t("button-digest-tz"), cb.digestSettings("tz"))
    .row()
    .text(ctx.t(p.digestWhenEmpty ? "button-digest-empty-nothing" : "button-digest-empty-line"), cb.digestSettings("empty"))
    .row()
    .text(ctx.t("button-my-teachers"), cb.teachers(0));
  if (inPlace) await showInPlace(ctx, text, kb);
  else await ctx.reply(text, { reply_markup: kb });
}

/** Every hour offered at once: one press chooses. */
async function digestHourPicker(ctx: BotContext, deps: Deps, personId: number): Promise<void> {
  const p = (await deps.people.byId(personId))!;
  const kb = new InlineKeyboard();
  DIGEST_HOURS.forEach((hour, i) => {
    kb.text(`${hour === p.digestHour ? "✓ " : ""}${hour}:00`, cb.digestSettings("hour", hour));
    if (i % 4 === 3) kb.row();
  });
  kb.row().text(ctx.t("button-back"), cb.digestSettings("open", 1));
  const [from, to] = deps.config.QUIET_HOURS;
  await showInPlace(ctx, ctx.t("digest-pick-hour", { tz: p.timeZone ?? deps.content.directory.region.timezone, from, to }), kb);
}

async function digestZonePicker(ctx: BotContext, deps: Deps, personId: number): Promise<void> {
  const p = (await deps.people.byId(personId))!;
  const current = p.timeZone ?? deps.content.directory.region.timezone;
  const kb = new InlineKeyboard();
  TIME_ZONES.forEach((zone, i) => {
    kb.text(`${zone === current ? "✓ " : ""}${zone.split("/")[1]!.replace("_", " ")}`, cb.digestSettings("tz", i));
    if (i % 3 === 2) kb.row();
  });
  kb.row().text(ctx.t("button-back"), cb.digestSettings("open", 1));
  await showInPlace(ctx, ctx.t("digest-pick-tz", { tz: current }), kb);
}

/** The reminder settings; a toggle changes the message in place. */
async function reminderSettings(ctx: BotContext, deps: Deps, personId: number, inPlace: boolean): Promise<void> {
  const p = (await deps.people.byId(personId))!;
  const kb = new InlineKeyboard();
  for (const kind of REMINDER_KINDS) {
    const on = !p.mutedKinds.includes(kind);
    kb.text(`${on ? "🔔" : "🔕"} ${ctx.t(`reminder-kind-${kind}`)}`, cb.reminders(kind)).row();
  }
  // The language: the person's choice, used for replies and for everything queued for them.
  const locale = await ctx.i18n.getLocale();
  for (const l of LOCALE_IDS) kb.text(`${l === locale ? "✓ " : ""}${ctx.t(`language-${l}`)}`, cb.reminders(`lang-${l}`));
  kb.row();
  if (await deps.roles.has(p.id, "METHODIST")) kb.text(ctx.t("button-digest-settings"), cb.digestSettings("open")).row();
  kb.text(ctx.t("button-menu"), cb.menu("open"));
  const text = ctx.t("reminder-settings", { from: deps.config.QUIET_HOURS[0], to: deps.config.QUIET_HOURS[1], language: ctx.t(`language-${locale === "en" ? "en" : "ru"}`) });
  if (inPlace) await showInPlace(ctx, text, kb);
  else await ctx.reply(text, { reply_markup: kb });
}

export function methodistFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("teachers", async (ctx) => {
    const m = await methodistOf(ctx, deps);
    if (!m) return ctx.reply(ctx.t("no-access"));
    await teacherList(ctx, deps, m.id, 0);
  });

  composer.callbackQuery(patterns.teachers, async (ctx) => {
    const m = await methodistOf(ctx, deps);
    if (!m) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    await teacherList(ctx, deps, m.id, Number(ctx.match[1]));
  });

  composer.callbackQuery(patterns.card, async (ctx) => {
    const [, id, action] = ctx.match;
    const teacherId = Number(id);
    const m = await methodistOf(ctx, deps);
    // A forged or replayed payload naming a teacher outside the caseload is refused here.
    if (!m || !(await deps.caseloads.canSee(m.id, teacherId))) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    if (!action) return teacherCard(ctx, deps, teacherId);
    if (action === "chart") {
      const teacher = (await deps.people.byId(teacherId))!;
      const latest = await latestResult(deps.attempts, deps.content, teacherId);
      if (!latest) return;
      const locale = await ctx.i18n.getLocale();
      const png = renderProfileChart(
        resultChart(ctx.t, locale, { instrument: latest.instrument, changes: latest.changes, deficits: [], completedAt: latest.attempt.completedAt, fullName: teacher.fullName, timeZone: deps.content.directory.region.timezone }, deps.thresholds),
      );
      await ctx.replyWithPhoto(new InputFile(png, "profile.png"));
      return;
    }
    if (action === "mentor") {
      const now = deps.clock.now();
      const teacher = (await deps.people.byId(teacherId))!;
      const strengths = (await latestResult(deps.attempts, deps.content, teacherId))?.current.filter((c) => c.level === "CONFIDENT").map((c) => c.group) ?? [];
      await deps.mentoring.saveProfile(teacherId, { subjects: teacher.subjects, strengths, capacity: 2 }, m.id, now);
      await notifyTeacher(deps, teacher, "mentoring", "notify-mentor-marked", m, ["button-mentoring", cb.mentoring("home")], now);
      await ctx.reply(ctx.t("card-mentor-marked"));
      return teacherCard(ctx, deps, teacherId);
    }
    if (action === "ok") {
      const now = deps.clock.now();
      const teacher = (await deps.people.byId(teacherId))!;
      if (!(await deps.routes.review(teacherId, m.id, now))) return ctx.reply(ctx.t("button-stale"));
      await notifyTeacher(deps, teacher, "route-approved", "notify-route-approved", m, ["button-route", cb.route("open")], now);
      await ctx.reply(ctx.t("card-approved"));
      return teacherCard(ctx, deps, teacherId);
    }
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(STAFF_TEXT_CONVERSATION, { teacherId, kind: action });
  });

  composer.callbackQuery(patterns.caseloadPairs, async (ctx) => {
    const m = await methodistOf(ctx, deps);
    if (!m) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    await caseloadPairs(ctx, deps, m.id);
  });

  composer.callbackQuery(patterns.digestSettings, async (ctx) => {
    const m = await methodistOf(ctx, deps);
    if (!m) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    const [, action, value] = ctx.match;
    switch (action) {
      case "open":
        // From a list or panel: a new message; back from a picker ("open:1"): in place.
        return digestSettings(ctx, deps, m.id, value !== undefined);
      case "hour":
        if (value === undefined) return digestHourPicker(ctx, deps, m.id);
        if (!DIGEST_HOURS.includes(Number(value))) return;
        await deps.people.setDigest(m.id, { digestHour: Number(value) });
        break;
      case "tz": {
        if (value === undefined) return digestZonePicker(ctx, deps, m.id);
        const zone = TIME_ZONES[Number(value)];
        if (!zone) return;
        await deps.people.setDigest(m.id, { timeZone: zone });
        break;
      }
      case "empty": {
        const p = (await deps.people.byId(m.id))!;
        await deps.people.setDigest(m.id, { digestWhenEmpty: !p.digestWhenEmpty });
        break;
      }
    }
    await digestSettings(ctx, deps, m.id, true);
  });

  composer.command("settings", async (ctx) => {
    const p = await deps.people.byTelegramId(ctx.from!.id);
    if (!p) return ctx.reply(ctx.t("need-start"));
    await reminderSettings(ctx, deps, p.id, false);
  });

  composer.callbackQuery(patterns.reminders, async (ctx) => {
    const p = await deps.people.byTelegramId(ctx.from.id);
    if (!p) return ctx.answerCallbackQuery({ text: ctx.t("need-start") });
    await ctx.answerCallbackQuery();
    const kind = ctx.match[1];
    let toggle = (REMINDER_KINDS as readonly string[]).includes(kind!);
    if (toggle) await deps.people.toggleMuted(p.id, kind!);
    const locale = kind?.startsWith("lang-") ? kind.slice(5) : undefined;
    if (isLocaleId(locale)) {
      await deps.locales.set(p.id, locale);
      // This very answer already speaks the new language.
      await ctx.i18n.renegotiateLocale();
      toggle = true;
    }
    // A toggle changes the settings message; opening them from the menu sends it.
    await reminderSettings(ctx, deps, p.id, toggle);
  });

  return composer;
}
