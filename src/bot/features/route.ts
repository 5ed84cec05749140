// The individual educational route in the chat: a draft built from the latest
// diagnostic that the teacher edits and confirms, then the active route whose
// items are started, done (with evidence) or skipped, and an XLSX to print.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { routeWorkbook } from "../../documents/route-xlsx.ts";
import type { Level } from "../../core/scoring.ts";
import type { PersonView } from "../../repositories/people.ts";
import type { RouteItemStatus, RouteView } from "../../repositories/routes.ts";
import { BUDGET_CHOICES, FORMAT_CHOICES } from "../../services/routes.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, BotConversation, ConversationContext, Deps } from "../context.ts";
import { withProfile } from "../guards.ts";
import { activeView, draftView, formatDate, groupTitle, itemProvider, itemTitle, itemView, kindLabel, type RouteViewContext } from "../views/route.ts";
import { ageKey, positionKey } from "./profile.ts";

export const EVIDENCE_CONVERSATION = "evidence";
const EVIDENCE_TRIES = 8;
const CERTIFICATE = { min: 3, max: 64 };
const REFLECTION = { min: 10, max: 1000 };

/** Today's date in the region, as the UTC midnight due dates are stored in. */
function today(deps: Deps): Date {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: deps.content.directory.region.timezone }).format(deps.clock.now());
  return new Date(`${day}T00:00:00Z`);
}

async function viewContext(ctx: ConversationContext, deps: Deps): Promise<RouteViewContext> {
  return { t: ctx.t, locale: await ctx.i18n.getLocale(), instruments: deps.content.instruments, timeZone: deps.content.directory.region.timezone, today: today(deps) };
}

async function levels(deps: Deps, person: PersonView, attemptId: number): Promise<Map<string, Level>> {
  return new Map((await deps.attempts.resultsOf(attemptId, person.id)).map((r) => [r.groupCode, r.level]));
}

/** Sends a view, or replaces the pressed message with it. */
async function show(ctx: BotContext, view: { text: string; keyboard: InlineKeyboard }, edit: boolean): Promise<void> {
  if (edit && ctx.callbackQuery?.message) {
    const done = await ctx.editMessageText(view.text, { reply_markup: view.keyboard }).then(
      () => true,
      () => false,
    );
    if (done) return;
  }
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}

async function showDraft(ctx: BotContext, deps: Deps, person: PersonView, draft: RouteView, edit: boolean, selectedId?: number): Promise<void> {
  await show(ctx, draftView(await viewContext(ctx, deps), draft, await levels(deps, person, draft.attemptId), selectedId), edit);
}

async function showActive(ctx: BotContext, deps: Deps, route: RouteView, edit: boolean): Promise<void> {
  await show(ctx, activeView(await viewContext(ctx, deps), route), edit);
}

async function buildDraft(ctx: BotContext, deps: Deps, person: PersonView): Promise<void> {
  const existing = await deps.routes.draftOf(person.id);
  const settings = existing ? { format: existing.preferredFormat, hoursBudget: existing.hoursBudget } : deps.routeService.defaultSettings();
  const outcome = await deps.routeService.buildDraft(person, settings);
  if ("error" in outcome) {
    await ctx.reply(ctx.t(outcome.error === "no-targets" ? "route-no-deficits" : "route-needs-diagnostic"), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-start-diagnostic"), cb.diagnostic("new")).row().text(ctx.t("button-menu"), cb.menu("open")),
    });
    return;
  }
  if (await deps.routes.activeOf(person.id)) await ctx.reply(ctx.t("route-replaces-active"));
  await showDraft(ctx, deps, person, (await deps.routes.byId(outcome.routeId, person.id))!, false);
}

/** /route: the active route, else the draft, else a new draft from the latest diagnostic. */
export async function openRoute(ctx: BotContext, deps: Deps, person: PersonView, edit = false): Promise<void> {
  const active = await deps.routes.activeOf(person.id);
  if (active) return showActive(ctx, deps, active, edit);
  const draft = await deps.routes.draftOf(person.id);
  if (draft) return showDraft(ctx, deps, person, draft, edit);
  await buildDraft(ctx, deps, person);
}

