// The profile form: a grammY conversation whose state is stored in the database,
// so a restart in the middle continues at the same step. Each step accepts its
// own input only; anything else gets a short hint and the question again.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard } from "grammy";
import type { Position } from "../../core/instrument.ts";
import { localize, POSITIONS } from "../../core/instrument.ts";
import { AGE_GROUPS, checkFullName, fullNameRetryKey, isYoungTeacher, parseExperience, type AgeGroup } from "../../core/profile.ts";
import type { Place } from "../../repositories/directory.ts";
import type { ProfileInput } from "../../repositories/people.ts";
import { cb, patterns } from "../callback-data.ts";
import type { BotContext, BotConversation, ConversationContext, Deps } from "../context.ts";
import { showChoice } from "../views/choice.ts";

export const PROFILE_CONVERSATION = "profile";
/** Bump when the steps change: stored forms of the old shape are then started afresh. */
export const PROFILE_CONVERSATION_VERSION = 1;

const PAGE = 8;
const MAX_TRIES = 12;
const ORGANIZATION_MAX = 200;

type Outcome<T> = { done: T } | { retry: string } | "waiting";

export const positionKey: Record<Position, string> = {
  TEACHER: "position-teacher",
  HEAD: "position-head",
  DEPUTY: "position-deputy",
  UNIT_HEAD: "position-unit-head",
};
export const ageKey: Record<AgeGroup, string> = {
  UNDER_25: "age-under-25",
  FROM_25_TO_29: "age-25-29",
  FROM_30_TO_34: "age-30-34",
  FROM_35_TO_44: "age-35-44",
  FROM_45_TO_54: "age-45-54",
  FROM_55: "age-55",
};

/** A profile-step button press: the step's own buttons only. */
function pressed(ctx: ConversationContext, step: string): string | undefined {
  const m = patterns.profile.exec(ctx.callbackQuery?.data ?? "");
  return m && m[1] === step ? m[2] : undefined;
}

function pagedKeyboard(places: readonly Place[], page: number, pick: string, pageStep: string, t: ConversationContext["t"], extra?: [string, string]): InlineKeyboard {
  const pages = Math.max(1, Math.ceil(places.length / PAGE));
  const p = Math.min(Math.max(page, 0), pages - 1);
  const kb = new InlineKeyboard();
  for (const place of places.slice(p * PAGE, (p + 1) * PAGE)) kb.text(place.name, cb.profile(pick, place.id)).row();
  if (pages > 1) {
    if (p > 0) kb.text(t("button-page-back"), cb.profile(pageStep, p - 1));
    kb.text(`${p + 1} / ${pages}`, cb.profile(pageStep, p));
    if (p < pages - 1) kb.text(t("button-page-next"), cb.profile(pageStep, p + 1));
    kb.row();
  }
  if (extra) kb.text(extra[0], extra[1]);
  return kb;
}

