// The efficiency indicators of the regional system (shared/notes/domain.md), for
// the region, each municipality and each organization. Pure arithmetic over facts
// gathered per person; each share is given against the staff numbers of the
// directory (the official denominator) and against the people registered in the bot.

export type IndicatorCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const INDICATORS: readonly IndicatorCode[] = [1, 2, 3, 4, 5, 6, 7];

/** Targets of the regulations: a share to reach, or (7) a number not to exceed. */
export const TARGETS: Partial<Record<IndicatorCode, { min?: number; max?: number }>> = {
  3: { min: 0.3 },
  4: { min: 0.4 },
  5: { min: 0.7 },
  7: { max: 250 },
};

/** What happened to one registered person in the period. */
export interface PersonFacts {
  personId: number;
  municipalityId: string | null;
  organizationId: string | null;
  manager: boolean;
  young: boolean;
  /** Finished a diagnostic in the period. */
  diagnosed: boolean;
  /** Has a confirmed route built on a diagnostic (confirmed in the period or active in it). */
  routed: boolean;
  /** Completed a Federal Register programme of their route in the period. */
  registerProgrammeDone: boolean;
  /** Completed a programme addressing education quality management in the period. */
  qualityProgrammeDone: boolean;
  /** In a mentoring pair during the period. */
  mentored: boolean;
}

export interface StaffUnit {
  organizationId: string;
  municipalityId: string;
  teachers: number | null;
  managers: number | null;
}

export interface MethodistLoad {
  methodistId: number;
  /** Null for a regional methodist. */
  municipalityId: string | null;
  caseload: number;
}

export interface ProviderCount {
  provider: string;
  /** Federal Register programmes in the catalogue. */
  register: number;
  /** Everything else the provider runs that the catalogue knows (activities). */
  other: number;
}

export interface Share {
  numerator: number;
  /** Null when unknown (no staff numbers), 0 when there is nobody: the share is then null. */
  denominator: number | null;
  share: number | null;
}

export interface IndicatorValue {
  /** Against the directory's staff numbers. */
  staff: Share;
  /** Against the people registered in the bot. */
  registered: Share;
  /** For 7: teachers per methodist. */
  value?: number | null;
  met: boolean | null;
}

export interface UnitIndicators {
  level: "region" | "municipality" | "organization";
  id: string;
  values: Record<IndicatorCode, IndicatorValue>;
}

const share = (numerator: number, denominator: number | null): Share => ({
  numerator,
  denominator,
  share: denominator ? numerator / denominator : null,
});

function judge(code: IndicatorCode, v: number | null | undefined): boolean | null {
  const t = TARGETS[code];
  if (!t || v == null) return null;
  if (t.min !== undefined) return v >= t.min;
  return v <= t.max!;
}

/** Staff numbers add up; one unknown makes the total unknown. */
const sum = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0));

/** Indicators of one unit from its people, its organizations' staff and its methodists. */
export function unitIndicators(
  level: UnitIndicators["level"],
  id: string,
  people: readonly PersonFacts[],
  staff: readonly StaffUnit[],
  methodists: readonly MethodistLoad[],
  providers: readonly ProviderCount[],
): UnitIndicators {
  const teachers = people.filter((p) => !p.manager);
  const managers = people.filter((p) => p.manager);
  const young = people.filter((p) => p.young);
  const staffTeachers = sum(staff.map((s) => s.teachers));
  const staffManagers = sum(staff.map((s) => s.managers));
  const staffAll = staffTeachers === null || staffManagers === null ? null : staffTeachers + staffManagers;
  const count = (xs: readonly PersonFacts[], f: (p: PersonFacts) => boolean) => xs.filter(f).length;

  const pair = (code: IndicatorCode, n: number, staffDen: number | null, registeredDen: number): IndicatorValue => {
    const s = share(n, staffDen);
    return { staff: s, registered: share(n, registeredDen), met: judge(code, s.share ?? share(n, registeredDen).share) };
  };

  // 6: share of register programmes among all a provider runs, over the region's providers.
  const register = providers.reduce((s, p) => s + p.register, 0);
  const all = providers.reduce((s, p) => s + p.register + p.other, 0);
  // 7: teachers per methodist: staff teachers of the unit over the methodists serving it.
  const serving = level === "region" ? methodists.filter((m) => m.municipalityId === null) : methodists;
  const perMethodist = serving.length && staffTeachers !== null ? staffTeachers / serving.length : null;
  const maxCaseload = methodists.length ? Math.max(...methodists.map((m) => m.caseload)) : null;
  // Judged on the worse of what is known: the largest caseload (empty caseloads say
  // nothing) and the staff teachers per methodist. No data is never "met".
  const loads = [maxCaseload || null, perMethodist].filter((x): x is number => x !== null);
  const worstLoad = loads.length > 0 ? Math.max(...loads) : null;

  return {
    level,
    id,
    values: {
      1: pair(1, count(people, (p) => p.diagnosed), staffAll, people.length),
      2: pair(2, count(people, (p) => p.routed), staffAll, people.length),
      3: pair(3, count(teachers, (p) => p.registerProgrammeDone), staffTeachers, teachers.length),
      4: pair(4, count(managers, (p) => p.qualityProgrammeDone), staffManagers, managers.length),
      // The directory has no count of young teachers: only the registered ones are known.
      5: (() => {
        const r = share(count(young, (p) => p.mentored), young.length);
        return { staff: share(r.numerator, null), registered: r, met: judge(5, r.share) };
      })(),
      6: { staff: share(register, level === "region" ? all : null), registered: share(register, level === "region" ? all : null), met: null },
      7: { staff: share(serving.length, null), registered: share(serving.length, null), value: perMethodist, met: judge(7, worstLoad) },
    },
  };
}

/** The region, every municipality and every organization of the directory. */
export function allIndicators(
  regionId: string,
  people: readonly PersonFacts[],
  staff: readonly StaffUnit[],
  methodists: readonly MethodistLoad[],
  providers: readonly ProviderCount[],
): UnitIndicators[] {
  const municipalities = [...new Set(staff.map((s) => s.municipalityId))];
  return [
    unitIndicators("region", regionId, people, staff, methodists, providers),
    ...municipalities.map((m) =>
      unitIndicators(
        "municipality",
        m,
        people.filter((p) => p.municipalityId === m),
        staff.filter((s) => s.municipalityId === m),
        methodists.filter((x) => x.municipalityId === m),
        [],
      ),
    ),
    ...staff.map((s) =>
      unitIndicators("organization", s.organizationId, people.filter((p) => p.organizationId === s.organizationId), [s], [], []),
    ),
  ];
}
