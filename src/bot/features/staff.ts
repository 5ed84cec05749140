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
import { ORGANIZATION_TYPES, type ReviewOutcome } from "../../repositories/organization-review.ts";
import { reviewNotices } from "../../services/organization-review.ts";
import { caseloadNotice } from "../../services/caseloads.ts";
import { recipientTranslators } from "../i18n.ts";
import { showInPlace } from "../views/in-place.ts";
import { coordinatorPanel, askStaffName, staffName, staffPanel, staffRolesOf, STAFF_NAME_CONVERSATION } from "../views/staff-panel.ts";

export { STAFF_NAME_CONVERSATION };
const PAGE = 8;
const ORG_PAGE = 10;
const roleCode: Record<"met" | "coord", GrantedRole> = { met: "METHODIST", coord: "COORDINATOR" };
const codeOf = (role: GrantedRole) => (role === "COORDINATOR" ? "coord" : "met");

/** Grants the coordinator role to the people named in ADMIN_TELEGRAM_IDS. */
export async function ensureConfiguredCoordinator(deps: Deps, person: { id: number; telegramId: bigint }): Promise<void> {
  if (!deps.config.ADMIN_TELEGRAM_IDS.includes(Number(person.telegramId))) return;
  await deps.roles.grant(person.id, "COORDINATOR", null, null, deps.clock.now(), "config");
}

