// The entry of staff who are not (or not only) teachers: coordinators and methodists
// need no diagnostic profile. Their /start and /menu open their panel, after their
// name is known; /admin opens the coordinator's panel at once. Every action behind
// these buttons checks the role again on the server.
import { InlineKeyboard } from "grammy";
import type { PersonView } from "../../repositories/people.ts";
import { cb } from "../callback-data.ts";
import type { BotContext, ConversationContext, Deps } from "../context.ts";

/** The conversation that asks staff for their full name (src/bot/features/staff.ts). */
export const STAFF_NAME_CONVERSATION = "staff-name";

export type StaffPerson = Pick<PersonView, "id" | "fullName" | "profileCompletedAt">;

/** A staff member's name as others read it: never empty (a methodist granted from the CLI may have none yet). */
export const staffName = (fullName: string | null | undefined, t: (key: string) => string): string => fullName?.trim() || t("staff-name-unknown");

/** Coordinator and methodist, as granted now. */
export async function staffRolesOf(deps: Deps, personId: number): Promise<{ coordinator: boolean; methodist: boolean }> {
  const roles = new Set((await deps.roles.granted(personId)).map((r) => r.role));
  return { coordinator: roles.has("COORDINATOR"), methodist: roles.has("METHODIST") };
}

/** Staff without a teacher's profile: their entry is the panel, not the profile form. */
export async function isStaffOnly(deps: Deps, person: StaffPerson): Promise<boolean> {
  if (person.profileCompletedAt) return false;
  const r = await staffRolesOf(deps, person.id);
  return r.coordinator || r.methodist;
}

/** The last row of a staff panel: the menu for staff who teach too, else the (optional) teacher's profile. */
function closingRow(ctx: ConversationContext, kb: InlineKeyboard, person: StaffPerson): InlineKeyboard {
  return person.profileCompletedAt ? kb.text(ctx.t("button-menu"), cb.menu("open")) : kb.text(ctx.t("button-teacher-profile"), cb.menu("edit-profile"));
}

/** The coordinator's panel; the caller has checked the role. */
export async function coordinatorPanel(ctx: ConversationContext, deps: Deps, person: StaffPerson): Promise<void> {
  const [methodists, coordinators, pending, roles] = await Promise.all([
    deps.roles.holders("METHODIST"),
    deps.roles.holders("COORDINATOR"),
    deps.organizationReview.count(),
    staffRolesOf(deps, person.id),
  ]);
  const kb = new InlineKeyboard()
    .text(ctx.t("button-invite-methodist"), cb.admin("inv", "met")).row()
    .text(ctx.t("button-invite-municipal"), cb.admin("invm", 0)).row()
    .text(ctx.t("button-invite-coordinator"), cb.admin("inv", "coord")).row()
    .text(ctx.t("button-staff"), cb.admin("staff")).row()
    .text(ctx.t("button-indicators"), cb.admin("ind")).text(ctx.t("button-deficit-map"), cb.admin("map")).row()
    .text(ctx.t("button-gap"), cb.admin("gap")).text(ctx.t("button-recommendations"), cb.admin("recs")).row()
    .text(ctx.t("button-broadcast"), cb.broadcastStart("all")).text(ctx.t("button-broadcast-list"), cb.broadcastList()).row()
    .text(ctx.t("button-organization-review", { count: pending }), cb.admin("orgs")).row()
    .text(ctx.t("button-audit"), cb.admin("audit")).row();
  if (roles.methodist) kb.text(ctx.t("button-my-teachers"), cb.teachers(0)).row();
  await ctx.reply(ctx.t("admin-panel", { methodists: methodists.length, coordinators: coordinators.length }), { reply_markup: closingRow(ctx, kb, person) });
}

/** The methodist's panel; the caller has checked the role. */
export async function methodistPanel(ctx: ConversationContext, deps: Deps, person: StaffPerson): Promise<void> {
  const total = await deps.caseloads.size(person.id);
  const kb = new InlineKeyboard()
    .text(ctx.t("button-my-teachers"), cb.teachers(0)).row()
    .text(ctx.t("button-broadcast-mine"), cb.broadcastStart("mine")).text(ctx.t("button-broadcast-list"), cb.broadcastList()).row()
    .text(ctx.t("button-digest-settings"), cb.digestSettings("open")).row();
  await ctx.reply(ctx.t("methodist-panel", { total }), { reply_markup: closingRow(ctx, kb, person) });
}

/** Asks for the name (a short conversation), leaving whatever form was open. */
export async function askStaffName(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(STAFF_NAME_CONVERSATION);
}

/** The panel of the person's staff role (the coordinator's first); false when they hold none. */
export async function staffPanel(ctx: ConversationContext, deps: Deps, person: StaffPerson): Promise<boolean> {
  const roles = await staffRolesOf(deps, person.id);
  if (roles.coordinator) await coordinatorPanel(ctx, deps, person);
  else if (roles.methodist) await methodistPanel(ctx, deps, person);
  return roles.coordinator || roles.methodist;
}

/**
 * The staff entry: the name first when it is missing, then the panel. False when
 * the person holds no staff role.
 */
export async function staffHome(ctx: BotContext, deps: Deps, person: StaffPerson): Promise<boolean> {
  const roles = await staffRolesOf(deps, person.id);
  if (!roles.coordinator && !roles.methodist) return false;
  if (!person.fullName?.trim()) {
    await askStaffName(ctx);
    return true;
  }
  return staffPanel(ctx, deps, person);
}
