import type { TranslateFunction } from "@grammyjs/i18n";
import { InlineKeyboard } from "grammy";
import { formatPercent } from "../../core/format.ts";
import { localize, type Instrument } from "../../core/instrument.ts";
import { routeProgress } from "../../core/route.ts";
import type { Level } from "../../core/scoring.ts";
import type { RouteItemView, RouteView } from "../../repositories/routes.ts";
import { BUDGET_CHOICES, FORMAT_CHOICES } from "../../services/routes.ts";
import { cb } from "../callback-data.ts";

const levelMark: Record<Level, string> = { DEFICIT: "🔴", DEVELOP: "🟡", CONFIDENT: "🟢" };
const statusMark = { PLANNED: "⏳", IN_PROGRESS: "▶️", DONE: "✅", SKIPPED: "⏭" } as const;
const TITLE_IN_LIST = 90;

export interface RouteViewContext {
  t: TranslateFunction;
  locale: string;
  instruments: readonly Instrument[];
  timeZone: string;
  today: Date;
}

export function groupTitle(instruments: readonly Instrument[], code: string, locale: string): string {
  const group = instruments.flatMap((i) => i.groups).find((g) => g.code === code);
  return group ? localize(group.title, locale) : code;
}

export function formatDate(d: Date, locale: string, timeZone = "UTC"): string {
  return d.toLocaleDateString(locale === "en" ? "en-GB" : "ru-RU", { timeZone });
}

const short = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The item's kind in words: «Программа ПК», «Вебинар»… */
export function kindLabel(t: TranslateFunction, item: RouteItemView): string {
  return item.programme ? t(`kind-${item.programme.kind.toLowerCase()}`) : t(`kind-${item.activity!.type.toLowerCase()}`);
}

export function itemTitle(item: RouteItemView): string {
  return item.programme?.title ?? item.activity?.title ?? "";
}

export function itemProvider(item: RouteItemView): string {
  return item.programme?.provider ?? item.activity?.organizer ?? "";
}

function itemFormat(item: RouteItemView): string {
  return (item.programme?.format ?? item.activity!.format).toLowerCase();
}

function line(c: RouteViewContext, item: RouteItemView, n: number): string {
  const due = formatDate(item.dueOn, c.locale);
  return c.t("route-item-line", {
    n,
    kind: kindLabel(c.t, item),
    title: short(itemTitle(item), TITLE_IN_LIST),
    provider: itemProvider(item),
    format: c.t(`format-${itemFormat(item)}`),
    hours: item.hours,
    due,
  });
}

/** Telegram's limit is 4096 characters; a long draft leaves out the reasons first. */
const MESSAGE_LIMIT = 4000;

/** A draft's items as the teacher reads them: by due date. */
export function byDueDate(items: readonly RouteItemView[]): RouteItemView[] {
  return [...items].sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.position - b.position);
}

/** The reasons to show: practice is "besides the programme" only where the group has one in the route. */
export function shownReasons(item: RouteItemView, items: readonly RouteItemView[]): string[] {
  const withProgramme = items.some((i) => i.competency === item.competency && i.programme);
  return item.reasons.filter((r) => r !== "practice-for-deficit" || (withProgramme && !item.programme));
}

/**
 * The draft: items by due date with their group and why each was chosen, what
 * nothing serves, a word when the chosen format had nothing; a number button per
 * item (then «Убрать» / «Заменить»), the format and hours offered as choices.
 */
export function draftView(
  c: RouteViewContext,
  route: RouteView,
  levels: ReadonlyMap<string, Level>,
  selectedId?: number,
): { text: string; keyboard: InlineKeyboard } {
  const full = draftText(c, route, levels, true, selectedId);
  return {
    text: full.length <= MESSAGE_LIMIT ? full : draftText(c, route, levels, false, selectedId).slice(0, MESSAGE_LIMIT),
    keyboard: draftKeyboard(c, route, selectedId),
  };
}

const itemFormatCode = (item: RouteItemView) => item.programme?.format ?? item.activity!.format;

