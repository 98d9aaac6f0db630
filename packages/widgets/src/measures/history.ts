import { compareScores, type ScoreChange, scoreAnswers } from './index.js';
import type { Measure } from './types.js';

/** The stored shape of one completed questionnaire (see the plan format). */
export interface AssessmentRecord {
  measure: string;
  /** YYYY-MM-DD */
  date: string;
  answers: readonly number[];
}

/** One dated result: a score per scale. */
export interface ScoredResult {
  date: string;
  scores: Record<string, number>;
}

/**
 * A measure's results in date order, one per date (the latest answers of a day win). Records that do not score —
 * another measure, or incomplete answers — are left out.
 */
export function scoreHistory(measure: Measure, assessments: readonly AssessmentRecord[]): ScoredResult[] {
  const byDate = new Map<string, Record<string, number>>();
  for (const a of assessments) {
    if (a.measure !== measure.id) continue;
    const scores = scoreAnswers(measure, a.answers);
    if (scores) byDate.set(a.date, scores);
  }
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, scores]) => ({ date, scores }));
}

/** The change on each scale between the result before `date` and the result on `date`, if both exist. */
export function changeSincePrevious(
  measure: Measure,
  history: readonly ScoredResult[],
  date: string,
): { previous: ScoredResult; changes: Record<string, ScoreChange> } | undefined {
  const index = history.findIndex((r) => r.date === date);
  const current = history[index];
  const previous = history[index - 1];
  if (!current || !previous) return undefined;
  const changes: Record<string, ScoreChange> = {};
  for (const scale of measure.scales) changes[scale.id] = compareScores(scale, previous.scores[scale.id] as number, current.scores[scale.id] as number);
  return { previous, changes };
}
