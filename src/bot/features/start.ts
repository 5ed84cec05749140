import { Composer, InlineKeyboard } from "grammy";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, Deps } from "../context.ts";
import { showChoice } from "../views/choice.ts";
import { resumeOrOffer } from "./diagnostic.ts";
import { showMenu } from "../views/menu.ts";
import { enterProfile, PROFILE_CONVERSATION } from "./profile.ts";
import { isStaffOnly, STAFF_NAME_CONVERSATION, staffHome, staffRolesOf } from "../views/staff-panel.ts";
import { ensureConfiguredCoordinator, redeemInvite } from "./staff.ts";
import { inviteCodeOf } from "../../core/roles.ts";
import { addressName } from "../../core/names.ts";

/** Bump when the consent text changes in substance; the version is stored with each consent. */
export const CONSENT_VERSION = "2026-12.3";

/** What is stored, who sees it and for how long; the message texts' retention is configured. Someone who consented already is not asked again. */
const consentText = (ctx: BotContext, deps: Deps, consented = false) => ctx.t("consent-text", { days: deps.config.OUTBOX_RETENTION_DAYS, consented: consented ? "yes" : "no" });

async function askConsent(ctx: BotContext, deps: Deps, invite?: string): Promise<void> {
  await ctx.reply(ctx.t(invite ? "welcome-invited" : "welcome"));
  await ctx.reply(consentText(ctx, deps), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-consent-yes"), cb.consent("yes", invite)).row().text(ctx.t("button-consent-no"), cb.consent("no")),
  });
}

export function startFeature(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("start", async (ctx) => {
    const invite = inviteCodeOf(ctx.match);
    const person = await deps.people.byTelegramId(ctx.from!.id);
    if (!person) return askConsent(ctx, deps, invite);
    await ensureConfiguredCoordinator(deps, person);
    if (invite) return redeemInvite(ctx, deps, person, invite);
    // Coordinators and methodists who do not teach: their panel (after their name), not the teacher's profile.
    if (!person.profileCompletedAt && (await staffHome(ctx, deps, person))) return;
    if (!person.profileCompletedAt) {
      await ctx.reply(ctx.t("profile-continue"));
      return enterProfile(ctx);
    }
    if (await deps.attempts.inProgress(person.id)) return resumeOrOffer(ctx, deps, person);
    const name = addressName(person.fullName);
    await ctx.reply(name ? ctx.t("welcome-back", { name }) : ctx.t("welcome-back-unnamed"));
    await showMenu(ctx, deps, person);
  });

  composer.command("help", (ctx) => ctx.reply(ctx.t("help")));
  composer.command("privacy", async (ctx) => ctx.reply(consentText(ctx, deps, (await deps.people.byTelegramId(ctx.from!.id)) !== null)));

  composer.callbackQuery(patterns.consent, async (ctx) => {
    const agreed = ctx.match[1] === "yes";
    await showChoice(ctx, ctx.t(agreed ? "button-consent-yes" : "button-consent-no"));
    if (!agreed) {
      await ctx.reply(ctx.t("consent-declined"));
      return;
    }
    const existing = await deps.people.byTelegramId(ctx.from.id);
    if (existing?.profileCompletedAt) return showMenu(ctx, deps, existing);
    await deps.people.consent(ctx.from.id, CONSENT_VERSION, deps.clock.now());
    const person = (await deps.people.byTelegramId(ctx.from.id))!;
    await ensureConfiguredCoordinator(deps, person);
    // Invited staff get their role and a short form; teachers the profile.
    const invite = ctx.match[2];
    if (invite) {
      await ctx.reply(ctx.t("consent-thanks-staff"));
      return redeemInvite(ctx, deps, person, invite);
    }
    // Staff granted a role before they came (ADMIN_TELEGRAM_IDS, the CLI): their name, then their panel.
    if (await isStaffOnly(deps, person)) {
      await ctx.reply(ctx.t("consent-thanks-staff-role"));
      await staffHome(ctx, deps, person);
      return;
    }
    await ctx.reply(ctx.t("consent-thanks"));
    await enterProfile(ctx);
  });

  return composer;
}

/**
 * Before the forms: /start, /menu and /admin of staff who do not teach leave an open
 * profile form (or name question), so that the entry below leads to their panel
 * instead of «Сначала закончим профиль». /admin leaves the form for any coordinator or
 * methodist, also one who teaches and was changing the profile (they are told it was
 * not saved). Invitation links go on as before.
 */
export function staffEntryGate(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(["start", "menu", "admin"], async (ctx, next) => {
    if (ctx.hasCommand("start") && inviteCodeOf(ctx.match)) return next();
    const person = await deps.people.byTelegramId(ctx.from!.id);
    if (!person) return next();
    await ensureConfiguredCoordinator(deps, person);
    const admin = ctx.hasCommand("admin");
    const leave = admin ? await isStaff(deps, person.id) : !person.profileCompletedAt && (await isStaffOnly(deps, person));
    if (!leave) return next();
    const editing = ctx.conversation.active(PROFILE_CONVERSATION) > 0;
    for (const id of [PROFILE_CONVERSATION, STAFF_NAME_CONVERSATION]) if (ctx.conversation.active(id) > 0) await ctx.conversation.exit(id);
    if (admin && editing && person.profileCompletedAt) await ctx.reply(ctx.t("profile-left-for-panel"));
    return next();
  });
  return composer;
}

async function isStaff(deps: Deps, personId: number): Promise<boolean> {
  const roles = await staffRolesOf(deps, personId);
  return roles.coordinator || roles.methodist;
}
