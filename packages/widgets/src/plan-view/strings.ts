import { longDay } from '../plan/dates.js';
import type { GoalProgress } from '../plan/schema.js';

const enGB = {
  title: 'My wellness plan',
  sharedTitle: 'A wellness plan shared with you',
  readOnly: 'This is a read-only copy. Changes made to the plan after it was shared do not show here.',
  updated: (iso: string, lang: string) => `Last updated ${longDay(iso.slice(0, 10), lang)}.`,
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
