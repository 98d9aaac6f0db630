/**
 * The shape of an outcome measure, kept as data so the questionnaire, the scoring, the results text and the chart
 * all read the same definition.
 */

/** One answer a person can choose. */
export interface ResponseOption {
  value: number;
  label: string;
}

/** One question (item) of a measure. */
export interface MeasureItem {
  id: string;
  /** Question or statement, verbatim from the source. */
  text: string;
  /** Words for the lowest and highest value of a numeric scale (ONS4's 0 and 10). */
  anchors?: { low: string; high: string };
}

/** A band of scores with a name (for example ONS "Low" 0–4). Both ends are inclusive. */
export interface ScoreBand {
  min: number;
  max: number;
  label: string;
}

/** A threshold for a change in one person's score that counts as meaningful, with where it comes from. */
export interface MeaningfulChange {
  threshold: number;
  source: string;
  /** Caveats that travel with the number, shown with the results. */
  note?: string;
}

/**
 * One score a measure produces. ONS4 produces four (it has no composite); UCLA-3 and SWEMWBS produce one.
 */
export interface MeasureScale {
  id: string;
  label: string;
  /** Lowest and highest possible score, for the chart's axis. */
  min: number;
  max: number;
  /** Decimal places the score is reported with. */
  decimals: number;
  /** Which way is better for the person. ONS anxiety and UCLA loneliness are lower-is-better. */
  better: 'higher' | 'lower';
  bands?: readonly ScoreBand[];
  /** Shown beside the band when the grouping is not an official threshold. */
  bandNote?: string;
  meaningfulChange?: MeaningfulChange;
}

/** Licence terms that decide whether and how a measure may be shown. */
export interface MeasureLicence {
  /** Copyright notice shown with the questionnaire, verbatim. */
  notice?: string;
  /** Plain summary of the terms. */
  terms: string;
  /** True when a deployment must register before using it; such measures are off until a deployment enables them. */
  registrationRequired: boolean;
}

/** The known measure ids. */
export type MeasureId = 'ons4' | 'ucla3' | 'swemwbs';

/** A whole outcome measure. */
export interface Measure {
  id: MeasureId;
  title: string;
  /** Shown before the questions, verbatim. */
  instruction?: string;
  items: readonly MeasureItem[];
  /** The answers offered for every item, in display order. */
  options: readonly ResponseOption[];
  /** Show the options in a single row (a 0–10 scale) rather than a list. */
  layout: 'scale' | 'list';
  scales: readonly MeasureScale[];
  /**
   * Turns one complete set of answers (one value per item, in item order) into a score per scale.
   * Callers check completeness first with `isComplete`.
   */
  score(answers: readonly number[]): Record<string, number>;
  licence: MeasureLicence;
  /** Source of the wording and scoring, for the licence line. */
  source: string;
}
