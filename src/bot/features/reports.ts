// The coordinator's reports in the chat (indicators with a chart and a workbook,
// the deficit map, the programme gap, address recommendations) and broadcasts:
// a coordinator to any segment, a methodist to their own teachers.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { renderIndicatorsChart } from "../../chart/indicators-chart.ts";
import { localize } from "../../core/instrument.ts";
import { indicatorsWorkbook } from "../../documents/indicators-xlsx.ts";
import type { Segment } from "../../repositories/broadcasts.ts";
import { choosePeriod, type Period, type PeriodChoice } from "../../services/reports.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, BotConversation, ConversationContext, Deps } from "../context.ts";
import { deficitMapText, gapText, indicatorsChart, indicatorsDocument, indicatorsSummary, recommendationsText } from "../views/reports.ts";
import { replyLong } from "../views/long-text.ts";
import { staffName } from "../views/staff-panel.ts";
import { formatDate } from "../views/route.ts";

export const BROADCAST_CONVERSATION = "broadcast";
const TEXT_MAX = 3500;
const RECENT_BROADCASTS = 10;

const periodText = (p: Period, locale: string) => `${formatDate(p.from, locale)} – ${formatDate(new Date(p.to.getTime() - 1), locale)}`;

/** Which period? Asked before a report; the caller has checked the coordinator's role. */
export async function askPeriod(ctx: BotContext, report: "ind" | "map" | "gap" | "recs"): Promise<void> {
  const kb = new InlineKeyboard();
  for (const choice of ["year", "last12", "prev"] as const) kb.text(ctx.t(`period-${choice}`), cb.admin(report, choice)).row();
  await ctx.reply(ctx.t("period-ask"), { reply_markup: kb });
}

/** Reports of the panel; the caller has checked the coordinator's role. */
export async function coordinatorReport(ctx: BotContext, deps: Deps, report: "ind" | "map" | "gap" | "recs", choice: PeriodChoice): Promise<void> {
  const locale = await ctx.i18n.getLocale();
  const period = choosePeriod(deps.clock.now(), choice);
  const text = periodText(period, locale);
  const groupName = (code: string) => localize(deps.content.instruments.flatMap((i) => i.groups).find((g) => g.code === code)?.short ?? { ru: code }, locale);
  switch (report) {
    case "ind": {
      const r = await deps.reports.indicators(period);
      const region = r.units.find((u) => u.level === "region")!;
      await ctx.replyWithPhoto(new InputFile(renderIndicatorsChart(indicatorsChart(ctx.t, region, text)), "indicators.png"));
      await ctx.reply(indicatorsSummary(ctx.t, region, text));
      const now = deps.clock.now();
      const generated = `${formatDate(now, locale, deps.content.directory.region.timezone)} ${now.toLocaleTimeString("ru-RU", { timeZone: deps.content.directory.region.timezone, hour: "2-digit", minute: "2-digit" })}`;
      const book = await indicatorsWorkbook(indicatorsDocument(ctx.t, r, text, generated));
      await ctx.replyWithDocument(new InputFile(book, ctx.t("indicators-file-name")), { caption: ctx.t("indicators-caption") });
      return;
    }
    case "map": {
      const { map, names } = await deps.reports.deficitMap(period);
      await replyLong(ctx, deficitMapText(ctx.t, map, names, groupName, text, deps.reports.groups));
      return;
    }
    case "gap":
      await replyLong(ctx, gapText(ctx.t, await deps.reports.gap(period), groupName, text));
      return;
    case "recs": {
      const { recommendations, names } = await deps.reports.recommendations(period);
      await replyLong(ctx, recommendationsText(ctx.t, recommendations, names, groupName, text));
      return;
    }
  }
}

