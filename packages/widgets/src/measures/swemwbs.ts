import type { Measure } from './types.js';

/**
 * SWEMWBS raw score (7–35) → metric score (Rasch transformation), index = raw − 7. Applied exactly; never
 * interpolated.
 */
export const SWEMWBS_METRIC = [
  7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02,
  27.03, 28.13, 29.31, 30.7, 32.55, 35.0,
] as const;

/** Converts a SWEMWBS raw score to its metric score; throws outside 7–35 or for a non-integer. */
export function swemwbsMetric(raw: number): number {
  const metric = Number.isInteger(raw) ? SWEMWBS_METRIC[raw - 7] : undefined;
  if (metric === undefined) throw new RangeError(`A SWEMWBS raw score is a whole number from 7 to 35, not ${raw}.`);
  return metric;
}

/**
 * Short Warwick–Edinburgh Mental Wellbeing Scale. Its licence needs registration with Warwick, so it is off until a
 * deployment enables it; the wording, order and labels must not change. Scores only when all seven items are
 * answered (no published rule for partly completed forms is recorded). No bands: the published cut-offs are not
 * recorded, so none are shown.
 */
export const SWEMWBS: Measure = {
  id: 'swemwbs',
  title: 'Short Warwick–Edinburgh Mental Wellbeing Scale (SWEMWBS)',
  instruction: 'Below are some statements about feelings and thoughts. Please tick the box that best describes your experience of each over the last 2 weeks.',
  items: [
    { id: 'optimistic', text: "I've been feeling optimistic about the future" },
    { id: 'useful', text: "I've been feeling useful" },
    { id: 'relaxed', text: "I've been feeling relaxed" },
    { id: 'problems', text: "I've been dealing with problems well" },
    { id: 'thinking', text: "I've been thinking clearly" },
    { id: 'close', text: "I've been feeling close to other people" },
    { id: 'own-mind', text: "I've been able to make up my own mind about things" },
  ],
  options: [
    { value: 1, label: 'None of the time' },
    { value: 2, label: 'Rarely' },
    { value: 3, label: 'Some of the time' },
    { value: 4, label: 'Often' },
    { value: 5, label: 'All of the time' },
  ],
  layout: 'list',
  scales: [
    {
      id: 'wellbeing',
      label: 'Mental wellbeing',
      min: 7,
      max: 35,
      decimals: 2,
      better: 'higher',
      meaningfulChange: {
        threshold: 2.87,
        source: 'Shah et al. 2018, Health and Quality of Life Outcomes 16:239 (2.77 × SEM of 1.03)',
        note: 'Whether this threshold is on the metric or the raw scale has not been checked against the paper.',
      },
    },
  ],
  score: (answers) => ({ wellbeing: swemwbsMetric(answers.reduce((sum, a) => sum + a, 0)) }),
  licence: {
    notice:
      'Short Warwick Edinburgh Mental Wellbeing Scale (SWEMWBS) © NHS Health Scotland, University of Warwick and University of Edinburgh, 2008, all rights reserved.',
    terms: 'Free to use after registering with the University of Warwick. The wording, order of items and response labels must not change.',
    registrationRequired: true,
  },
  source: 'Warwick Medical School, WEMWBS/SWEMWBS scoring guidance.',
};
