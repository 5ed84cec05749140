// Roles in the chat: invitation links, the coordinator's panel (invite, see and
// revoke roles, assign municipalities to methodists, read the audit log). Every
// action checks the coordinator's role on the server; the payload only names things.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard } from "grammy";
import { checkFullName, fullNameRetryKey } from "../../core/profile.ts";
import { addressName } from "../../core/names.ts";
import { invitePayload, type GrantedRole } from "../../core/roles.ts";
import type { PersonView } from "../../repositories/people.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, BotConversation, ConversationContext, Deps } from "../context.ts";
import { withPerson } from "../guards.ts";
import { formatDate } from "../views/route.ts";
import { askPeriod, coordinatorReport } from "./reports.ts";

export const STAFF_NAME_CONVERSATION = "staff-name";
const PAGE = 8;
const roleCode: Record<"met" | "coord", GrantedRole> = { met: "METHODIST", coord: "COORDINATOR" };
const codeOf = (role: GrantedRole) => (role === "COORDINATOR" ? "coord" : "met");

/** Grants the coordinator role to the people named in ADMIN_TELEGRAM_IDS. */
export async function ensureConfiguredCoordinator(deps: Deps, person: { id: number; telegramId: bigint }): Promise<void> {
  if (!deps.config.ADMIN_TELEGRAM_IDS.includes(Number(person.telegramId))) return;
  await deps.roles.grant(person.id, "COORDINATOR", null, null, deps.clock.now(), "config");
}

/** Uses an invitation; on success invited staff without a name are asked for it. */
export async function redeemInvite(ctx: BotContext, deps: Deps, person: PersonView, code: string): Promise<void> {
  const { result, role } = await deps.roles.redeem(code, person.id, deps.clock.now());
  if (result !== "ok") {
    await ctx.reply(ctx.t(`invite-${result}`));
    return;
  }
  await ctx.reply(ctx.t(role === "COORDINATOR" ? "invite-ok-coordinator" : "invite-ok-methodist"));
  if (!person.fullName) {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(STAFF_NAME_CONVERSATION);
  } else {
    await ctx.reply(ctx.t("staff-open-menu"), { reply_markup: new InlineKeyboard().text(ctx.t("button-menu"), cb.menu("open")) });
  }
}

export function staffNameConversation(deps: Deps) {
  return async function staffName(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
    await ctx.reply(ctx.t("profile-ask-name"));
    for (let tries = 0; tries < 8; tries++) {
      const c = await conversation.wait();
      const checked = c.message?.text && !c.message.text.startsWith("/") ? checkFullName(c.message.text) : ({ problem: "invalid" } as const);
      if (!("name" in checked)) {
        if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("profile-finish-first-short") });
        else await c.reply(c.t(fullNameRetryKey(checked.problem)));
        continue;
      }
      const name = checked.name;
      await conversation.external(() => deps.people.setName(c.from!.id, name));
      await c.reply(c.t("staff-name-saved", { name: addressName(name) }), { reply_markup: new InlineKeyboard().text(c.t("button-menu"), cb.menu("open")) });
      return;
    }
  };
}

export function staffNameFeature(deps: Deps, i18n: I18n<ConversationContext>): Composer<BotContext> {
  return new Composer<BotContext>().use(
    createConversation<BotContext, ConversationContext>(staffNameConversation(deps), { id: STAFF_NAME_CONVERSATION }),
  );
}

function municipalityKeyboard(places: { id: string; name: string }[], page: number, pick: (id: string) => string, pageData: (p: number) => string): InlineKeyboard {
  const pages = Math.max(1, Math.ceil(places.length / PAGE));
  const p = Math.min(Math.max(page, 0), pages - 1);
  const kb = new InlineKeyboard();
  for (const m of places.slice(p * PAGE, (p + 1) * PAGE)) kb.text(m.name, pick(m.id)).row();
  if (p > 0) kb.text("◀", pageData(p - 1));
  if (p < pages - 1) kb.text("▶", pageData(p + 1));
  return kb.row().text("≡", cb.admin("panel"));
}

