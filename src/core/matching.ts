// Mentor matching: pure, tested directly. Candidates are ranked by subject match,
// the mentor's strengths against the mentee's needs, nearness (same organization,
// then municipality, then region) and free places. A mentor at capacity, a paused
// or stopped one, one already passed over, and the mentee themself are never offered.

export type PairType = "YOUNG_SPECIALIST" | "COMPETENCY" | "SUBJECT";

export interface MentorCandidate {
  personId: number;
  subjects: readonly string[];
  strengths: readonly string[];
  organizationId: string | null;
  municipalityId: string | null;
  capacity: number;
  taken: number;
  status: "ACTIVE" | "PAUSED" | "STOPPED";
}

export interface MenteeProfile {
  personId: number;
  subjects: readonly string[];
  /** Competency groups to get help with. */
  needs: readonly string[];
  organizationId: string | null;
  municipalityId: string | null;
  young: boolean;
}

export type MatchReason = "subject" | "strengths" | "organization" | "municipality" | "free-places";

export interface Match {
  personId: number;
  score: number;
  type: PairType;
  reasons: MatchReason[];
  /** The mentee's needs this mentor is strong in. */
  covers: string[];
}

/** Whether the mentor may be offered to this mentee at all. */
export function offerable(m: MentorCandidate, mentee: MenteeProfile, passed: ReadonlySet<number> = new Set()): boolean {
  return m.status === "ACTIVE" && m.taken < m.capacity && m.personId !== mentee.personId && !passed.has(m.personId);
}

/** The pair's type follows from why they were matched. */
export function pairType(mentee: Pick<MenteeProfile, "young">, covers: readonly string[], sameSubject: boolean): PairType {
  if (mentee.young) return "YOUNG_SPECIALIST";
  if (covers.length > 0) return "COMPETENCY";
  return sameSubject ? "SUBJECT" : "COMPETENCY";
}

export function rankMentors(mentee: MenteeProfile, candidates: readonly MentorCandidate[], passed: ReadonlySet<number> = new Set()): Match[] {
  return candidates
    .filter((m) => offerable(m, mentee, passed))
    .map((m) => {
      const reasons: MatchReason[] = [];
      let score = 0;
      const sameSubject = m.subjects.some((s) => mentee.subjects.includes(s));
      if (sameSubject) {
        score += 5;
        reasons.push("subject");
      }
      const covers = mentee.needs.filter((n) => m.strengths.includes(n));
      if (covers.length) {
        score += 4 * covers.length;
        reasons.push("strengths");
      }
      if (m.organizationId && m.organizationId === mentee.organizationId) {
        score += 3;
        reasons.push("organization");
      } else if (m.municipalityId && m.municipalityId === mentee.municipalityId) {
        score += 2;
        reasons.push("municipality");
      }
      const free = m.capacity - m.taken;
      if (free > 1) {
        score += 1;
        reasons.push("free-places");
      }
      return { personId: m.personId, score, type: pairType(mentee, covers, sameSubject), reasons, covers };
    })
    .sort((a, b) => b.score - a.score || a.personId - b.personId);
}
