import { dateTime, longDay, timeAgo } from '../plan/dates.js';
import type { GoalProgress } from '../plan/schema.js';

const enGB = {
  title: 'My wellness plan',
  sharedTitle: 'A wellness plan shared with you',
  readOnly: 'This is a read-only copy. Changes made to the plan after it was shared do not show here.',
  updated: (iso: string, lang: string) => `Last updated ${longDay(iso.slice(0, 10), lang)}.`,
  liveUpdated: (iso: string, lang: string) => {
    const ago = timeAgo(iso, lang);
    return ago ? `Updated ${ago}.` : `Updated on ${dateTime(iso, lang)}.`;
  },
  liveNotice: 'This is a read-only view. It shows the latest version the person has shared with you.',
  withdrawn: 'The person who shared this plan has withdrawn access to it. Ask them if you need to see it again.',
  notFound: 'This link was not found. It may have expired or been copied wrongly: ask for the link again.',
  offline: 'The shared plan could not be fetched. Check your connection and try again.',
  serviceProblem: 'The shared plan could not be fetched just now. Try again later.',
  loading: 'Opening the shared plan…',
  noLink: 'There is no shared plan in this link. Ask the person who shared it to send the whole link again.',
  cannotOpen: 'The shared plan could not be opened',
  goals: 'What matters to me',
  noGoals: 'No goals yet.',
  lifeArea: 'Life area',
  progressLabel: 'Progress',
  progress: { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' } satisfies Record<GoalProgress, string>,
  notes: 'Notes',
  steps: 'Steps',
  noSteps: 'No steps yet.',
  due: (day: string, lang: string) => `By ${longDay(day, lang)}`,
  stepDone: 'Done',
  stepToDo: 'To do',
  forGoal: (goal: string) => `For: ${goal}`,
  withAsset: (asset: string) => `With: ${asset}`,
  people: 'My support network',
  noPeople: 'No one added yet.',
  professional: 'Professional',
  contact: 'How to reach them',
  helpsWith: 'Helps with',
  assets: 'Community support I have chosen',
  noAssets: 'None chosen yet.',
  added: (day: string, lang: string) => `Added ${longDay(day, lang)}`,
  review: 'Review date',
  reviewOn: (day: string, lang: string) => `I will review this plan on ${longDay(day, lang)}.`,
  noReview: 'No review date set.',
  wellbeing: 'Wellbeing check-ins',
  noWellbeing: 'No questionnaires answered yet.',
  latest: (title: string, count: number, day: string, lang: string) =>
    `${title}: ${count === 1 ? 'answered once' : `answered ${count} times`}, most recently on ${longDay(day, lang)}.`,
  scoreWithBand: (label: string, score: string, band?: string) => `${label}: ${score}${band ? ` (${band})` : ''}`,
};

export type PlanViewStrings = typeof enGB;
export const strings: { 'en-GB': PlanViewStrings } & Record<string, PlanViewStrings> = { 'en-GB': enGB };
