/**
 * Outcome measures as data, and the pure functions that score them. The questionnaire, the results text and the
 * chart all go through here so a score is computed in one place.
 */
import { ONS4 } from './ons4.js';
import type { Measure, MeasureId, MeasureScale, ScoreBand } from './types.js';
import { UCLA3 } from './ucla3.js';

export type { MeaningfulChange, Measure, MeasureId, MeasureItem, MeasureScale, ResponseOption, ScoreBand } from './types.js';
export { ONS4, UCLA3 };

/**
 * How to get each measure's definition, by id. SWEMWBS is off unless a deployment enables it, so its definition
 * (and conversion table) loads on first use instead of with every questionnaire.
 */
const loaders: Readonly<Record<MeasureId, () => Promise<Measure>>> = {
  ons4: async () => ONS4,
  ucla3: async () => UCLA3,
  swemwbs: async () => (await import('./swemwbs.js')).SWEMWBS,
};
const loaded: Partial<Record<MeasureId, Measure>> = { ons4: ONS4, ucla3: UCLA3 };

/** Every measure id this package knows. */
export const MEASURE_IDS = Object.keys(loaders) as MeasureId[];

export const isMeasureId = (id: unknown): id is MeasureId => typeof id === 'string' && Object.hasOwn(loaders, id);

/** A measure's definition if it has loaded (ONS4 and UCLA-3 always have); see `loadMeasure`. */
export const loadedMeasure = (id: MeasureId): Measure | undefined => loaded[id];

/** Loads a measure's definition (at once for those already loaded). */
export async function loadMeasure(id: MeasureId): Promise<Measure> {
  loaded[id] ??= await loaders[id]();
  return loaded[id];
}

/** Every measure's definition, in `MEASURE_IDS` order. */
export const loadAllMeasures = (): Promise<Measure[]> => Promise.all(MEASURE_IDS.map(loadMeasure));

/**
 * The measure with this id if a deployment may use it and its definition has loaded: measures whose licence needs
 * registration are available only when the deployment lists them in `enabled` (its config says it has registered).
 */
export function availableMeasure(id: string, enabled: readonly string[] = []): Measure | undefined {
  const measure = isMeasureId(id) ? loaded[id] : undefined;
  return measure && (!measure.licence.registrationRequired || enabled.includes(id)) ? measure : undefined;
}

/** True when every item has one of the measure's response values. */
export function isComplete(measure: Measure, answers: readonly (number | undefined)[]): answers is number[] {
  return measure.items.length === answers.length && answers.every((a) => measure.options.some((o) => o.value === a));
}

/** Scores a complete set of answers; returns undefined when any item is unanswered or out of range. */
export function scoreAnswers(measure: Measure, answers: readonly (number | undefined)[]): Record<string, number> | undefined {
  return isComplete(measure, answers) ? measure.score(answers) : undefined;
}

/** The band a score falls in, if the scale has bands. */
export function bandFor(scale: MeasureScale, score: number): ScoreBand | undefined {
  return scale.bands?.find((b) => score >= b.min && score <= b.max);
}

/** A change in one score between two dates, described in the person's direction (better or worse). */
export interface ScoreChange {
  /** current − previous, rounded to the scale's decimals. */
  change: number;
  direction: 'better' | 'worse' | 'same';
  /** True or false against the scale's threshold; undefined when the measure publishes none. */
  meaningful: boolean | undefined;
}

/** Compares two scores on one scale. */
export function compareScores(scale: MeasureScale, previous: number, current: number): ScoreChange {
  const factor = 10 ** scale.decimals;
  const change = Math.round((current - previous) * factor) / factor;
  const direction = change === 0 ? 'same' : change > 0 === (scale.better === 'higher') ? 'better' : 'worse';
  const threshold = scale.meaningfulChange?.threshold;
  return { change, direction, meaningful: threshold === undefined ? undefined : Math.abs(change) >= threshold };
}

/** Formats a score with its scale's decimals ("7", "20.73"). */
export function formatScore(scale: MeasureScale, score: number): string {
  return score.toFixed(scale.decimals);
}