export function profileConversation(deps: Deps) {
  return async function profile(conversation: BotConversation, first: ConversationContext): Promise<void> {
    let ctx = first;

    /** Asks until the step's own input comes; escapes and bad input are answered here. */
    async function ask<T>(prompt: (c: ConversationContext) => Promise<unknown>, accept: (c: ConversationContext) => Promise<Outcome<T>>): Promise<T> {
      await prompt(ctx);
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        ctx = await conversation.wait();
        if (ctx.hasCommand("cancel")) {
          await ctx.reply(ctx.t("profile-cancelled"), { reply_markup: new InlineKeyboard().text(ctx.t("button-menu"), cb.menu("open")) });
          return conversation.halt();
        }
        if (ctx.message?.text?.startsWith("/")) {
          await ctx.reply(ctx.t("profile-finish-first"));
          await prompt(ctx);
          continue;
        }
        if (ctx.callbackQuery && !patterns.profile.test(ctx.callbackQuery.data ?? "")) {
          await ctx.answerCallbackQuery({ text: ctx.t("profile-finish-first-short") });
          continue;
        }
        const outcome = await accept(ctx);
        if (outcome === "waiting") continue;
        if ("done" in outcome) return outcome.done;
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
        else {
          await ctx.reply(ctx.t(outcome.retry));
          await prompt(ctx);
        }
      }
      await ctx.reply(ctx.t("profile-too-many-tries"), { reply_markup: new InlineKeyboard().text(ctx.t("button-fill-profile"), cb.menu("edit-profile")) });
      return conversation.halt();
    }

    const text = (c: ConversationContext) => c.message?.text;

    // 1. Full name
    const fullName = await ask<string>(
      (c) => c.reply(c.t("profile-ask-name")),
      async (c) => {
        const typed = text(c);
        if (typed === undefined) return { retry: "profile-need-text" };
        const checked = checkFullName(typed);
        return "name" in checked ? { done: checked.name } : { retry: fullNameRetryKey(checked.problem) };
      },
    );

    // 2. Position
    const positionKeyboard = (c: ConversationContext) => {
      const kb = new InlineKeyboard();
      for (const p of POSITIONS) kb.text(c.t(positionKey[p]), cb.profile("pos", p)).row();
      return kb;
    };
    const position = await ask<Position>(
      (c) => c.reply(c.t("profile-ask-position"), { reply_markup: positionKeyboard(c) }),
      async (c) => {
        const value = pressed(c, "pos");
        if (value === undefined) return { retry: "profile-use-buttons" };
        const p = POSITIONS.find((x) => x === value);
        if (!p) return { retry: "button-stale" };
        await showChoice(c, c.t(positionKey[p]));
        return { done: p };
      },
    );

    // 3. Municipality: a paged list, or a search by a few letters.
    const municipalities = await conversation.external(() => deps.directory.municipalities());
    const municipality = await ask<Place>(
      (c) => c.reply(c.t("profile-ask-municipality"), { reply_markup: pagedKeyboard(municipalities, 0, "mun", "mpage", c.t) }),
      async (c) => {
        const page = pressed(c, "mpage");
        if (page !== undefined) {
          await c.answerCallbackQuery();
          await c.editMessageReplyMarkup({ reply_markup: pagedKeyboard(municipalities, Number(page), "mun", "mpage", c.t) }).catch(() => undefined);
          return "waiting";
        }
        const id = pressed(c, "mun");
        if (id !== undefined) {
          const found = municipalities.find((m) => m.id === id);
          if (!found) return { retry: "button-stale" };
          await showChoice(c, found.name);
          return { done: found };
        }
        const query = text(c)?.trim();
        if (!query) return { retry: "profile-municipality-type" };
        const matches = await conversation.external(() => deps.directory.municipalities(query.slice(0, 60)));
        if (matches.length === 0) return { retry: "profile-municipality-not-found" };
        await c.reply(c.t("profile-search-results", { count: matches.length }), { reply_markup: pagedKeyboard(matches, 0, "mun", "mpage", c.t) });
        return "waiting";
      },
    );

    // 4. Organization within the municipality, or a free-text name marked for review.
    const organizations = await conversation.external(() => deps.directory.organizations(municipality.id));
    const otherButton = (c: ConversationContext): [string, string] => [c.t("button-organization-missing"), cb.profile("org", "other")];
    const organization = await ask<{ id: string | null; name: string; other: boolean }>(
      (c) => c.reply(c.t("profile-ask-organization", { municipality: municipality.name }), { reply_markup: pagedKeyboard(organizations, 0, "org", "opage", c.t, otherButton(c)) }),
      async (c) => {
        const page = pressed(c, "opage");
        if (page !== undefined) {
          await c.answerCallbackQuery();
          await c.editMessageReplyMarkup({ reply_markup: pagedKeyboard(organizations, Number(page), "org", "opage", c.t, otherButton(c)) }).catch(() => undefined);
          return "waiting";
        }
        const id = pressed(c, "org");
        if (id === "other") {
          await showChoice(c, c.t("button-organization-missing"));
          const name = await ask<string>(
            (cc) => cc.reply(cc.t("profile-ask-organization-name")),
            async (cc) => {
              const typed = text(cc)?.replace(/\s+/g, " ").trim();
              if (!typed) return { retry: "profile-need-text" };
              if (typed.length < 3 || typed.length > ORGANIZATION_MAX) return { retry: "profile-organization-name-invalid" };
              return { done: typed };
            },
          );
          return { done: { id: null, name, other: true } };
        }
        if (id !== undefined) {
          const found = organizations.find((o) => o.id === id);
          if (!found) return { retry: "button-stale" };
          await showChoice(c, found.name);
          return { done: { ...found, other: false } };
        }
        const query = text(c)?.trim();
        if (!query) return { retry: "profile-organization-type" };
        const q = query.toLocaleLowerCase("ru");
        const matches = organizations.filter((o) => o.name.toLocaleLowerCase("ru").includes(q));
        if (matches.length === 0) {
          await c.reply(c.t("profile-organization-not-found"), { reply_markup: pagedKeyboard(organizations, 0, "org", "opage", c.t, otherButton(c)) });
          return "waiting";
        }
        await c.reply(c.t("profile-search-results", { count: matches.length }), { reply_markup: pagedKeyboard(matches, 0, "org", "opage", c.t, otherButton(c)) });
        return "waiting";
      },
    );

    // 5. Subjects: several, toggled on one message.
    const locale = await ctx.i18n.getLocale();
    const subjects = deps.content.subjects;
    const chosen = new Set<string>();
    const subjectKeyboard = (c: ConversationContext) => {
      const kb = new InlineKeyboard();
      subjects.forEach((s, i) => {
        kb.text(`${chosen.has(s.code) ? "✅ " : ""}${localize(s.name, locale)}`, cb.profile("subj", s.code));
        if (i % 2 === 1) kb.row();
      });
      return kb.row().text(c.t("button-done"), cb.profile("subjok", ""));
    };
    const selected = await ask<string[]>(
      (c) => c.reply(c.t("profile-ask-subjects"), { reply_markup: subjectKeyboard(c) }),
      async (c) => {
        const code = pressed(c, "subj");
        if (code !== undefined) {
          if (!subjects.some((s) => s.code === code)) return { retry: "button-stale" };
          if (chosen.has(code)) chosen.delete(code);
          else chosen.add(code);
          await c.answerCallbackQuery();
          await c.editMessageReplyMarkup({ reply_markup: subjectKeyboard(c) }).catch(() => undefined);
          return "waiting";
        }
        if (pressed(c, "subjok") !== undefined) {
          if (chosen.size === 0 && position === "TEACHER") {
            await c.answerCallbackQuery({ text: c.t("profile-subjects-none") });
            return "waiting";
          }
          const list = subjects.filter((s) => chosen.has(s.code));
          await showChoice(c, list.map((s) => localize(s.name, locale)).join(", ") || c.t("profile-subjects-empty"));
          return { done: list.map((s) => s.code) };
        }
        return { retry: "profile-use-buttons" };
      },
    );

    // 6. Years of teaching: a quick button or a typed number.
    const experienceYears = await ask<number>(
      (c) => {
        const kb = new InlineKeyboard();
        [0, 1, 2, 3].forEach((n) => kb.text(n === 0 ? c.t("button-first-year") : String(n), cb.profile("exp", n)));
        return c.reply(c.t("profile-ask-experience"), { reply_markup: kb });
      },
      async (c) => {
        const pressedYears = pressed(c, "exp");
        if (pressedYears !== undefined) {
          const n = Number(pressedYears);
          if (!Number.isInteger(n) || n < 0 || n > 3) return { retry: "button-stale" };
          await showChoice(c, n === 0 ? c.t("button-first-year") : String(n));
          return { done: n };
        }
        const typed = text(c);
        if (typed === undefined) return { retry: "profile-experience-invalid" };
        const n = parseExperience(typed);
        return n === undefined ? { retry: "profile-experience-invalid" } : { done: n };
      },
    );

    // 7. Age group
    const ageGroup = await ask<AgeGroup>(
      (c) => {
        const kb = new InlineKeyboard();
        AGE_GROUPS.forEach((a, i) => {
          kb.text(c.t(ageKey[a]), cb.profile("age", a));
          if (i % 3 === 2) kb.row();
        });
        return c.reply(c.t("profile-ask-age"), { reply_markup: kb });
      },
      async (c) => {
        const value = pressed(c, "age");
        if (value === undefined) return { retry: "profile-use-buttons" };
        const a = AGE_GROUPS.find((x) => x === value);
        if (!a) return { retry: "button-stale" };
        await showChoice(c, c.t(ageKey[a]));
        return { done: a };
      },
    );

    const input: ProfileInput = {
      fullName,
      position,
      municipalityId: municipality.id,
      organizationId: organization.id,
      organizationOther: organization.other ? organization.name : null,
      subjects: selected,
      experienceYears,
      ageGroup,
    };
    const saved = await conversation.external(async () => {
      // The person may have withdrawn consent (/forget) meanwhile: then nothing is saved.
      const person = await deps.people.byTelegramId(ctx.from!.id);
      if (!person) return false;
      await deps.people.saveProfile(ctx.from!.id, input, deps.clock.now());
      return true;
    });
    if (!saved) return;
    const young = isYoungTeacher({ ageGroup, experienceYears });
    const next = new InlineKeyboard().text(ctx.t("button-start-diagnostic"), cb.diagnostic("new")).row();
    // A young teacher is offered a mentor right away: straight to what they need help with.
    if (young) next.text(ctx.t("button-find-mentor"), cb.mentoring("find")).row();
    await ctx.reply([ctx.t("profile-saved"), ctx.t(young ? "profile-young-teacher" : "profile-next")].join("\n\n"), {
      reply_markup: next.text(ctx.t("button-menu"), cb.menu("open")),
    });
  };
}

export function profileFeature(deps: Deps, i18n: I18n<ConversationContext>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, ConversationContext>(profileConversation(deps), { id: PROFILE_CONVERSATION }));
  return composer;
}

/** Opens the profile form afresh, closing any form left open. */
export async function enterProfile(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PROFILE_CONVERSATION);
}