async function sendWorkbook(ctx: BotContext, deps: Deps, person: PersonView, route: RouteView): Promise<void> {
  const c = await viewContext(ctx, deps);
  const { t, locale } = c;
  const results = await deps.attempts.resultsOf(route.attemptId, person.id);
  const [attempt] = (await deps.attempts.completed(person.id, 20)).filter((a) => a.id === route.attemptId);
  const levelKey: Record<Level, string> = { DEFICIT: "level-deficit", DEVELOP: "level-develop", CONFIDENT: "level-confident" };
  const buffer = await routeWorkbook({
    title: t("xlsx-title"),
    // The teacher's own confirmation; the methodist's approval is another thing, on its own line.
    subtitle: route.confirmedAt ? t("xlsx-confirmed", { date: formatDate(route.confirmedAt, locale, c.timeZone) }) : t("xlsx-draft"),
    ...(route.reviewedAt ? { approval: t("xlsx-approved", { date: formatDate(route.reviewedAt, locale, c.timeZone) }) } : {}),
    details: [
      [t("xlsx-name"), person.fullName ?? ""],
      [t("xlsx-position"), person.position ? t(positionKey[person.position]) : ""],
      [t("xlsx-organization"), person.organization?.name ?? person.organizationOther ?? ""],
      [t("xlsx-municipality"), person.municipality?.name ?? ""],
      [t("xlsx-experience"), String(person.experienceYears ?? "")],
      [t("xlsx-age"), person.ageGroup ? t(ageKey[person.ageGroup]) : ""],
      [t("xlsx-period"), `${formatDate(route.startsOn, locale)} – ${formatDate(route.endsOn, locale)}`],
    ],
    diagnostic: {
      heading: t("xlsx-diagnostic", { date: attempt?.completedAt ? formatDate(attempt.completedAt, locale, c.timeZone) : "" }),
      rows: results.map((r) => [groupTitle(c.instruments, r.groupCode, locale), r.score, t(levelKey[r.level])]),
    },
    items: route.items.map((item, i) => ({
      n: i + 1,
      competency: groupTitle(c.instruments, item.competency, locale),
      kind: kindLabel(t, item),
      title: itemTitle(item),
      provider: itemProvider(item),
      format: t(`format-${(item.programme?.format ?? item.activity!.format).toLowerCase()}`),
      hours: item.hours,
      due: item.dueOn,
      status: t(`status-${item.status.toLowerCase()}`),
      ...(item.evidence ? { evidence: item.evidence } : {}),
      ...((item.programme?.url ?? item.activity?.url) ? { url: (item.programme?.url ?? item.activity?.url)! } : {}),
    })),
    columns: {
      n: "№",
      competency: t("xlsx-col-competency"),
      kind: t("xlsx-col-kind"),
      title: t("xlsx-col-title"),
      provider: t("xlsx-col-provider"),
      format: t("xlsx-col-format"),
      hours: t("xlsx-col-hours"),
      due: t("xlsx-col-due"),
      status: t("xlsx-col-status"),
      evidence: t("xlsx-col-evidence"),
    },
    totalLabel: t("xlsx-total"),
    doneHours: { label: t("xlsx-done-hours"), status: t("status-done") },
    ...(route.unserved.length
      ? { unserved: { heading: t("xlsx-unserved"), lines: route.unserved.map((u) => groupTitle(c.instruments, u.split(":")[0]!, locale)) } }
      : {}),
    signatures: [t("xlsx-sign-teacher"), t("xlsx-sign-methodist")],
    sheetName: t("xlsx-sheet"),
    locale: locale === "en" ? "en" : "ru",
  });
  await ctx.replyWithDocument(new InputFile(buffer, t("xlsx-file-name")), { caption: t("xlsx-caption") });
}

