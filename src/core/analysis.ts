// What the regional centre does with the diagnostics: where deficits are (the
// deficit map, and how it changed), what the catalogue lacks (the programme gap),
// and what each municipality and organization should work on (address
// recommendations). Pure functions over per-person results.

/** A person's latest diagnostic in a period: the groups at the deficit level. */
export interface DiagnosedPerson {
  personId: number;
  municipalityId: string | null;
  organizationId: string | null;
  deficits: readonly string[];
}

export interface MapCell {
  diagnosed: number;
  withDeficit: number;
  share: number | null;
  /** Change of the share against the previous period; null when either is unknown. */
  change: number | null;
}

/** Municipality → competency group → how often it is a deficit. */
export type DeficitMap = Record<string, Record<string, MapCell>>;

function cells(people: readonly DiagnosedPerson[], groups: readonly string[]): Record<string, { diagnosed: number; withDeficit: number }> {
  return Object.fromEntries(groups.map((g) => [g, { diagnosed: people.length, withDeficit: people.filter((p) => p.deficits.includes(g)).length }]));
}

export function deficitMap(current: readonly DiagnosedPerson[], previous: readonly DiagnosedPerson[], municipalities: readonly string[], groups: readonly string[]): DeficitMap {
  const map: DeficitMap = {};
  for (const m of municipalities) {
    const now = cells(current.filter((p) => p.municipalityId === m), groups);
    const before = cells(previous.filter((p) => p.municipalityId === m), groups);
    map[m] = Object.fromEntries(
      groups.map((g) => {
        const c = now[g]!;
        const b = before[g]!;
        const share = c.diagnosed ? c.withDeficit / c.diagnosed : null;
        const was = b.diagnosed ? b.withDeficit / b.diagnosed : null;
        return [g, { ...c, share, change: share !== null && was !== null ? share - was : null }];
      }),
    );
  }
  return map;
}

/**
 * A municipality's groups that are a deficit for at least one person, most frequent
 * first; equal shares keep the order of `groups` (the instruments' order), so the
 * same data always reads the same.
 */
export function rankedDeficits(cells: Readonly<Record<string, MapCell>>, groups: readonly string[]): [string, MapCell][] {
  const order = (g: string) => {
    const i = groups.indexOf(g);
    return i < 0 ? groups.length : i;
  };
  return Object.entries(cells)
    .filter(([, c]) => c.share !== null && c.withDeficit > 0)
    .sort((a, b) => b[1].share! - a[1].share! || order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]));
}

export interface GapRow {
  competency: string;
  /** People whose latest diagnostic shows this deficit. */
  deficits: number;
  /** Active catalogue items addressing it. */
  programmes: number;
  activities: number;
  /** Routes that could not serve it. */
  unserved: number;
  /** Deficits per catalogue item (Infinity when there is none): the higher, the more the region needs new programmes. */
  pressure: number;
}

/** Competencies with many deficits and few matching catalogue items, most pressing first. */
export function programmeGap(
  people: readonly DiagnosedPerson[],
  catalogue: readonly { competencies: readonly string[]; kind: "programme" | "activity" }[],
  unservedCounts: Readonly<Record<string, number>>,
  groups: readonly string[],
): GapRow[] {
  return groups
    .map((competency) => {
      const deficits = people.filter((p) => p.deficits.includes(competency)).length;
      const serving = catalogue.filter((e) => e.competencies.includes(competency));
      const programmes = serving.filter((e) => e.kind === "programme").length;
      const activities = serving.length - programmes;
      return { competency, deficits, programmes, activities, unserved: unservedCounts[competency] ?? 0, pressure: serving.length ? deficits / serving.length : deficits ? Infinity : 0 };
    })
    .filter((r) => r.deficits > 0 || r.unserved > 0)
    .sort((a, b) => b.pressure - a.pressure || b.deficits - a.deficits || a.competency.localeCompare(b.competency));
}

export interface Recommendation {
  unit: string;
  level: "municipality" | "organization";
  diagnosed: number;
  /** Up to three competencies with the highest share of deficits, with the catalogue items that serve them. */
  focus: { competency: string; share: number; items: string[] }[];
}

/**
 * Address recommendations: for each unit with diagnosed people, the three
 * competencies most often at the deficit level (at least one person), and up to
 * `perCompetency` catalogue items for each, in the order given (best first).
 */
export function recommendations(
  people: readonly DiagnosedPerson[],
  units: readonly { id: string; level: "municipality" | "organization" }[],
  itemsFor: (competency: string) => readonly string[],
  perCompetency = 2,
): Recommendation[] {
  return units.flatMap((u) => {
    const members = people.filter((p) => (u.level === "municipality" ? p.municipalityId : p.organizationId) === u.id);
    if (members.length === 0) return [];
    const counts = new Map<string, number>();
    for (const p of members) for (const d of p.deficits) counts.set(d, (counts.get(d) ?? 0) + 1);
    const focus = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([competency, n]) => ({ competency, share: n / members.length, items: itemsFor(competency).slice(0, perCompetency) }));
    return [{ unit: u.id, level: u.level, diagnosed: members.length, focus }];
  });
}
