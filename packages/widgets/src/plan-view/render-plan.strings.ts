/** Words only the read-only plan (render-plan.ts) uses; with plan-strings.ts, everything it says. Days come in words (`day`). */
const enGB = {
  notes: 'Notes',
  due: (day: string) => `By ${day}`,
  stepDone: 'Done',
  stepToDo: 'To do',
  forGoal: (goal: string) => `For: ${goal}`,
  withAsset: (asset: string) => `With: ${asset}`,
  professional: 'Professional',
  reviewOn: (day: string) => `I will review this plan on ${day}.`,
  noReview: 'No review date set.',
  wellbeing: 'Wellbeing check-ins',
  noWellbeing: 'No questionnaires answered yet.',
  latest: (title: string, count: number, day: string) => `${title}: ${count === 1 ? 'answered once' : `answered ${count} times`}, most recently on ${day}.`,
  scoreWithBand: (label: string, score: string, band?: string) => `${label}: ${score}${band ? ` (${band})` : ''}`,
};

export type RenderPlanStrings = typeof enGB;
export const strings: { 'en-GB': RenderPlanStrings } & Record<string, RenderPlanStrings> = { 'en-GB': enGB };
