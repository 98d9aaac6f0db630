import { longDay } from '../plan/dates.js';

const enGB = {
  resultsHeading: 'Your results',
  savedOn: (day: string, lang: string) => `Saved with your plan on ${longDay(day, lang)}.`,
  replaced: 'These answers replace the ones you gave earlier the same day.',
  notSaved: 'Your answers could not be saved on this device, so they will be lost when you leave this page.',
  score: (score: string, min: string, max: string, better: 'higher' | 'lower') =>
    `Your score is ${score}, on a scale from ${min} to ${max} where ${better} is better.`,
  band: (label: string, note?: string) => `That is in the “${label}” band${note ? ` (${note})` : ''}.`,
  firstResult: 'This is your first result, so there is nothing to compare it with yet.',
  change: (change: string, direction: 'better' | 'worse' | 'same', day: string, lang: string) =>
    direction === 'same'
      ? `It is the same as last time (${longDay(day, lang)}).`
      : `Since last time (${longDay(day, lang)}) it has gone ${change.startsWith('-') ? 'down' : 'up'} by ${change.replace('-', '')}, which is ${direction}.`,
  meaningful: (threshold: string) => `That is a meaningful change: it is at least ${threshold} points.`,
  notMeaningful: (threshold: string) => `That is less than ${threshold} points, so it may not be a meaningful change.`,
  noThreshold: 'There is no published threshold for a meaningful change in this score, so we cannot say whether the change is meaningful.',
  chartHeading: 'Your results over time',
  again: 'Answer the questions again',
};

export type ResultsStrings = typeof enGB;
export const strings: { 'en-GB': ResultsStrings } & Record<string, ResultsStrings> = { 'en-GB': enGB };
