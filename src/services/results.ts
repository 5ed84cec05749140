// A person's latest finished diagnostic with the change since the previous attempt
// of the same instrument: what the result screen, the teacher's card and the
// chart show. Messenger-free.
import type { Content } from "../content/load.ts";
import type { Instrument } from "../core/instrument.ts";
import { compareWithPrevious, type GroupChange, type GroupScore } from "../core/scoring.ts";
import type { AttemptsRepository } from "../repositories/attempts.ts";

export interface LatestResult {
  instrument: Instrument;
  attempt: { id: number; instrumentVersion: string; completedAt: Date };
  current: GroupScore[];
  changes: GroupChange[];
  previousAttemptId?: number;
}

export async function latestResult(attempts: AttemptsRepository, content: Content, personId: number): Promise<LatestResult | undefined> {
  const finished = await attempts.completed(personId, 20);
  const latest = finished[0];
  const instrument = latest && content.instruments.find((i) => i.id === latest.instrumentId);
  if (!latest || !instrument || !latest.completedAt) return undefined;
  // Groups in the instrument's order.
  const scores = (a: (typeof finished)[number]): GroupScore[] =>
    instrument.groups.flatMap((g) => a.results.filter((r) => r.groupCode === g.code).map((r) => ({ group: r.groupCode, score: r.score, level: r.level })));
  const previous = finished.slice(1).find((a) => a.instrumentId === latest.instrumentId);
  const current = scores(latest);
  return {
    instrument,
    attempt: { id: latest.id, instrumentVersion: latest.instrumentVersion, completedAt: latest.completedAt },
    current,
    changes: compareWithPrevious(current, previous && scores(previous)),
    ...(previous ? { previousAttemptId: previous.id } : {}),
  };
}