function draftText(c: RouteViewContext, route: RouteView, levels: ReadonlyMap<string, Level>, withReasons: boolean, selectedId?: number): string {
  const { t } = c;
  const total = route.items.reduce((s, i) => s + i.hours, 0);
  const format = route.preferredFormat ? t(`format-${route.preferredFormat.toLowerCase()}`) : t("format-any");
  const lines = [
    t("route-draft-title", { from: formatDate(route.startsOn, c.locale), to: formatDate(route.endsOn, c.locale) }),
    t("route-draft-summary", { format, budget: route.hoursBudget, hours: total, count: route.items.length }),
  ];
  const groups = [...new Set(route.items.map((i) => i.competency))];
  const items = byDueDate(route.items);
  items.forEach((item, i) => {
    const level = levels.get(item.competency);
    // The group's heading when it changes from the item above.
    if (i === 0 || items[i - 1]!.competency !== item.competency) lines.push("", `${level ? levelMark[level] : "•"} ${groupTitle(c.instruments, item.competency, c.locale)}`);
    lines.push(line(c, item, i + 1));
    const reasons = shownReasons(item, route.items);
    if (withReasons && reasons.length) lines.push(`   ${t("route-why", { reasons: reasons.map((r) => t(`reason-${r}`)).join("; ") })}`);
  });
  const unserved = route.unserved.map((u) => u.split(":") as [string, string]);
  // Targets served only by an item chosen for another group.
  for (const [code, level] of levels) {
    if (level === "CONFIDENT" || groups.includes(code) || unserved.some(([u]) => u === code)) continue;
    lines.push("", t("route-covered", { group: groupTitle(c.instruments, code, c.locale) }));
  }
  // Nothing in the chosen format: said, never left for the teacher to notice.
  if (route.preferredFormat) {
    const off = groups.filter((g) => route.offFormat.includes(g) && !route.items.some((i) => i.competency === g && itemFormatCode(i) === route.preferredFormat));
    if (off.length > 0 && off.length === groups.length) lines.push("", t("route-off-format-all", { code: route.preferredFormat.toLowerCase() }));
    else if (off.length > 0) lines.push("", t("route-off-format-some", { code: route.preferredFormat.toLowerCase(), groups: off.map((g) => groupTitle(c.instruments, g, c.locale)).join(", ") }));
  }
  const noMatch = unserved.filter(([, why]) => why === "no-match").map(([code]) => groupTitle(c.instruments, code, c.locale));
  const noBudget = unserved.filter(([, why]) => why === "budget").map(([code]) => groupTitle(c.instruments, code, c.locale));
  if (noMatch.length) lines.push("", t("route-unserved-no-match", { groups: noMatch.join(", ") }));
  if (noBudget.length) lines.push("", t("route-unserved-budget", { groups: noBudget.join(", ") }));
  // Every drop or replacement left its entry in `excluded`.
  const edited = route.excluded.length;
  // Replacements the teacher chose that the hours no longer hold: said, and kept for a larger limit.
  const inDraft = new Set(route.items.map((i) => (i.programme ? `programme:${i.programme.registryNumber}` : `activity:${i.activity!.id}`)));
  const left = route.chosen.filter((c) => !inDraft.has(c.slice(c.indexOf("|") + 1))).length;
  if (left > 0) lines.push("", t("route-draft-chosen-left", { count: left }));
  const selected = items.findIndex((i) => i.id === selectedId);
  if (selected >= 0) lines.push("", t("route-draft-selected", { n: selected + 1, title: short(itemTitle(items[selected]!), TITLE_IN_LIST) }));
  else {
    lines.push("", t(route.items.length ? "route-draft-hint" : "route-draft-empty"));
    if (edited > 0) lines.push(t("route-draft-edits-kept", { count: edited }));
  }
  return lines.join("\n");
}

function draftKeyboard(c: RouteViewContext, route: RouteView, selectedId?: number): InlineKeyboard {
  const { t } = c;
  const kb = new InlineKeyboard();
  const items = byDueDate(route.items);
  const selected = items.findIndex((i) => i.id === selectedId);
  if (selected >= 0) {
    const item = items[selected]!;
    return kb
      .text(t("button-draft-drop", { n: selected + 1 }), cb.draft(route.id, "drop", item.id))
      .text(t("button-draft-alt", { n: selected + 1 }), cb.draft(route.id, "alt", item.id))
      .row()
      .text(t("button-draft-back"), cb.draft(route.id, "back"));
  }
  items.forEach((item, i) => {
    kb.text(t("button-draft-item", { n: i + 1 }), cb.draft(route.id, "pick", item.id));
    if (i % 6 === 5) kb.row();
  });
  kb.row();
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
  FORMAT_CHOICES.forEach((f, i) => {
    kb.text(mark(route.preferredFormat === f, t(f ? `button-format-${f.toLowerCase()}` : "button-format-any")), cb.draft(route.id, "fmt", i));
    if (i % 2 === 1) kb.row();
  });
  for (const hours of BUDGET_CHOICES) kb.text(mark(route.hoursBudget === hours, t("button-route-hours", { hours })), cb.draft(route.id, "budget", hours));
  kb.row();
  if (route.excluded.length + route.chosen.length > 0) kb.text(t("button-draft-reset"), cb.draft(route.id, "reset")).row();
  if (route.items.length) kb.text(t("button-route-confirm"), cb.draft(route.id, "ok"));
  return kb;
}