/** Segment, text, preview with the number of recipients, confirmation; then the report. */
export function broadcastConversation(deps: Deps) {
  return async function broadcast(conversation: BotConversation, ctx: ConversationContext, args: { methodistId?: number }): Promise<void> {
    const groups = deps.content.instruments.flatMap((i) => i.groups);
    const locale = await ctx.i18n.getLocale();
    const choose = async (text: string, kb: InlineKeyboard): Promise<string | undefined> => {
      await ctx.reply(text, { reply_markup: kb.row().text(ctx.t("button-cancel"), "bs:cancel") });
      for (let tries = 0; tries < 6; tries++) {
        const c = await conversation.wait();
        const data = c.callbackQuery?.data;
        if (data?.startsWith("bs:")) {
          await c.answerCallbackQuery();
          return data === "bs:cancel" ? undefined : data.slice(3);
        }
        if (c.hasCommand("cancel")) return undefined;
        await c.reply(ctx.t("profile-use-buttons"));
      }
      return undefined;
    };
    const cancelled = () => ctx.reply(ctx.t("broadcast-cancelled"));

    // 1. Segment.
    const kinds = new InlineKeyboard()
      // A methodist writes to their own caseload only: the button says so.
      .text(ctx.t(args.methodistId === undefined ? "segment-all" : "segment-all-mine"), "bs:all").row()
      .text(ctx.t("segment-teachers"), "bs:teacher").text(ctx.t("segment-managers"), "bs:manager").row()
      .text(ctx.t("segment-young"), "bs:young").row()
      .text(ctx.t("segment-deficit"), "bs:deficit");
    if (args.methodistId === undefined) kinds.row().text(ctx.t("segment-municipality"), "bs:mun").row().text(ctx.t("segment-mentors"), "bs:mentor").text(ctx.t("segment-methodists"), "bs:methodist");
    const kind = await choose(ctx.t(args.methodistId === undefined ? "broadcast-who" : "broadcast-who-caseload"), kinds);
    if (!kind) return void (await cancelled());
    const segment: Segment = {};
    if (kind === "teacher" || kind === "manager" || kind === "mentor" || kind === "methodist") segment.role = kind;
    if (kind === "young") segment.young = true;
    if (kind === "deficit") {
      const kb = new InlineKeyboard();
      groups.forEach((g) => kb.text(localize(g.short, locale), `bs:${g.code}`).row());
      const code = await choose(ctx.t("broadcast-which-deficit"), kb);
      if (!code || !groups.some((g) => g.code === code)) return void (await cancelled());
      segment.deficit = code;
    }
    if (kind === "mun") {
      const places = await conversation.external(() => deps.directory.municipalities());
      const kb = new InlineKeyboard();
      places.forEach((m) => kb.text(m.name, `bs:${m.id}`).row());
      const id = await choose(ctx.t("admin-pick-municipality"), kb);
      if (!id || !places.some((m) => m.id === id)) return void (await cancelled());
      segment.municipalityId = id;
    }

    // 2. Text.
    await ctx.reply(ctx.t("broadcast-ask-text", { max: TEXT_MAX }));
    let text: string | undefined;
    for (let tries = 0; tries < 6 && !text; tries++) {
      const c = await conversation.wait();
      if (c.hasCommand("cancel") || c.callbackQuery) {
        if (c.callbackQuery) await c.answerCallbackQuery();
        return void (await cancelled());
      }
      const typed = c.message?.text?.trim();
      if (typed && !typed.startsWith("/") && typed.length <= TEXT_MAX) text = typed;
      else await c.reply(ctx.t("broadcast-text-invalid", { max: TEXT_MAX }));
    }
    if (!text) return void (await cancelled());

    // 3. Preview with the number of recipients; 4. confirmation.
    const count = await conversation.external(async () => deps.broadcasts.count(segment, args.methodistId));
    // The header in each recipient's language (the text is the author's own).
    const headers = await conversation.external(async () => {
      const author = await deps.people.byTelegramId(ctx.from!.id);
      const header = (l: string) => deps.i18n.t(l, args.methodistId === undefined ? "broadcast-header-centre" : "broadcast-header-methodist", { name: staffName(author?.fullName, (k) => deps.i18n.t(l, k)) });
      return { ru: header("ru"), en: header("en") };
    });
    const messages = { ru: `${headers.ru}\n\n${text}`, en: `${headers.en}\n\n${text}` };
    // The preview in the author's language.
    const message = (await ctx.i18n.getLocale()) === "en" ? messages.en : messages.ru;
    const go = await choose(`${ctx.t("broadcast-preview", { count })}\n\n${message}`, new InlineKeyboard().text(ctx.t("button-broadcast-send", { count }), "bs:send"));
    if (go !== "send" || count === 0) return void (await cancelled());
    const sent = await conversation.external(async () => {
      const author = await deps.people.byTelegramId(ctx.from!.id);
      // The role is checked again at the moment of sending.
      const allowed = author && (args.methodistId === undefined ? await deps.roles.has(author.id, "COORDINATOR") : author.id === args.methodistId && (await deps.roles.has(author.id, "METHODIST")));
      if (!author || !allowed) return null;
      const b = await deps.broadcasts.send(author.id, messages, segment, args.methodistId, deps.clock.now());
      await deps.notify([]); // nothing more to add: this starts delivering the broadcast's rows now
      return b;
    });
    if (!sent) return void (await ctx.reply(ctx.t("no-access")));
    await ctx.reply(ctx.t("broadcast-queued", { count: sent.recipients }), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-broadcast-report"), cb.broadcastReport(sent.id)),
    });
  };
}

