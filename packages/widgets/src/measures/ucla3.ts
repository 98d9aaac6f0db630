import type { Measure } from './types.js';

/**
 * UCLA 3-item loneliness scale (Hughes et al. 2004), as recommended by ONS. Total 3–9; higher means lonelier.
 * The 3–5 / 6–9 grouping is not an ONS threshold, so it is always labelled as indicative.
 * No threshold for meaningful individual change is published with it, so none is set.
 */
export const UCLA3: Measure = {
  id: 'ucla3',
  title: 'Loneliness (UCLA 3-item scale)',
  items: [
    { id: 'companionship', text: 'How often do you feel that you lack companionship?' },
    { id: 'left-out', text: 'How often do you feel left out?' },
    { id: 'isolated', text: 'How often do you feel isolated from others?' },
  ],
  options: [
    { value: 1, label: 'Hardly ever' },
    { value: 2, label: 'Some of the time' },
    { value: 3, label: 'Often' },
  ],
  layout: 'list',
  scales: [
    {
      id: 'loneliness',
      label: 'Loneliness',
      min: 3,
      max: 9,
      decimals: 0,
      better: 'lower',
      bands: [
        { min: 3, max: 5, label: 'Not lonely' },
        { min: 6, max: 9, label: 'Lonely' },
      ],
      bandNote: 'an indicative grouping, not an official threshold',
    },
  ],
  score: (answers) => ({ loneliness: answers.reduce((sum, a) => sum + a, 0) }),
  licence: { terms: 'Free to use.', registrationRequired: false },
  source: 'Hughes et al. 2004, three-item loneliness scale; ONS guidance on measuring loneliness.',
};
