import { longDay } from '../plan/dates.js';

const enGB = {
  noResults: 'No results yet. Your results will show here after you answer the questions.',
  showTable: 'Show the results as a table',
  date: 'Date',
  score: 'Score',
  band: 'Band',
  /** Caption of a scale's chart and table. */
  caption: (scale: string) => `${scale} over time`,
  range: (min: string, max: string, better: 'higher' | 'lower') => `Scores run from ${min} to ${max}; ${better === 'higher' ? 'higher' : 'lower'} is better.`,
  /** The one-sentence summary of a scale's history. */
  summary: (p: {
    scale: string;
    count: number;
    first: string;
    firstDate: string;
    last: string;
    lastDate: string;
    direction: 'better' | 'worse' | 'same';
    meaningful: boolean | undefined;
    lang: string;
  }) => {
    const scale = p.scale.toLowerCase();
    if (p.count === 1) return `You have one result for ${scale} so far: ${p.first} on ${longDay(p.firstDate, p.lang)}.`;
    const how = p.direction === 'same' ? 'no change overall' : `${p.direction === 'better' ? 'better' : 'worse'} overall`;
    const meaning = p.meaningful === undefined ? '' : p.meaningful ? ', a meaningful change' : ', not a meaningful change';
    return `Across ${p.count} results, your ${scale} score went from ${p.first} on ${longDay(p.firstDate, p.lang)} to ${p.last} on ${longDay(p.lastDate, p.lang)}: ${how}${meaning}.`;
  },
  /** Label of the shaded band around the first result. */
  meaningfulBand: (threshold: string) => `Shaded: within ${threshold} points of your first result, a change too small to count as meaningful.`,
  bandNote: (note: string) => `Bands: ${note}.`,
  point: (date: string, score: string) => `${date}: ${score}`,
};

export type ProgressChartStrings = typeof enGB;
export const strings: { 'en-GB': ProgressChartStrings } & Record<string, ProgressChartStrings> = { 'en-GB': enGB };
