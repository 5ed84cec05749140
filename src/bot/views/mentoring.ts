// Messages of the mentoring loop addressed to someone other than the person acting
// (the asked mentor, the waiting mentee): built here, sent through the outbox.
import type { OutgoingMessage } from "../../delivery/outbox.ts";
import type { Instrument } from "../../core/instrument.ts";
import { cb } from "../callback-data.ts";
import { groupTitle } from "./route.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

export interface PersonCard {
  id: number;
  fullName: string | null;
  telegramId: bigint;
  username: string | null;
  organization: { name: string } | null;
  organizationOther: string | null;
  municipality: { name: string } | null;
}

export const nameOf = (p: Pick<PersonCard, "fullName" | "id">) => p.fullName ?? `#${p.id}`;
/** "Опытная Ольга Ивановна" → "Опытная О. И.", for buttons. */
export const shortNameOf = (p: Pick<PersonCard, "fullName" | "id">) => {
  const [surname, ...rest] = nameOf(p).split(" ");
  return [surname, ...rest.map((w) => `${w[0]}.`)].join(" ");
};
export const placeOf = (p: PersonCard) => [p.organization?.name ?? p.organizationOther, p.municipality?.name].filter(Boolean).join(", ");
/** How to reach a person: their @username, or a link that opens their profile. */
export const contactOf = (p: PersonCard) => (p.username ? `@${p.username}` : `tg://user?id=${p.telegramId}`);

/** `t` and `locale`: the mentor's language. */
export function askMentorMessage(t: T, instruments: readonly Instrument[], requestId: number, mentee: PersonCard, mentorChat: { id: number; telegramId: bigint }, needs: readonly string[], days: number, now: Date, locale = "ru"): OutgoingMessage {
  return {
    key: `mentoring-ask:${requestId}:${mentorChat.id}:${now.getTime()}`,
    kind: "mentoring",
    personId: mentorChat.id,
    chatId: mentorChat.telegramId,
    text: t("mentoring-asked-mentor", { name: nameOf(mentee), place: placeOf(mentee) || "—", needs: needs.map((n) => groupTitle(instruments, n, locale)).join(", ") || "—", days }),
    buttons: [[{ text: t("button-accept"), data: cb.mentorAnswer(requestId, true) }, { text: t("button-decline"), data: cb.mentorAnswer(requestId, false) }]],
    dueAt: now,
    mentions: [mentee.id],
    aboutMentioned: true,
  };
}

/** What the mentee hears when the request moves on: asked someone else, or nobody is left. */
export function movedOnMessage(t: T, requestId: number, mentee: { id: number; telegramId: bigint }, why: "declined" | "timeout" | "full", next: { step: "asked"; id: number; name: string } | { step: "exhausted" }, now: Date): OutgoingMessage {
  return {
    key: `mentoring-moved:${requestId}:${now.getTime()}`,
    kind: "mentoring",
    personId: mentee.id,
    chatId: mentee.telegramId,
    text: [t(`mentoring-moved-${why}`), next.step === "asked" ? t("mentoring-moved-next", { name: next.name }) : t("mentoring-exhausted")].join("\n"),
    buttons: [[{ text: t("button-mentoring"), data: cb.mentoring("home") }]],
    dueAt: now,
    ...(next.step === "asked" ? { mentions: [next.id], aboutMentioned: true } : {}),
  };
}

/** A mentoring message to one person, with the button to their mentoring home. */
function mentoringNotice(t: T, key: string, kind: string, to: { id: number; telegramId: bigint }, text: string, now: Date, about?: { id: number }): OutgoingMessage {
  return { key, kind, personId: to.id, chatId: to.telegramId, text, buttons: [[{ text: t("button-mentoring"), data: cb.mentoring("home") }]], dueAt: now, ...(about ? { mentions: [about.id], aboutMentioned: true } : {}) };
}

/** After acceptance both sides get each other's contact; `tFor` speaks each one's language. */
export function pairMadeMessages(tFor: (personId: number) => T, pairId: number, mentor: PersonCard, mentee: PersonCard, now: Date): OutgoingMessage[] {
  const [te, tm] = [tFor(mentee.id), tFor(mentor.id)];
  return [
    mentoringNotice(te, `pair-made:${pairId}:mentee`, "mentoring", mentee, te("mentoring-accepted-mentee", { name: nameOf(mentor), place: placeOf(mentor) || "—", contact: contactOf(mentor) }), now, mentor),
    mentoringNotice(tm, `pair-made:${pairId}:mentor`, "mentoring", mentor, tm("mentoring-accepted-mentor", { name: nameOf(mentee), place: placeOf(mentee) || "—", contact: contactOf(mentee) }), now, mentee),
  ];
}

/** The mentor logged a meeting: the mentee is told its topic (the mentor's note stays with the pair's record). */
export function meetingLoggedMessage(t: T, pairId: number, mentor: PersonCard, mentee: { id: number; telegramId: bigint }, topic: string, now: Date): OutgoingMessage {
  return mentoringNotice(t, `meeting-logged:${pairId}:${now.getTime()}`, "mentoring", mentee, t("mentoring-meeting-logged-mentee", { name: nameOf(mentor), topic }), now, mentor);
}

/** A pair ended because one side deleted their data: the other side is told, without the name (it is deleted). */
export function pairEndedMessage(t: T, pairId: number, to: { id: number; telegramId: bigint }, left: "mentor" | "mentee", now: Date): OutgoingMessage {
  return mentoringNotice(t, `pair-ended:${pairId}:${to.id}`, "mentoring:ended", to, t(left === "mentor" ? "mentoring-ended-mentor-left" : "mentoring-ended-mentee-left"), now);
}
