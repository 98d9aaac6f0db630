/**
 * The plan format: what a person's wellness plan looks like on their device, in an exported file and inside a share
 * link. Versioned; older versions are kept here so `migrate.ts` can read them.
 *
 * Checked by a few small hand-written readers rather than a schema library, which would weigh more than the rest of
 * the plan code in every browser bundle. A reader returns a clean copy (unknown fields dropped) or throws
 * PlanDataError naming the first problem and where it is (`steps.0.text`).
 */

export const PLAN_FORMAT = 'townhub-plan';
/** The version this code writes. Bump it, keep the old reader below and add a step to `migrate.ts`. */
export const PLAN_VERSION = 2;

// ---------------------------------------------------------------------------
// Readers

/** The first problem found in a document, with where it is. */
export class PlanDataError extends Error {
  override name = 'PlanDataError';
}

/** Reads one value at `at` (its path) and returns a clean copy, or throws PlanDataError. */
export type Reader<T> = (value: unknown, at: string) => T;

const fail = (message: string, at: string): never => {
  throw new PlanDataError(at ? `${message} (at ${at})` : message);
};
const child = (at: string, key: string | number) => (at ? `${at}.${key}` : String(key));

const text =
  (max: number, min = 0): Reader<string> =>
  (v, at) =>
    typeof v !== 'string'
      ? fail('Expected text', at)
      : v.length < min
        ? fail('Expected some text', at)
        : v.length > max
          ? fail(`Expected at most ${max} characters`, at)
          : v;
const id = text(64, 1);
/** A calendar date, YYYY-MM-DD. */
const day: Reader<string> = (v, at) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : fail('Expected a date as YYYY-MM-DD', at));
const bool: Reader<boolean> = (v, at) => (typeof v === 'boolean' ? v : fail('Expected true or false', at));
const whole =
  (min?: number): Reader<number> =>
  (v, at) =>
    Number.isSafeInteger(v) && (min === undefined || (v as number) >= min)
      ? (v as number)
      : fail(`Expected a whole number${min === undefined ? '' : ` of at least ${min}`}`, at);
const oneOf =
  <const V extends string | number>(...values: V[]): Reader<V> =>
  (v, at) =>
    values.includes(v as V) ? (v as V) : fail(`Expected ${values.map((x) => JSON.stringify(x)).join(' or ')}`, at);
const optional =
  <T>(read: Reader<T>): Reader<T | undefined> =>
  (v, at) =>
    v === undefined ? undefined : read(v, at);
const list =
  <T>(item: Reader<T>, max: number): Reader<T[]> =>
  (v, at) => {
    if (!Array.isArray(v)) return fail('Expected a list', at);
    if (v.length > max) fail(`Expected at most ${max} entries`, at);
    return v.map((x, i) => item(x, child(at, i)));
  };
/** An object with exactly these fields (others are dropped); optional fields that are absent stay absent. */
const object =
  <T>(fields: { [K in keyof T]-?: Reader<T[K]> }): Reader<T> =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('Expected an object', at);
    const out: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(fields) as [string, Reader<unknown>][]) {
      const value = read((v as Record<string, unknown>)[key], child(at, key));
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  };

// ---------------------------------------------------------------------------
// Version 2 (current)

export const GOAL_PROGRESS = ['not-started', 'in-progress', 'done'] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];

/** Something that matters to the person, in their own words. */
export interface Goal {
  id: string;
  text: string;
  /** A life area id from the hub's taxonomy. */
  lifeArea?: string | undefined;
  progress: GoalProgress;
  notes: string;
}

/** An action with an optional date, linked to a goal and to an asset. */
export interface Step {
  id: string;
  text: string;
  due?: string | undefined;
  goalId?: string | undefined;
  assetId?: string | undefined;
  done: boolean;
}