export function broadcastConversations(deps: Deps, i18n: I18n<ConversationContext>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, ConversationContext>(broadcastConversation(deps), { id: BROADCAST_CONVERSATION }));
  return composer;
}

/** Starting a broadcast, and its report: for coordinators, or a methodist for their own. */
export function broadcastFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(patterns.broadcastStart, async (ctx) => {
    const person = await deps.people.byTelegramId(ctx.from.id);
    const asMethodist = ctx.match[1] === "mine";
    const allowed = person && (await deps.roles.has(person.id, asMethodist ? "METHODIST" : "COORDINATOR"));
    if (!person || !allowed) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BROADCAST_CONVERSATION, asMethodist ? { methodistId: person.id } : {});
  });
  // The latest broadcasts, each opening its report: a coordinator sees everyone's, a methodist their own.
  composer.callbackQuery(patterns.broadcastList, async (ctx) => {
    const person = await deps.people.byTelegramId(ctx.from.id);
    const coordinator = person && (await deps.roles.has(person.id, "COORDINATOR"));
    if (!person || (!coordinator && !(await deps.roles.has(person.id, "METHODIST")))) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    const list = await deps.broadcasts.recent(RECENT_BROADCASTS, coordinator ? undefined : person.id);
    const locale = await ctx.i18n.getLocale();
    const tz = deps.content.directory.region.timezone;
    const lines = [ctx.t(list.length ? "broadcast-list-title" : "broadcast-list-empty")];
    const kb = new InlineKeyboard();
    list.forEach((b, i) => {
      // The text without its header ("Сообщение от …:"), shortened.
      const body = (b.text.includes("\n\n") ? b.text.slice(b.text.indexOf("\n\n") + 2) : b.text).replace(/\s+/g, " ").trim();
      const at = `${formatDate(b.createdAt, locale, tz)} ${b.createdAt.toLocaleTimeString("ru-RU", { timeZone: tz, hour: "2-digit", minute: "2-digit" })}`;
      lines.push(ctx.t("broadcast-list-line", { n: i + 1, at, count: b.recipients, text: body.length > 60 ? `${body.slice(0, 59)}…` : body }));
      kb.text(String(i + 1), cb.broadcastReport(b.id));
      if (i % 5 === 4) kb.row();
    });
    await ctx.reply(lines.join("\n"), { reply_markup: kb });
  });
  composer.callbackQuery(patterns.broadcastReport, async (ctx) => {
    const person = await deps.people.byTelegramId(ctx.from.id);
    const b = person && (await deps.broadcasts.byId(Number(ctx.match[1])));
    if (!person || !b || (b.authorId !== person.id && !(await deps.roles.has(person.id, "COORDINATOR")))) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    const r = (await deps.broadcasts.report(b.id))!;
    await ctx.reply(ctx.t("broadcast-report", { ...r }), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-broadcast-report"), cb.broadcastReport(b.id)).text(ctx.t("button-broadcast-list"), cb.broadcastList()),
    });
  });
  return composer;
}
