/**
 * Reads a plan of any version this code knows and brings it up to the current one, checking each version against
 * its own reader on the way. One step per version; every step is tested.
 */
import { newId, PLAN_FORMAT, PLAN_VERSION, type Plan, PlanDataError, type PlanV1, type Reader, readPlan, readPlanV1 } from './schema.js';

/** Why a document could not be read as a plan. `message` is written for the person. */
export class PlanFormatError extends Error {
  override name = 'PlanFormatError';
  constructor(
    readonly reason: 'not-a-plan' | 'newer-version' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

function fromV1(old: PlanV1): Plan {
  const day = old.savedAt.slice(0, 10);
  return {
    format: PLAN_FORMAT,
    version: 2,
    hub: old.hub,
    revision: 0,
    updated: old.savedAt,
    goals: old.goals.map((g) => ({ id: g.id, text: g.text, progress: g.done ? 'done' : 'not-started', notes: '' })),
    steps: old.steps.map((s) => ({ id: s.id, text: s.text, due: s.date, goalId: s.goal, done: false })),
    people: old.supporters.map((p) => ({ id: newId(), name: p.name, relationship: p.role, contact: p.phone ?? '', helpsWith: '', professional: false })),
    assets: old.assets.map((a) => ({ id: a.id, name: a.name, added: /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : '1970-01-01' })),
    reviewDate: old.review,
    assessments: [],
  };
}

/** For each older version: its reader and the step up to the next version. */
const STEPS: Record<number, { read: Reader<PlanV1>; up: (old: PlanV1) => unknown }> = {
  1: { read: readPlanV1, up: fromV1 },
};

/** Runs a reader, turning its first problem into a message for the person. */
function check<T>(read: Reader<T>, data: unknown): T {
  try {
    return read(data, '');
  } catch (error) {
    if (error instanceof PlanDataError) throw new PlanFormatError('invalid', `This plan is damaged: ${error.message}.`);
    throw error;
  }
}

/** Checks and migrates any known plan version; throws PlanFormatError with a message for the person. */
export function migratePlan(data: unknown): Plan {
  const doc = data as { format?: unknown; version?: unknown } | null;
  if (!doc || typeof doc !== 'object' || doc.format !== PLAN_FORMAT) throw new PlanFormatError('not-a-plan', 'This is not a wellness plan.');
  let version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new PlanFormatError('invalid', 'This plan has no version number, so it cannot be read.');
  if (version > PLAN_VERSION)
    throw new PlanFormatError('newer-version', `This plan was saved by a newer version (${version}) of the plan builder. Update the page and try again.`);
  let current: unknown = data;
  while (version < PLAN_VERSION) {
    const step = STEPS[version];
    if (!step) throw new PlanFormatError('invalid', `Plans of version ${version} cannot be read.`);
    current = step.up(check(step.read, current));
    version++;
  }
  return check(readPlan, current);
}
