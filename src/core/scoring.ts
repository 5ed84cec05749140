import type { Instrument, ItemPoints } from "./instrument.ts";

export type Level = "DEFICIT" | "DEVELOP" | "CONFIDENT";

export interface Thresholds {
  /** A score below this is a deficit. */
  deficitBelow: number;
  /** A score from this on is confident; between the two: to develop. */
  confidentFrom: number;
}

export function levelFor(score: number, t: Thresholds): Level {
  if (score < t.deficitBelow) return "DEFICIT";
  if (score < t.confidentFrom) return "DEVELOP";
  return "CONFIDENT";
}

export interface AnswerPoints extends ItemPoints {
  itemId: string;
}

export interface GroupScore {
  group: string;
  /** 0–100: the mean of the group's item scores, each item counted equally. */
  score: number;
  level: Level;
}

/**
 * Scores every group of the instrument. A group without answers is left out:
 * a finished attempt has an answer for every item.
 */
export function scoreGroups(instrument: Instrument, answers: readonly AnswerPoints[], t: Thresholds): GroupScore[] {
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  const result: GroupScore[] = [];
  for (const group of instrument.groups) {
    const ratios = instrument.items
      .filter((item) => item.group === group.code)
      .map((item) => byItem.get(item.id))
      .filter((a): a is AnswerPoints => a !== undefined && a.maxPoints > 0)
      .map((a) => a.points / a.maxPoints);
    if (ratios.length === 0) continue;
    const score = Math.round((100 * ratios.reduce((s, r) => s + r, 0)) / ratios.length);
    result.push({ group: group.code, score, level: levelFor(score, t) });
  }
  return result;
}

export interface Deficit {
  group: string;
  itemId: string;
  /** The item's share of its maximum, 0–1. */
  ratio: number;
}

/**
 * The skills to work on first: the weakest items of the groups at the deficit
 * level, or of the groups to develop when there is no deficit; weakest first,
 * at most `limit`. Items answered at half their maximum or better are not deficits.
 */
export function mainDeficits(
  instrument: Instrument,
  answers: readonly AnswerPoints[],
  scores: readonly GroupScore[],
  limit = 3,
): Deficit[] {
  const pick = (level: Level) => new Set(scores.filter((s) => s.level === level).map((s) => s.group));
  let groups = pick("DEFICIT");
  if (groups.size === 0) groups = pick("DEVELOP");
  const order = new Map(instrument.items.map((item, i) => [item.id, i]));
  const groupOf = new Map(instrument.items.map((item) => [item.id, item.group]));
  return answers
    .filter((a) => a.maxPoints > 0 && groups.has(groupOf.get(a.itemId) ?? ""))
    .map((a) => ({ group: groupOf.get(a.itemId)!, itemId: a.itemId, ratio: a.points / a.maxPoints }))
    .filter((d) => d.ratio < 0.5)
    .sort((a, b) => a.ratio - b.ratio || order.get(a.itemId)! - order.get(b.itemId)!)
    .slice(0, limit);
}

export interface GroupChange extends GroupScore {
  /** Score change against the previous attempt; undefined when there is none. */
  delta?: number;
  previous?: number;
}

export function compareWithPrevious(current: readonly GroupScore[], previous?: readonly GroupScore[]): GroupChange[] {
  const before = new Map((previous ?? []).map((s) => [s.group, s.score]));
  return current.map((s) => {
    const p = before.get(s.group);
    return p === undefined ? { ...s } : { ...s, previous: p, delta: s.score - p };
  });
}
