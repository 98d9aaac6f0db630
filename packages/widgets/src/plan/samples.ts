/**
 * Example plans for stories, tests and benchmarks. Not imported by any widget, so never part of a widget bundle.
 */
import { PLAN_FORMAT, PLAN_VERSION, type Plan, type PlanV1 } from './schema.js';

/** A typical plan: a few goals, steps, people, assets and two rounds of ONS4 and UCLA-3. */
export function samplePlan(hub = 'example-town'): Plan {
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    hub,
    revision: 7,
    updated: '2026-11-02T10:15:00.000Z',
    goals: [
      {
        id: 'g1',
        text: 'Get out of the house more and meet people',
        lifeArea: 'loneliness-and-befriending',
        progress: 'in-progress',
        notes: 'Went to the café once.',
      },
      { id: 'g2', text: 'Sort out my gas bill arrears', lifeArea: 'money-and-debt', progress: 'not-started', notes: '' },
      { id: 'g3', text: 'Walk to the park and back without stopping', lifeArea: 'physical-activity', progress: 'done', notes: 'Did it in October!' },
    ],
    steps: [
      { id: 's1', text: 'Go to the Tuesday memory café', due: '2026-11-10', goalId: 'g1', assetId: 'memory-cafe', done: false },
      { id: 's2', text: 'Ring the advice line about the bill', due: '2026-11-05', goalId: 'g2', assetId: 'citizens-advice', done: false },
      { id: 's3', text: 'Join the Saturday health walk', due: '2026-10-12', goalId: 'g3', assetId: 'health-walks', done: true },
      { id: 's4', text: 'Ask my daughter to come along the first time', goalId: 'g1', done: true },
    ],
    people: [
      { id: 'p1', name: 'Sam', relationship: 'Daughter', contact: '07700 900123', helpsWith: 'Lifts and shopping', professional: false },
      { id: 'p2', name: 'Priya Shah', relationship: 'Link worker', contact: 'Surgery, Tuesdays', helpsWith: 'Finding groups and forms', professional: true },
    ],
    assets: [
      { id: 'memory-cafe', name: 'Memory Café at St John’s', added: '2026-10-01' },
      { id: 'citizens-advice', name: 'Citizens Advice drop-in', added: '2026-10-01' },
      { id: 'health-walks', name: 'Park health walks', added: '2026-10-03' },
    ],
    reviewDate: '2026-12-01',
    assessments: [
      { id: 'a1', measure: 'ons4', date: '2026-10-01', answers: [4, 5, 3, 7] },
      { id: 'a2', measure: 'ucla3', date: '2026-10-01', answers: [3, 2, 3] },
      { id: 'a3', measure: 'ons4', date: '2026-11-01', answers: [6, 6, 7, 4] },
      { id: 'a4', measure: 'ucla3', date: '2026-11-01', answers: [2, 2, 2] },
    ],
  };
}

/** A large plan for benchmarks: 50 goals, 200 steps, 100 assessments. */
export function largePlan(hub = 'example-town'): Plan {
  const plan = samplePlan(hub);
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
  plan.goals = Array.from({ length: 50 }, (_, i) => ({
    id: `g${i}`,
    text: `Goal number ${i}: something that matters to me in my own words`,
    lifeArea: 'mental-wellbeing',
    progress: 'in-progress' as const,
    notes: 'A few notes about how this is going so far.',
  }));
  plan.steps = Array.from({ length: 200 }, (_, i) => ({
    id: `s${i}`,
    text: `Step ${i}: a small action towards the goal`,
    due: day(i),
    goalId: `g${i % 50}`,
    assetId: `asset-${i % 30}`,
    done: i % 3 === 0,
  }));
  plan.assessments = Array.from({ length: 100 }, (_, i) => ({
    id: `a${i}`,
    measure: i % 2 ? ('ucla3' as const) : ('ons4' as const),
    date: day(i * 3),
    answers: i % 2 ? [1 + (i % 3), 2, 1 + ((i + 1) % 3)] : [i % 11, (i + 3) % 11, (i + 5) % 11, (i + 7) % 11],
  }));
  return plan;
}

/** A plan as version 1 stored it, for migration tests. */
export function sampleV1Plan(): PlanV1 {
  return {
    format: PLAN_FORMAT,
    version: 1,
    hub: 'example-town',
    savedAt: '2025-06-30T09:00:00.000Z',
    goals: [
      { id: 'g1', text: 'Feel less lonely', done: false },
      { id: 'g2', text: 'Learn to use a tablet', done: true },
    ],
    steps: [
      { id: 's1', text: 'Try the lunch club', date: '2025-07-04', goal: 'g1' },
      { id: 's2', text: 'Book a digital skills session' },
    ],
    supporters: [
      { name: 'Jo', role: 'Neighbour', phone: '0121 496 0000' },
      { name: 'Dr Khan', role: 'GP' },
    ],
    assets: [{ id: 'lunch-club', name: 'Friday lunch club' }],
    review: '2025-09-01',
  };
}
