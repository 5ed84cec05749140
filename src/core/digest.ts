// A methodist's daily digest: counts first, then the most important names.
// Pure: the data comes from set-based queries over the whole caseload.

export interface DigestPerson {
  personId: number;
  name: string;
}

export interface DigestData {
  caseload: number;
  finished: (DigestPerson & { deficits: string[] })[];
  routesConfirmed: DigestPerson[];
  itemsDone: (DigestPerson & { count: number })[];
  overdue: (DigestPerson & { count: number })[];
  silent: DigestPerson[];
  youngWithoutSupport: DigestPerson[];
}

export type HighlightReason = { kind: "overdue"; count: number } | { kind: "young" } | { kind: "deficits"; groups: string[] } | { kind: "silent" };

export interface Digest {
  caseload: number;
  counts: {
    finished: number;
    routesConfirmed: number;
    itemsDone: number;
    overdueItems: number;
    overduePeople: number;
    silent: number;
    youngWithoutSupport: number;
  };
  /** Who needs attention first: overdue items, young teachers alone, fresh deficits, silence. */
  highlights: (DigestPerson & { reason: HighlightReason })[];
  /** Nothing new happened and nothing needs attention. */
  empty: boolean;
}

export function buildDigest(d: DigestData, limit = 5): Digest {
  const counts = {
    finished: d.finished.length,
    routesConfirmed: d.routesConfirmed.length,
    itemsDone: d.itemsDone.reduce((s, x) => s + x.count, 0),
    overdueItems: d.overdue.reduce((s, x) => s + x.count, 0),
    overduePeople: d.overdue.length,
    silent: d.silent.length,
    youngWithoutSupport: d.youngWithoutSupport.length,
  };
  const seen = new Set<number>();
  const highlights: Digest["highlights"] = [];
  const add = (p: DigestPerson, reason: HighlightReason) => {
    if (highlights.length >= limit || seen.has(p.personId)) return;
    seen.add(p.personId);
    highlights.push({ personId: p.personId, name: p.name, reason });
  };
  [...d.overdue].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).forEach((p) => add(p, { kind: "overdue", count: p.count }));
  d.youngWithoutSupport.forEach((p) => add(p, { kind: "young" }));
  [...d.finished].filter((p) => p.deficits.length > 0).sort((a, b) => b.deficits.length - a.deficits.length).forEach((p) => add(p, { kind: "deficits", groups: p.deficits }));
  d.silent.forEach((p) => add(p, { kind: "silent" }));
  const empty = Object.values(counts).every((n) => n === 0);
  return { caseload: d.caseload, counts, highlights, empty };
}