function completedKeyboard(ctx: ConversationContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("button-retake-diagnostic"), cb.diagnostic("new")).row().text(ctx.t("button-menu"), cb.menu("open"));
}

/** "Done" asks for evidence: a certificate number for a programme, a short reflection otherwise. */
export function evidenceConversation(deps: Deps) {
  return async function evidence(conversation: BotConversation, ctx: ConversationContext, itemId: number): Promise<void> {
    const info = await conversation.external(async () => {
      const person = await deps.people.byTelegramId(ctx.from!.id);
      const item = person && (await deps.routes.activeItem(itemId, person.id));
      return person && item && item.status !== "DONE" ? { personId: person.id, programme: item.programme !== null, title: itemTitle(item) } : null;
    });
    if (!info) {
      await ctx.reply(ctx.t("button-stale"));
      return;
    }
    const limits = info.programme ? CERTIFICATE : REFLECTION;
    await ctx.reply(ctx.t(info.programme ? "evidence-ask-certificate" : "evidence-ask-reflection", { title: info.title }), {
      reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), cb.route("open")),
    });
    for (let tries = 0; tries < EVIDENCE_TRIES; tries++) {
      const c = await conversation.wait();
      if (c.hasCommand("cancel") || c.callbackQuery?.data === cb.route("open")) {
        if (c.callbackQuery) await c.answerCallbackQuery();
        await c.reply(c.t("evidence-cancelled"), { reply_markup: new InlineKeyboard().text(c.t("button-route"), cb.route("open")) });
        return;
      }
      if (c.callbackQuery) {
        await c.answerCallbackQuery({ text: c.t("evidence-finish-first-short") });
        continue;
      }
      const text = c.message?.text?.replace(/\s+/g, " ").trim();
      if (!text || text.startsWith("/")) {
        await c.reply(c.t("evidence-finish-first"));
        continue;
      }
      if (text.length < limits.min || text.length > limits.max) {
        await c.reply(c.t(info.programme ? "evidence-certificate-invalid" : "evidence-reflection-invalid", { min: limits.min, max: limits.max }));
        continue;
      }
      const result = await conversation.external(() => deps.routes.setItemStatus(itemId, info.personId, "DONE", deps.clock.now(), text));
      if (!result.changed) {
        await c.reply(c.t("button-stale"));
        return;
      }
      await c.reply(c.t("evidence-saved"), { reply_markup: new InlineKeyboard().text(c.t("button-route"), cb.route("open")) });
      if (result.completed) await c.reply(c.t("route-completed"), { reply_markup: completedKeyboard(c) });
      return;
    }
    await ctx.reply(ctx.t("evidence-too-many-tries"), { reply_markup: new InlineKeyboard().text(ctx.t("button-route"), cb.route("open")) });
  };
}

const statusOf: Record<"start" | "skip" | "reopen", RouteItemStatus> = { start: "IN_PROGRESS", skip: "SKIPPED", reopen: "PLANNED" };

/** The evidence form; installed with the other conversations, before the features. */
export function evidenceFeature(deps: Deps, i18n: I18n<ConversationContext>): Composer<BotContext> {
  return new Composer<BotContext>().use(
    createConversation<BotContext, ConversationContext>(evidenceConversation(deps), { id: EVIDENCE_CONVERSATION }),
  );
}

