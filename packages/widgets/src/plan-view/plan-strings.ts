import { longDay } from '../plan/dates.js';
import type { GoalProgress } from '../plan/schema.js';

/** The words of the read-only plan (render-plan.ts), shared by <hub-plan-view> and the plan builder. */
const enGB = {
  title: 'My wellness plan',
  updated: (iso: string, lang: string) => `Last updated ${longDay(iso.slice(0, 10), lang)}.`,
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

export type PlanStrings = typeof enGB;
export const strings: { 'en-GB': PlanStrings } & Record<string, PlanStrings> = { 'en-GB': enGB };
