// The coordinator's reports over a period: indicators, the deficit map against the
// previous period of the same length, the programme gap, address recommendations.
import { deficitMap, programmeGap, recommendations } from "../core/analysis.ts";
import { allIndicators } from "../core/indicators.ts";
import type { Content } from "../content/load.ts";
import type { IndicatorsRepository } from "../repositories/indicators.ts";

export interface Period {
  from: Date;
  to: Date;
}

/** "YYYY-MM-DD" bounds; by default from the 1st of January of `now`'s year to the end of today. */
export function periodOf(now: Date, from?: string, to?: string): Period {
  const day = (s: string, name: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) throw new RangeError(`${name} must be a date YYYY-MM-DD`);
    return new Date(`${s}T00:00:00Z`);
  };
  const start = from ? day(from, "--from") : new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  // `to` is inclusive for people: the period ends at the start of the next day.
  const end = to ? new Date(day(to, "--to").getTime() + 86_400_000) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  if (end <= start) throw new RangeError("--to must not be before --from");
  return { from: start, to: end };
}

export type PeriodChoice = "year" | "last12" | "prev";

/** The periods a coordinator picks from in the chat: this year so far, the last 12 months, last year. */
export function choosePeriod(now: Date, choice: PeriodChoice): Period {
  const y = now.getUTCFullYear();
  const tomorrow = new Date(Date.UTC(y, now.getUTCMonth(), now.getUTCDate() + 1));
  if (choice === "prev") return { from: new Date(Date.UTC(y - 1, 0, 1)), to: new Date(Date.UTC(y, 0, 1)) };
  if (choice === "last12") return { from: new Date(Date.UTC(y - 1, now.getUTCMonth(), now.getUTCDate() + 1)), to: tomorrow };
  return { from: new Date(Date.UTC(y, 0, 1)), to: tomorrow };
}

export function reportsService(deps: { indicators: IndicatorsRepository; content: Content }) {
  const groups = [...new Set(deps.content.instruments.flatMap((i) => i.groups.map((g) => g.code)))];
  const region = deps.content.directory.region;

  return {
    groups,

    async indicators(p: Period) {
      const facts = await deps.indicators.facts(p.from, p.to);
      const { names, municipalityOf } = await deps.indicators.names();
      return {
        units: allIndicators(region.code, facts.people, facts.staff, facts.methodists, facts.providers),
        names: { ...names, [region.code]: region.name.ru },
        municipalityOf,
      };
    },

    async deficitMap(p: Period) {
      const length = p.to.getTime() - p.from.getTime();
      const [current, previous, { names, municipalityIds }] = await Promise.all([
        deps.indicators.diagnosedPeople(p.from, p.to),
        deps.indicators.diagnosedPeople(new Date(p.from.getTime() - length), p.from),
        deps.indicators.names(),
      ]);
      return { map: deficitMap(current, previous, municipalityIds, groups), names };
    },

    async gap(p: Period) {
      const [people, catalogue, unserved] = await Promise.all([deps.indicators.diagnosedPeople(p.from, p.to), deps.indicators.catalogue(), deps.indicators.unservedCounts(p.from, p.to)]);
      return programmeGap(people, catalogue, unserved, groups);
    },

    async recommendations(p: Period) {
      const [people, catalogue, { names, municipalityIds, organizationIds }] = await Promise.all([
        deps.indicators.diagnosedPeople(p.from, p.to),
        deps.indicators.catalogue(),
        deps.indicators.names(),
      ]);
      const units = [...municipalityIds.map((id) => ({ id, level: "municipality" as const })), ...organizationIds.map((id) => ({ id, level: "organization" as const }))];
      const titles = (c: string) => catalogue.filter((e) => e.competencies.includes(c)).map((e) => `${e.title} (${e.kind === "programme" ? `№ ${e.id}` : e.id})`);
      return { recommendations: recommendations(people, units, titles), names };
    },
  };
}

export type ReportsService = ReturnType<typeof reportsService>;