export function routeFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("route", (ctx) => withProfile(ctx, deps, (p) => openRoute(ctx, deps, p)));

  composer.callbackQuery(patterns.route, async (ctx) => {
    await ctx.answerCallbackQuery();
    await withProfile(ctx, deps, async (person) => {
      const action = ctx.match[1];
      if (action === "build") return buildDraft(ctx, deps, person);
      if (action === "open") return openRoute(ctx, deps, person, true);
      const route = (await deps.routes.activeOf(person.id)) ?? (await deps.routes.draftOf(person.id));
      if (!route) return openRoute(ctx, deps, person);
      await sendWorkbook(ctx, deps, person, route);
    });
  });

  // Draft edits: the route must be the person's own draft; the payload only names it.
  composer.callbackQuery(patterns.draft, async (ctx) => {
    const [, routeId, action, arg] = ctx.match;
    const person = await deps.people.byTelegramId(ctx.from.id);
    const draft = person && (await deps.routes.byId(Number(routeId), person.id));
    if (!person || !draft || draft.status !== "DRAFT") return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    const item = action === "pick" || action === "drop" || action === "alt" ? draft.items.find((i) => i.id === Number(arg)) : undefined;
    if ((action === "pick" || action === "drop" || action === "alt") && !item) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    switch (action) {
      case "pick":
        await ctx.answerCallbackQuery();
        return showDraft(ctx, deps, person, draft, true, item!.id);
      case "drop":
        await deps.routes.dropItem(draft.id, item!.id);
        break;
      case "alt":
        if (!(await deps.routeService.alternative(person, draft, item!.id))) return ctx.answerCallbackQuery({ text: ctx.t("route-no-alternative") });
        break;
      case "fmt":
      case "budget":
      case "reset": {
        // A choice the keyboard did not offer is refused, not guessed.
        const format = action === "fmt" ? FORMAT_CHOICES[Number(arg)] : draft.preferredFormat;
        const hoursBudget = action === "budget" ? Number(arg) : draft.hoursBudget;
        if (format === undefined || !BUDGET_CHOICES.includes(hoursBudget)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
        const id = await deps.routeService.rebuild(person, draft, { format, hoursBudget }, action === "reset");
        await ctx.answerCallbackQuery();
        const rebuilt = id === undefined ? null : await deps.routes.byId(id, person.id);
        if (rebuilt) await showDraft(ctx, deps, person, rebuilt, true);
        return;
      }
      case "ok": {
        if (!(await deps.routes.confirm(draft.id, person.id, deps.clock.now()))) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        await ctx.reply(ctx.t("route-confirmed"));
        return showActive(ctx, deps, (await deps.routes.byId(draft.id, person.id))!, false);
      }
    }
    await ctx.answerCallbackQuery();
    await showDraft(ctx, deps, person, (await deps.routes.byId(draft.id, person.id))!, true);
  });

  // Items of the active route: the item must belong to the person's active route.
  composer.callbackQuery(patterns.item, async (ctx) => {
    const [, itemId, action] = ctx.match;
    const person = await deps.people.byTelegramId(ctx.from.id);
    const item = person && (await deps.routes.activeItem(Number(itemId), person.id));
    if (!person || !item) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    await ctx.answerCallbackQuery();
    if (action === "done") {
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(EVIDENCE_CONVERSATION, item.id);
      return;
    }
    let completed = false;
    if (action) completed = (await deps.routes.setItemStatus(item.id, person.id, statusOf[action as keyof typeof statusOf], deps.clock.now())).completed;
    if (completed) {
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("route-completed"), { reply_markup: completedKeyboard(ctx) });
      return;
    }
    const route = (await deps.routes.byId(item.routeId, person.id))!;
    const index = route.items.findIndex((i) => i.id === item.id);
    await show(ctx, itemView(await viewContext(ctx, deps), route.items[index]!, index + 1, route.items.length, route.items), true);
  });

  return composer;
}

/** The change of each group the finished route worked on, between its diagnostic and the latest one. */
export async function routeChanges(deps: Deps, person: PersonView, previousAttemptId: number, current: ReadonlyMap<string, number>, locale: string) {
  const route = await deps.routes.completedFrom(person.id, previousAttemptId);
  if (!route) return [];
  const before = new Map((await deps.attempts.resultsOf(previousAttemptId, person.id)).map((r) => [r.groupCode, r.score]));
  return [...new Set(route.items.map((i) => i.competency))].flatMap((code) => {
    const b = before.get(code);
    const a = current.get(code);
    return b === undefined || a === undefined ? [] : [{ group: groupTitle(deps.content.instruments, code, locale), before: b, after: a }];
  });
}
