// Mentoring use cases over the pure matcher and the repository; every front end
// calls these. After a decline, a timeout or a mentor with no place left, the
// request moves on to the next candidate by itself.
import { pairType, rankMentors, type Match, type MenteeProfile } from "../core/matching.ts";
import { isYoungTeacher } from "../core/profile.ts";
import type { Clock } from "../core/clock.ts";
import type { MentoringRepository } from "../repositories/mentoring.ts";
import type { PersonView } from "../repositories/people.ts";

export const SHOWN_CANDIDATES = 3;

export type NextStep = { step: "asked"; mentorId: number } | { step: "exhausted" };

export function menteeOf(person: PersonView, needs: readonly string[]): MenteeProfile {
  return {
    personId: person.id,
    subjects: person.subjects,
    needs,
    organizationId: person.organization?.id ?? null,
    municipalityId: person.municipality?.id ?? null,
    young: isYoungTeacher(person),
  };
}

/** Who may sign up as a mentor: not a young teacher (they are mentored), and not a mentor already (a stopped one may again). */
export async function mayBecomeMentor(mentoring: Pick<MentoringRepository, "profile">, person: PersonView): Promise<boolean> {
  if (isYoungTeacher(person)) return false;
  const profile = await mentoring.profile(person.id);
  return !profile || profile.status === "STOPPED";
}

export function mentoringService(deps: { mentoring: MentoringRepository; clock: Clock; answerDays: number; personById: (id: number) => Promise<PersonView | null> }) {
  const { mentoring, clock } = deps;

  async function ranked(person: PersonView, needs: readonly string[], passed: readonly number[]): Promise<Match[]> {
    return rankMentors(menteeOf(person, needs), await mentoring.candidates(), new Set(passed));
  }

  /** Asks the best candidate not passed over yet; a full one is skipped (its place went to someone else). */
  async function askNext(requestId: number): Promise<NextStep> {
    for (let guard = 0; guard < 50; guard++) {
      const request = await mentoring.request(requestId);
      if (!request || request.status !== "OPEN") return { step: "exhausted" };
      const person = await deps.personById(request.menteeId);
      const [best] = person ? await ranked(person, request.needs, request.passedIds) : [];
      if (!best) {
        await mentoring.exhaust(requestId, clock.now());
        return { step: "exhausted" };
      }
      if ((await mentoring.ask(requestId, best.personId, clock.now())) === "asked") return { step: "asked", mentorId: best.personId };
    }
    return { step: "exhausted" };
  }

  return {
    /** Up to three candidates for the person's request, best first, with no contact data. */
    async candidates(person: PersonView, requestId: number): Promise<Match[]> {
      const request = await mentoring.request(requestId);
      if (!request || request.menteeId !== person.id) return [];
      return (await ranked(person, request.needs, request.passedIds)).slice(0, SHOWN_CANDIDATES);
    },

    /** The mentee sends the request to one candidate; a candidate who has just filled up is passed over and the next one asked. */
    async choose(person: PersonView, requestId: number, mentorId: number): Promise<{ outcome: "asked" | "stale" } | { outcome: "moved"; next: NextStep }> {
      const request = await mentoring.request(requestId);
      if (!request || request.menteeId !== person.id) return { outcome: "stale" };
      // Only a mentor who would be offered now may be asked: a forged id is refused.
      if (!(await ranked(person, request.needs, request.passedIds)).some((m) => m.personId === mentorId)) return { outcome: "stale" };
      const asked = await mentoring.ask(requestId, mentorId, clock.now());
      if (asked === "asked") return { outcome: "asked" };
      if (asked === "stale") return { outcome: "stale" };
      return { outcome: "moved", next: await askNext(requestId) };
    },

    /** The mentor's answer; after a decline the next candidate is asked. */
    async answer(mentor: PersonView, requestId: number, accept: boolean) {
      const request = await mentoring.request(requestId);
      const mentee = request && (await deps.personById(request.menteeId));
      if (!request || !mentee || request.askedId !== mentor.id) return { result: "stale" as const };
      const profile = await mentoring.profile(mentor.id);
      const covers = request.needs.filter((n) => profile?.strengths.includes(n));
      const type = pairType({ young: isYoungTeacher(mentee) }, covers, mentor.subjects.some((s) => mentee.subjects.includes(s)));
      const outcome = await mentoring.answer(requestId, mentor.id, accept, type, clock.now());
      if (outcome.result === "declined") return { result: "declined" as const, mentee, next: await askNext(requestId) };
      return outcome.result === "accepted" ? { result: "accepted" as const, mentee, pairId: outcome.pairId } : { result: "stale" as const };
    },

    /** Requests unanswered for the configured days move on to the next candidate. */
    async expireUnanswered(): Promise<{ requestId: number; menteeId: number; mentorId: number; next: NextStep }[]> {
      const before = new Date(clock.now().getTime() - deps.answerDays * 86_400_000);
      const expired = await mentoring.expire(before);
      const out = [];
      for (const e of expired) out.push({ ...e, next: await askNext(e.requestId) });
      return out;
    },

    askNext,
  };
}

export type MentoringService = ReturnType<typeof mentoringService>;
