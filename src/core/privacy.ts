// Taking a person out of a text written for someone else (a digest line, a
// methodist's signature) after their /forget. Pure: no grammY, no Prisma.

/** The strings to replace, longest first (so a name is replaced before a part of it), too short ones left out. */
export function needlesOf(strings: readonly string[]): string[] {
  return [...new Set(strings.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the person's identifying strings (see needlesOf) with a neutral word. */
export function anonymize(text: string, needles: readonly string[], word: string): string {
  return needlesOf(needles).reduce((t, n) => t.split(n).join(word), text);
}

/** Removes the buttons about the person (e.g. their card); rows left empty go too. */
export function dropButtonsAbout<B extends { about?: number }>(rows: readonly (readonly B[])[], personId: number): B[][] {
  return rows.map((row) => row.filter((b) => b.about !== personId)).filter((row) => row.length > 0);
}
