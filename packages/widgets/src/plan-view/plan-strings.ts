import { longDay } from '../plan/dates.js';
import type { GoalProgress } from '../plan/schema.js';

/** Words the plan builder and the read-only plan (render-plan.ts) share: section names and labels. */
const enGB = {
  /** A calendar day (YYYY-MM-DD) in words: "1 October 2026". */
  day: longDay,
  title: 'My wellness plan',
  updated: (iso: string, lang: string) => `Last updated ${longDay(iso.slice(0, 10), lang)}.`,
  goals: 'What matters to me',
  noGoals: 'No goals yet.',
  lifeArea: 'Life area',
  progressLabel: 'Progress',
  progress: { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' } satisfies Record<GoalProgress, string>,
  steps: 'Steps',
  noSteps: 'No steps yet.',
  people: 'My support network',
  noPeople: 'No one added yet.',
  contact: 'How to reach them',
  helpsWith: 'Helps with',
  assets: 'Community support I have chosen',
  noAssets: 'None chosen yet.',
  added: (day: string, lang: string) => `Added ${longDay(day, lang)}`,
  review: 'Review date',
};

export type PlanStrings = typeof enGB;
export const strings: { 'en-GB': PlanStrings } & Record<string, PlanStrings> = { 'en-GB': enGB };