export function staffFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(patterns.admin, async (ctx) => {
    const [, action, a, b] = ctx.match;
    const person = await deps.people.byTelegramId(ctx.from.id);
    if (!person || !(await deps.roles.has(person.id, "COORDINATOR"))) return ctx.answerCallbackQuery({ text: ctx.t("no-access") });
    await ctx.answerCallbackQuery();
    const now = deps.clock.now();
    const link = (code: string) => `https://t.me/${ctx.me.username}?start=${invitePayload(code)}`;

    switch (action) {
      case "panel": {
        const [methodists, coordinators] = await Promise.all([deps.roles.holders("METHODIST"), deps.roles.holders("COORDINATOR")]);
        await ctx.reply(ctx.t("admin-panel", { methodists: methodists.length, coordinators: coordinators.length }), {
          reply_markup: new InlineKeyboard()
            .text(ctx.t("button-invite-methodist"), cb.admin("inv", "met")).row()
            .text(ctx.t("button-invite-municipal"), cb.admin("invm", 0)).row()
            .text(ctx.t("button-invite-coordinator"), cb.admin("inv", "coord")).row()
            .text(ctx.t("button-staff"), cb.admin("staff")).row()
            .text(ctx.t("button-indicators"), cb.admin("ind")).text(ctx.t("button-deficit-map"), cb.admin("map")).row()
            .text(ctx.t("button-gap"), cb.admin("gap")).text(ctx.t("button-recommendations"), cb.admin("recs")).row()
            .text(ctx.t("button-broadcast"), cb.broadcastStart("all")).row()
            .text(ctx.t("button-audit"), cb.admin("audit")).row()
            .text(ctx.t("button-menu"), cb.menu("open")),
        });
        return;
      }
      case "inv":
      case "invmun": {
        const role = action === "inv" ? roleCode[a as keyof typeof roleCode] : "METHODIST";
        const municipality = action === "invmun" ? await deps.directory.municipality(a ?? "") : null;
        if (!role || (action === "invmun" && !municipality)) return;
        const invite = await deps.roles.createInvite(role, municipality?.id ?? null, person.id, now, deps.config.INVITE_TTL_HOURS);
        await ctx.reply(
          ctx.t(role === "COORDINATOR" ? "admin-invite-coordinator" : municipality ? "admin-invite-municipal" : "admin-invite-methodist", {
            link: link(invite.code),
            until: formatDate(invite.expiresAt, await ctx.i18n.getLocale(), deps.content.directory.region.timezone),
            municipality: municipality?.name ?? "",
          }),
        );
        return;
      }
      case "invm": {
        const places = await deps.directory.municipalities();
        await ctx.reply(ctx.t("admin-pick-municipality"), {
          reply_markup: municipalityKeyboard(places, Number(a ?? 0), (id) => cb.admin("invmun", id), (p) => cb.admin("invm", p)),
        });
        return;
      }
      case "staff": {
        const [methodists, coordinators] = await Promise.all([deps.roles.holders("METHODIST"), deps.roles.holders("COORDINATOR")]);
        const lines = [ctx.t("admin-staff-title")];
        const kb = new InlineKeyboard();
        let n = 0;
        for (const [role, list] of [["METHODIST", methodists], ["COORDINATOR", coordinators]] as const) {
          for (const h of list) {
            n++;
            const caseload = role === "METHODIST" ? await deps.caseloads.size(h.personId) : 0;
            const place = h.municipalityId ? (await deps.directory.municipality(h.municipalityId))?.name : undefined;
            lines.push(
              ctx.t(role === "METHODIST" ? "admin-staff-methodist" : "admin-staff-coordinator", {
                n,
                name: h.person.fullName ?? String(h.person.telegramId),
                place: place ?? ctx.t("admin-regional"),
                caseload,
              }) + (caseload > deps.config.CASELOAD_CAP ? ` ⚠️ ${ctx.t("admin-over-cap", { cap: deps.config.CASELOAD_CAP })}` : ""),
            );
            if (role === "METHODIST") kb.text(ctx.t("button-assign", { n }), cb.admin("asg", h.personId, 0));
            kb.text(ctx.t("button-revoke", { n }), cb.admin("rev", h.personId, codeOf(role))).row();
          }
        }
        if (n === 0) lines.push(ctx.t("admin-staff-none"));
        await ctx.reply(lines.join("\n"), { reply_markup: kb.text("≡", cb.admin("panel")) });
        return;
      }
      case "rev": {
        const role = roleCode[b as keyof typeof roleCode];
        if (!role) return;
        const result = await deps.roles.revoke(Number(a), role, person.id, now);
        await ctx.reply(ctx.t(`admin-revoke-${result}`));
        return;
      }
      case "asg": {
        const places = await deps.directory.municipalities();
        await ctx.reply(ctx.t("admin-assign-pick"), {
          reply_markup: municipalityKeyboard(places, Number(b ?? 0), (id) => cb.admin("asgm", a!, id), (p) => cb.admin("asg", a!, p)),
        });
        return;
      }
      case "asgm": {
        const methodistId = Number(a);
        const municipality = await deps.directory.municipality(b ?? "");
        if (!municipality || !(await deps.roles.has(methodistId, "METHODIST"))) return;
        const { caseload } = await deps.caseloads.assign(methodistId, { scope: "MUNICIPALITY", municipalityId: municipality.id }, person.id, now);
        const over = caseload > deps.config.CASELOAD_CAP;
        await ctx.reply(ctx.t(over ? "admin-assigned-over-cap" : "admin-assigned", { municipality: municipality.name, caseload, cap: deps.config.CASELOAD_CAP }));
        return;
      }
      case "ind":
      case "map":
      case "gap":
      case "recs":
        if (a === "year" || a === "last12" || a === "prev") return coordinatorReport(ctx, deps, action, a);
        return askPeriod(ctx, action);
      case "audit": {
        const entries = await deps.roles.recentAudit(15);
        const locale = await ctx.i18n.getLocale();
        const tz = deps.content.directory.region.timezone;
        const lines = entries.map((e) => `${formatDate(e.at, locale, tz)} ${e.at.toLocaleTimeString("ru-RU", { timeZone: tz, hour: "2-digit", minute: "2-digit" })} · ${e.action} · ${e.actorId ?? "—"} → ${e.targetId ?? "—"}`);
        await ctx.reply([ctx.t("admin-audit-title"), ...lines].join("\n"));
        return;
      }
    }
  });

  composer.command("admin", (ctx) =>
    withPerson(ctx, deps, async (person) => {
      if (!(await deps.roles.has(person.id, "COORDINATOR"))) return ctx.reply(ctx.t("no-access"));
      await ctx.reply(ctx.t("admin-open"), { reply_markup: new InlineKeyboard().text(ctx.t("button-admin"), cb.admin("panel")) });
    }),
  );

  return composer;
}
