import type { Measure, ScoreBand } from './types.js';

/** ONS thresholds for life satisfaction, worthwhile and happiness (higher is better). */
const POSITIVE_BANDS: readonly ScoreBand[] = [
  { min: 0, max: 4, label: 'Low' },
  { min: 5, max: 6, label: 'Medium' },
  { min: 7, max: 8, label: 'High' },
  { min: 9, max: 10, label: 'Very high' },
];

/** ONS thresholds for anxiety (lower is better). */
const ANXIETY_BANDS: readonly ScoreBand[] = [
  { min: 0, max: 1, label: 'Very low' },
  { min: 2, max: 3, label: 'Low' },
  { min: 4, max: 5, label: 'Medium' },
  { min: 6, max: 10, label: 'High' },
];

const positive = (id: string, label: string) => ({ id, label, min: 0, max: 10, decimals: 0, better: 'higher' as const, bands: POSITIVE_BANDS });

/**
 * ONS4 personal wellbeing questions (GSS harmonised standard). Four separate scores: ONS publishes no composite,
 * so none is computed. No threshold for meaningful individual change is published with it, so none is set.
 */
export const ONS4: Measure = {
  id: 'ons4',
  title: 'Personal wellbeing (ONS4)',
  items: [
    { id: 'life-satisfaction', text: 'Overall, how satisfied are you with your life nowadays?', anchors: { low: 'not at all', high: 'completely' } },
    {
      id: 'worthwhile',
      text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      anchors: { low: 'not at all', high: 'completely' },
    },
    { id: 'happiness', text: 'Overall, how happy did you feel yesterday?', anchors: { low: 'not at all', high: 'completely' } },
    {
      id: 'anxiety',
      text: "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
      anchors: { low: 'not at all anxious', high: 'completely anxious' },
    },
  ],
  options: Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) })),
  layout: 'scale',
  scales: [
    positive('life-satisfaction', 'Life satisfaction'),
    positive('worthwhile', 'Worthwhile'),
    positive('happiness', 'Happiness'),
    { id: 'anxiety', label: 'Anxiety', min: 0, max: 10, decimals: 0, better: 'lower', bands: ANXIETY_BANDS },
  ],
  score: (answers) => ({
    'life-satisfaction': answers[0] as number,
    worthwhile: answers[1] as number,
    happiness: answers[2] as number,
    anxiety: answers[3] as number,
  }),
  licence: { terms: 'ONS harmonised standard (Crown copyright), free to use.', registrationRequired: false },
  source: 'Office for National Statistics, personal well-being harmonised standard.',
};