/** Uses an invitation; on success invited staff without a name are asked for it. */
export async function redeemInvite(ctx: BotContext, deps: Deps, person: PersonView, code: string): Promise<void> {
  const { result, role, municipalityId } = await deps.roles.redeem(code, person.id, deps.clock.now());
  if (result !== "ok") {
    await ctx.reply(ctx.t(`invite-${result}`));
    return;
  }
  // A municipality's methodist has its teachers in their caseload from now on.
  const municipality = role === "METHODIST" && municipalityId ? await deps.directory.municipality(municipalityId) : null;
  if (municipality) await ctx.reply(ctx.t("invite-ok-municipal", { municipality: municipality.name, caseload: await deps.caseloads.size(person.id) }));
  else await ctx.reply(ctx.t(role === "COORDINATOR" ? "invite-ok-coordinator" : "invite-ok-methodist"));
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
      if (c.message?.text?.split(/[\s@]/)[0] === "/cancel") {
        await c.reply(c.t("staff-name-cancelled"));
        return;
      }
      const checked = c.message?.text && !c.message.text.startsWith("/") ? checkFullName(c.message.text) : ({ problem: "invalid" } as const);
      if (!("name" in checked)) {
        if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("profile-finish-first-short") });
        else await c.reply(c.t(fullNameRetryKey(checked.problem)));
        continue;
      }
      const name = checked.name;
      const saved = await conversation.external(async () => {
        await deps.people.setName(c.from!.id, name);
        const p = await deps.people.byTelegramId(c.from!.id);
        return p && { id: p.id, fullName: p.fullName, teaches: p.profileCompletedAt !== null };
      });
      // Staff go on to their panel; anyone else to the menu.
      if (saved) {
        await c.reply(c.t("staff-name-saved", { name: addressName(name) }));
        if (await staffPanel(c, deps, { id: saved.id, fullName: saved.fullName, profileCompletedAt: saved.teaches ? new Date(0) : null })) return;
      }
      await c.reply(c.t("staff-open-menu"), { reply_markup: new InlineKeyboard().text(c.t("button-menu"), cb.menu("open")) });
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
      case "panel":
        await coordinatorPanel(ctx, deps, person);
        return;
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
            if (role === "METHODIST") kb.text(ctx.t("button-caseload", { n }), cb.admin("cl", h.personId));
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
      case "cl":
      case "unas": {
        // A methodist's caseload: what is assigned, each removable; a municipality to add.
        const methodistId = Number(a);
        const methodist = await deps.people.byId(methodistId);
        if (!methodist || !(await deps.roles.has(methodistId, "METHODIST"))) return void (await ctx.reply(ctx.t("button-stale")));
        let note: string | undefined;
        if (action === "unas") {
          const removed = await deps.caseloads.unassign(methodistId, Number(b), person.id, now);
          if (!removed) return void (await ctx.reply(ctx.t("button-stale")));
          // The methodist is told.
          await deps.notify([await caseloadNotice(deps.caseloads, { methodist, how: "removed", assignment: removed }, (await recipientTranslators(deps.i18n, deps.locales, [methodist.id])).t(methodist.id), now)]);
          note = ctx.t("admin-unassigned", { name: await deps.caseloads.targetName(removed) });
        }
        const assignments = await deps.caseloads.assignmentsOf(methodistId);
        const lines = [...(note ? [note, ""] : []), ctx.t("admin-caseload-title", { name: staffName(methodist.fullName, ctx.t), caseload: await deps.caseloads.size(methodistId) })];
        const kb = new InlineKeyboard();
        for (const x of assignments) {
          const name = await deps.caseloads.targetName(x);
          lines.push(`• ${ctx.t(`admin-caseload-${x.scope.toLowerCase()}`, { name })}`);
          kb.text(`✕ ${name.length > 40 ? `${name.slice(0, 39)}…` : name}`, cb.admin("unas", methodistId, x.id)).row();
        }
        lines.push("", ctx.t(assignments.length ? "admin-caseload-hint" : "admin-caseload-none"));
        kb.text(ctx.t("button-assign-municipality"), cb.admin("asg", methodistId, 0)).row().text("≡", cb.admin("panel"));
        if (action === "unas") await showInPlace(ctx, lines.join("\n"), kb);
        else await ctx.reply(lines.join("\n"), { reply_markup: kb });
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
        const { caseload, assignment } = await deps.caseloads.assign(methodistId, { scope: "MUNICIPALITY", municipalityId: municipality.id }, person.id, now);
        const methodist = await deps.people.byId(methodistId);
        // The methodist is told (once per assignment).
        if (assignment && methodist) await deps.notify([await caseloadNotice(deps.caseloads, { methodist, how: "assigned", assignment }, (await recipientTranslators(deps.i18n, deps.locales, [methodist.id])).t(methodist.id), now)]);
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
      case "orgs": {
        // Organizations typed in by people, waiting for review: add each to the directory or merge it.
        const entries = await deps.organizationReview.pending(ORG_PAGE);
        const total = await deps.organizationReview.count();
        const lines = [ctx.t("admin-org-title", { count: total })];
        const kb = new InlineKeyboard();
        entries.forEach((e, i) => {
          lines.push(ctx.t("admin-org-line", { n: i + 1, typed: e.typed, municipality: e.municipality?.name ?? "—", name: e.personName ?? "—" }));
          kb.text(`${i + 1}. ${e.typed.length > 28 ? `${e.typed.slice(0, 27)}…` : e.typed}`, cb.admin("org", e.id)).row();
        });
        if (total > entries.length) lines.push(ctx.t("admin-org-more", { count: total - entries.length }));
        if (total > 0) lines.push("", ctx.t("admin-org-hint"));
        await ctx.reply(lines.join("\n"), { reply_markup: kb.text("≡", cb.admin("panel")) });
        return;
      }
      case "org": {
        const e = await deps.organizationReview.entry(Number(a));
        if (!e) return void (await ctx.reply(ctx.t("admin-org-gone")));
        await ctx.reply(ctx.t("admin-org-entry", { typed: e.typed, municipality: e.municipality?.name ?? "—", name: e.personName ?? "—" }), {
          reply_markup: new InlineKeyboard()
            .text(ctx.t("button-org-add"), cb.admin("orgadd", e.id)).row()
            .text(ctx.t("button-org-merge"), cb.admin("orgmp", e.id, 0)).row()
            .text("≡", cb.admin("orgs")),
        });
        return;
      }
      case "orgadd": {
        const e = await deps.organizationReview.entry(Number(a));
        if (!e) return void (await ctx.reply(ctx.t("admin-org-gone")));
        if (!e.municipality) return void (await ctx.reply(ctx.t("admin-org-no-municipality")));
        const kb = new InlineKeyboard();
        for (const type of ORGANIZATION_TYPES) kb.text(ctx.t(`organization-type-${type.toLowerCase()}`), cb.admin("orgtype", e.id, type)).row();
        await ctx.reply(ctx.t("admin-org-ask-type", { typed: e.typed, municipality: e.municipality.name }), { reply_markup: kb.text("≡", cb.admin("orgs")) });
        return;
      }
      case "orgtype":
      case "orgm": {
        const id = Number(a);
        let outcome: ReviewOutcome | null | "no-municipality" | "no-organization";
        if (action === "orgtype") {
          const type = ORGANIZATION_TYPES.find((t) => t === b);
          if (!type) return;
          outcome = await deps.organizationReview.add(id, type, person.id, now);
        } else outcome = await deps.organizationReview.merge(id, b ?? "", person.id, now);
        if (outcome === null) return void (await ctx.reply(ctx.t("admin-org-gone")));
        if (outcome === "no-municipality") return void (await ctx.reply(ctx.t("admin-org-no-municipality")));
        if (outcome === "no-organization") return void (await ctx.reply(ctx.t("button-stale")));
        const how = action === "orgtype" ? "added" : "merged";
        await deps.notify(reviewNotices(outcome, how, (await recipientTranslators(deps.i18n, deps.locales, outcome.people.map((p) => p.id))).t, now));
        await ctx.reply(ctx.t(how === "added" ? "admin-org-added" : "admin-org-merged", { typed: outcome.typed, name: outcome.organization.name, people: outcome.people.length }), {
          reply_markup: new InlineKeyboard().text(ctx.t("button-organization-review", { count: await deps.organizationReview.count() }), cb.admin("orgs")),
        });
        return;
      }
      case "orgmp": {
        const e = await deps.organizationReview.entry(Number(a));
        if (!e) return void (await ctx.reply(ctx.t("admin-org-gone")));
        if (!e.municipality) return void (await ctx.reply(ctx.t("admin-org-no-municipality")));
        // Ids that cannot ride in a button (longer or with other characters) are left out of the list.
        const places = (await deps.directory.organizations(e.municipality.id)).filter((o) => /^[A-Za-z0-9_-]{1,40}$/.test(o.id));
        await ctx.reply(ctx.t("admin-org-pick", { typed: e.typed, municipality: e.municipality.name }), {
          reply_markup: municipalityKeyboard(places, Number(b ?? 0), (orgId) => cb.admin("orgm", e.id, orgId), (p) => cb.admin("orgmp", e.id, p)),
        });
        return;
      }
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
      // The panel at once (a methodist's own, for a methodist); staff without a name are asked for it first.
      const roles = await staffRolesOf(deps, person.id);
      if (!roles.coordinator && !roles.methodist) return ctx.reply(ctx.t("no-access"));
      if (!person.fullName?.trim()) return askStaffName(ctx);
      if (roles.coordinator) await coordinatorPanel(ctx, deps, person);
      else await staffPanel(ctx, deps, person);
    }),
  );

  return composer;
}
