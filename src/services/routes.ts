// Route use cases over the core builder and the repositories; messenger-free, so
// every front end (Telegram now, VK and MAX later) calls the same operations.
import { alternativeFor, buildRoute, levelsOf, type Format, type RoutePlan, type RouteRequest } from "../core/route.ts";
import type { Clock } from "../core/clock.ts";
import type { Position } from "../core/instrument.ts";
import type { AttemptsRepository } from "../repositories/attempts.ts";
import type { PersonView } from "../repositories/people.ts";
import { parseChosen, type DraftEdits, type RoutesRepository, type RouteView } from "../repositories/routes.ts";

export const FORMAT_CHOICES: readonly (Format | null)[] = [null, "IN_PERSON", "DISTANCE", "BLENDED"];
export const BUDGET_CHOICES: readonly number[] = [36, 72, 120, 250];

export interface RouteSettings {
  format: Format | null;
  hoursBudget: number;
}

export type DraftOutcome = { routeId: number } | { error: "no-attempt" | "no-targets" };

export function routeService(deps: { routes: RoutesRepository; attempts: AttemptsRepository; clock: Clock; months: number; defaultBudget: number }) {
  const { routes, attempts, clock } = deps;

  async function request(person: PersonView, attemptId: number, settings: RouteSettings, start: Date, edits?: DraftEdits): Promise<RouteRequest | undefined> {
    const results = await attempts.resultsOf(attemptId, person.id);
    if (results.length === 0 || !person.position) return undefined;
    return {
      targets: results.flatMap((r) => (r.level === "CONFIDENT" ? [] : [{ competency: r.groupCode, level: r.level, score: r.score }])),
      person: {
        position: person.position as Position,
        subjects: person.subjects,
        levels: levelsOf(person.organization?.type, person.subjects),
        municipality: person.municipality?.id ?? null,
      },
      ...(edits ? { exclude: new Set(edits.excluded), keep: parseChosen(edits.chosen) } : {}),
      preferredFormat: settings.format,
      hoursBudget: settings.hoursBudget,
      start,
      months: deps.months,
    };
  }

  async function plan(req: RouteRequest): Promise<RoutePlan> {
    return buildRoute(req, await routes.catalogue(req.targets.map((t) => t.competency)));
  }

  return {
    defaultSettings: (): RouteSettings => ({ format: null, hoursBudget: deps.defaultBudget }),

    /** A new draft from the person's latest finished diagnostic. */
    async buildDraft(person: PersonView, settings: RouteSettings): Promise<DraftOutcome> {
      const [latest] = await attempts.completed(person.id, 1);
      if (!latest) return { error: "no-attempt" };
      const now = clock.now();
      // The edits of a draft from the same diagnostic are kept.
      const previous = await routes.draftOf(person.id);
      const edits = previous?.attemptId === latest.id ? previous : undefined;
      const req = await request(person, latest.id, settings, now, edits);
      if (!req) return { error: "no-attempt" };
      if (req.targets.length === 0) return { error: "no-targets" };
      return { routeId: await routes.saveDraft(person.id, latest.id, await plan(req), settings, now, edits) };
    },

    /** Rebuilds the draft with other settings (format, hours), keeping what the teacher dropped and chose unless told to forget it. */
    async rebuild(person: PersonView, draft: RouteView, settings: RouteSettings, forgetEdits = false): Promise<number | undefined> {
      const edits = forgetEdits ? { excluded: [], chosen: [] } : draft;
      const req = await request(person, draft.attemptId, settings, draft.startsOn, edits);
      if (!req) return undefined;
      return routes.saveDraft(person.id, draft.attemptId, await plan(req), settings, clock.now(), edits);
    },

    /** Replaces a draft item with the next-best one for the same competency; false when none is left. */
    async alternative(person: PersonView, draft: RouteView, itemId: number): Promise<boolean> {
      const index = draft.items.findIndex((i) => i.id === itemId);
      if (index < 0) return false;
      const req = await request(person, draft.attemptId, { format: draft.preferredFormat, hoursBudget: draft.hoursBudget }, draft.startsOn, draft);
      if (!req) return false;
      const catalogue = await routes.catalogue(req.targets.map((t) => t.competency));
      const byKey = new Map(catalogue.map((e) => [`${e.kind}:${e.id}`, e]));
      const items = draft.items.flatMap((i) => {
        const entry = byKey.get(i.programme ? `programme:${i.programme.registryNumber}` : `activity:${i.activity?.id}`);
        return entry ? [{ entry, competency: i.competency, reasons: [], due: i.dueOn }] : [];
      });
      const current: RoutePlan = {
        items,
        unserved: [],
        offFormat: [],
        totalHours: draft.items.reduce((s, i) => s + i.hours, 0),
        start: draft.startsOn,
        end: draft.endsOn,
      };
      const position = items.findIndex((i) => (i.entry.kind === "programme" ? draft.items[index]!.programme?.registryNumber : draft.items[index]!.activity?.id) === i.entry.id);
      const next = position < 0 ? undefined : alternativeFor(current, position, req, catalogue);
      return next ? routes.replaceItem(draft.id, itemId, next) : false;
    },
  };
}

export type RouteService = ReturnType<typeof routeService>;