function overdue(c: RouteViewContext, item: RouteItemView): boolean {
  return (item.status === "PLANNED" || item.status === "IN_PROGRESS") && item.dueOn < c.today;
}

/** The active route: progress, items with status and due dates, a button per item. */
export function activeView(c: RouteViewContext, route: RouteView): { text: string; keyboard: InlineKeyboard } {
  const { t } = c;
  const p = routeProgress(route.items);
  const done = route.items.filter((i) => i.status === "DONE").length;
  const lines = [
    t("route-active-title", { to: formatDate(route.endsOn, c.locale) }),
    t("route-progress", { done, count: route.items.length, percent: formatPercent(p.percent / 100, c.locale, 0), hoursDone: p.hoursDone, hoursTotal: p.hoursTotal }),
    "",
  ];
  route.items.forEach((item, i) => {
    const mark = overdue(c, item) ? "⚠️" : statusMark[item.status];
    lines.push(`${i + 1}. ${mark} ${kindLabel(t, item)}: «${short(itemTitle(item), TITLE_IN_LIST)}» — ${t(overdue(c, item) ? "route-overdue" : "route-due", { due: formatDate(item.dueOn, c.locale) })}`);
  });
  lines.push("", t("route-open-item"));
  const kb = new InlineKeyboard();
  route.items.forEach((item, i) => {
    kb.text(String(i + 1), cb.item(item.id));
    if (i % 6 === 5) kb.row();
  });
  kb.row().text(t("button-route-xlsx"), cb.route("xlsx")).row().text(t("button-menu"), cb.menu("open"));
  return { text: lines.join("\n"), keyboard: kb };
}

/** One item: what, who, when, why, status, with the actions its status allows. */
export function itemView(c: RouteViewContext, item: RouteItemView, n: number, count: number, routeItems: readonly RouteItemView[] = [item]): { text: string; keyboard: InlineKeyboard } {
  const { t } = c;
  const startsOn = item.programme?.startsOn ?? item.activity?.startsOn;
  const endsOn = item.programme?.endsOn ?? item.activity?.endsOn;
  const site = item.activity?.site;
  const url = item.programme?.url ?? item.activity?.url;
  const lines = [
    t("route-item-heading", { n, count, group: groupTitle(c.instruments, item.competency, c.locale) }),
    `${kindLabel(t, item)}: «${itemTitle(item)}»`,
    t("route-item-provider", { provider: itemProvider(item) }),
    t("route-item-format", { format: t(`format-${itemFormat(item)}`), hours: item.hours }),
  ];
  if (startsOn && endsOn) lines.push(t("route-item-dates", { from: formatDate(startsOn, c.locale), to: formatDate(endsOn, c.locale) }));
  if (site) lines.push(t("route-item-site", { site: site.name, organization: site.organization }));
  lines.push(t(overdue(c, item) ? "route-item-overdue" : "route-item-due", { due: formatDate(item.dueOn, c.locale) }));
  if (url) lines.push(t("route-item-link", { url }));
  const reasons = shownReasons(item, routeItems);
  if (reasons.length) lines.push(t("route-why", { reasons: reasons.map((r) => t(`reason-${r}`)).join("; ") }));
  lines.push("", t("route-item-status", { status: t(`status-${item.status.toLowerCase()}`) }));
  if (item.status === "DONE" && item.evidence) lines.push(t(item.programme ? "route-item-certificate" : "route-item-reflection", { evidence: item.evidence }));

  const kb = new InlineKeyboard();
  if (item.status === "PLANNED") kb.text(t("button-item-start"), cb.item(item.id, "start"));
  if (item.status === "PLANNED" || item.status === "IN_PROGRESS") kb.text(t("button-item-done"), cb.item(item.id, "done")).row().text(t("button-item-skip"), cb.item(item.id, "skip"));
  else kb.text(t("button-item-reopen"), cb.item(item.id, "reopen"));
  kb.row().text(t("button-route-back"), cb.route("open"));
  return { text: lines.join("\n"), keyboard: kb };
}