/** Someone in the person's support network: family, friends, or a professional such as a link worker. */
export interface Person {
  id: string;
  name: string;
  relationship: string;
  /** How to reach them, in the person's words (a phone number, "at church on Sundays"). */
  contact: string;
  helpsWith: string;
  professional: boolean;
}

/** A community asset or provider the person has chosen. */
export interface ChosenAsset {
  /** The asset id in the hub's feed. */
  id: string;
  name: string;
  added: string;
}

/** One completed questionnaire: the answers in item order; scores are always computed from them. */
export interface Assessment {
  id: string;
  measure: 'ons4' | 'ucla3' | 'swemwbs';
  date: string;
  answers: number[];
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  version: typeof PLAN_VERSION;
  /** The hub the plan belongs to (its slug). */
  hub: string;
  /** Counts saves, so two tabs can tell whose copy is newer. */
  revision: number;
  /** When it was last saved, ISO date-time. */
  updated: string;
  goals: Goal[];
  steps: Step[];
  people: Person[];
  assets: ChosenAsset[];
  reviewDate?: string | undefined;
  assessments: Assessment[];
}

export const readPlan: Reader<Plan> = object<Plan>({
  format: oneOf(PLAN_FORMAT),
  version: oneOf(PLAN_VERSION),
  hub: text(100),
  revision: whole(0),
  updated: text(Number.POSITIVE_INFINITY),
  goals: list(object<Goal>({ id, text: text(500), lifeArea: optional(id), progress: oneOf(...GOAL_PROGRESS), notes: text(2000) }), 500),
  steps: list(object<Step>({ id, text: text(500), due: optional(day), goalId: optional(id), assetId: optional(id), done: bool }), 2000),
  people: list(object<Person>({ id, name: text(200), relationship: text(200), contact: text(300), helpsWith: text(500), professional: bool }), 500),
  assets: list(object<ChosenAsset>({ id, name: text(300), added: day }), 1000),
  reviewDate: optional(day),
  assessments: list(object<Assessment>({ id, measure: oneOf('ons4', 'ucla3', 'swemwbs'), date: day, answers: list(whole(), 50) }), 2000),
});

// ---------------------------------------------------------------------------
// Version 1: the first format. Goals were done or not, the network was a list of "supporters" with a phone
// number, and there were no life areas or questionnaires.

export interface PlanV1 {
  format: typeof PLAN_FORMAT;
  version: 1;
  hub: string;
  savedAt: string;
  goals: { id: string; text: string; done: boolean }[];
  steps: { id: string; text: string; date?: string | undefined; goal?: string | undefined }[];
  supporters: { name: string; role: string; phone?: string | undefined }[];
  assets: { id: string; name: string }[];
  review?: string | undefined;
}

export const readPlanV1: Reader<PlanV1> = object<PlanV1>({
  format: oneOf(PLAN_FORMAT),
  version: oneOf(1),
  hub: text(100),
  savedAt: text(Number.POSITIVE_INFINITY),
  goals: list(object<PlanV1['goals'][number]>({ id, text: text(500), done: bool }), 500),
  steps: list(object<PlanV1['steps'][number]>({ id, text: text(500), date: optional(day), goal: optional(id) }), 2000),
  supporters: list(object<PlanV1['supporters'][number]>({ name: text(200), role: text(200), phone: optional(text(100)) }), 500),
  assets: list(object<PlanV1['assets'][number]>({ id, name: text(300) }), 1000),
  review: optional(day),
});

// ---------------------------------------------------------------------------

/** A short random id; plans are small, so 8 hex characters keep share links short without clashing. */
export function newId(): string {
  return crypto.randomUUID().slice(0, 8);
}

/** Today's date on the person's device as YYYY-MM-DD (local time, not UTC). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A new, empty plan for a hub. */
export function emptyPlan(hub: string): Plan {
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    hub,
    revision: 0,
    updated: new Date().toISOString(),
    goals: [],
    steps: [],
    people: [],
    assets: [],
    assessments: [],
  };
}
