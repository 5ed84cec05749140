// A methodist's daily digest: counts first, then the most important names.
// Pure: the data comes from set-based queries over all methodists' caseloads at once
// (src/repositories/schedule.ts), which count and rank; this decides what to show.

export interface DigestPerson {
  personId: number;
  name: string;
}

/** How many names a digest shows, at most. */
export const DIGEST_HIGHLIGHTS = 5;

/** A count, and the first few people of it in the order they deserve attention. */
export interface DigestList<P extends DigestPerson = DigestPerson> {
  count: number;
  /** The first DIGEST_HIGHLIGHTS (or more) of them, most urgent first. */
  top: P[];
}

export interface DigestData {
  caseload: number;
  /** Diagnostics finished; `top`: those with deficits, most deficits first. */
  finished: DigestList<DigestPerson & { deficits: string[] }>;
  routesConfirmed: number;
  itemsDone: number;
  /** Teachers with overdue items (`count`), the items (`items`); `top`: most overdue first. */
  overdue: DigestList<DigestPerson & { count: number }> & { items: number };
  /** Longest silent first. */
  silent: DigestList;
  youngWithoutSupport: DigestList;
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

/**
 * Counts, and who needs attention first: overdue items, young teachers alone, fresh
 * deficits, silence, one line a person. Each list's first `limit` people are enough:
 * a person already named takes one of the `limit` places, so the next list never
 * needs more than its first `limit`.
 */
export function buildDigest(d: DigestData, limit = DIGEST_HIGHLIGHTS): Digest {
  const counts = {
    finished: d.finished.count,
    routesConfirmed: d.routesConfirmed,
    itemsDone: d.itemsDone,
    overdueItems: d.overdue.items,
    overduePeople: d.overdue.count,
    silent: d.silent.count,
    youngWithoutSupport: d.youngWithoutSupport.count,
  };
  const seen = new Set<number>();
  const highlights: Digest["highlights"] = [];
  const add = (p: DigestPerson, reason: HighlightReason) => {
    if (highlights.length >= limit || seen.has(p.personId)) return;
    seen.add(p.personId);
    highlights.push({ personId: p.personId, name: p.name, reason });
  };
  d.overdue.top.forEach((p) => add(p, { kind: "overdue", count: p.count }));
  d.youngWithoutSupport.top.forEach((p) => add(p, { kind: "young" }));
  d.finished.top.filter((p) => p.deficits.length > 0).forEach((p) => add(p, { kind: "deficits", groups: p.deficits }));
  d.silent.top.forEach((p) => add(p, { kind: "silent" }));
  const empty = Object.values(counts).every((n) => n === 0);
  return { caseload: d.caseload, counts, highlights, empty };
}
