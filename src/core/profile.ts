import type { Position } from "./instrument.ts";

export type AgeGroup = "UNDER_25" | "FROM_25_TO_29" | "FROM_30_TO_34" | "FROM_35_TO_44" | "FROM_45_TO_54" | "FROM_55";
export const AGE_GROUPS: readonly AgeGroup[] = [
  "UNDER_25",
  "FROM_25_TO_29",
  "FROM_30_TO_34",
  "FROM_35_TO_44",
  "FROM_45_TO_54",
  "FROM_55",
];

const UNDER_35: ReadonlySet<AgeGroup> = new Set(["UNDER_25", "FROM_25_TO_29", "FROM_30_TO_34"]);

/** Full years of teaching under which a teacher is in the first three years of work. */
export const YOUNG_TEACHER_MAX_EXPERIENCE = 3;
export const MAX_EXPERIENCE_YEARS = 60;

/** A young teacher (молодой педагог): under 35 and in the first three years of work. */
export function isYoungTeacher(p: { ageGroup?: AgeGroup | null; experienceYears?: number | null }): boolean {
  return (
    p.ageGroup != null &&
    UNDER_35.has(p.ageGroup) &&
    p.experienceYears != null &&
    p.experienceYears < YOUNG_TEACHER_MAX_EXPERIENCE
  );
}

export function isManager(position: Position): boolean {
  return position !== "TEACHER";
}

/** Parses years of experience typed by a person: a whole number 0–60, «5 лет» allowed. */
export function parseExperience(text: string): number | undefined {
  const m = /^\s*(\d{1,2})(\s*(год|года|лет|years?))?\s*$/iu.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= MAX_EXPERIENCE_YEARS ? n : undefined;
}

/** A typed full name: normalised, or why it is not taken («single-word»: only a first name, the surname is missing). */
export function checkFullName(text: string): { name: string } | { problem: "invalid" | "single-word" } {
  const name = text.replace(/\s+/g, " ").trim();
  if (name.length < 2 || name.length > 120) return { problem: "invalid" };
  if (!/^[\p{L}][\p{L}\s.'’-]*$/u.test(name)) return { problem: "invalid" };
  if (!name.includes(" ")) return { problem: "single-word" };
  return { name };
}

/** Normalises a full name typed by a person, or undefined when it is not one (a single word is not). */
export function parseFullName(text: string): string | undefined {
  const checked = checkFullName(text);
  return "name" in checked ? checked.name : undefined;
}

/** The message asking again for a full name that was not taken. */
export const fullNameRetryKey = (problem: "invalid" | "single-word") => (problem === "single-word" ? "profile-name-single-word" : "profile-name-invalid");
