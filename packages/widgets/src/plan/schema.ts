/**
 * The plan format: what a person's wellness plan looks like on their device, in an exported file and inside a share
 * link. Versioned; older versions are kept here so `migrate.ts` can read them. Uses zod/mini (imported as a
 * namespace) so only the checks used here reach the bundle.
 */
import * as z from 'zod/mini';

export const PLAN_FORMAT = 'townhub-plan';
/** The version this code writes. Bump it, keep the old schema below and add a step to `migrate.ts`. */
export const PLAN_VERSION = 2;

const id = () => z.string().check(z.minLength(1), z.maxLength(64));
const text = (max: number) => z.string().check(z.maxLength(max));
/** A calendar date, YYYY-MM-DD. */
const day = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.'));
const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

// ---------------------------------------------------------------------------
// Version 2 (current)

export const GOAL_PROGRESS = ['not-started', 'in-progress', 'done'] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];

/** Something that matters to the person, in their own words. */
export const GoalSchema = z.object({
  id: id(),
  text: text(500),
  /** A life area id from the hub's taxonomy. */
  lifeArea: z.optional(id()),
  progress: z.enum(GOAL_PROGRESS),
  notes: text(2000),
});

/** An action with an optional date, linked to a goal and to an asset. */
export const StepSchema = z.object({
  id: id(),
  text: text(500),
  due: z.optional(day()),
  goalId: z.optional(id()),
  assetId: z.optional(id()),
  done: z.boolean(),
});

/** Someone in the person's support network: family, friends, or a professional such as a link worker. */
export const PersonSchema = z.object({
  id: id(),
  name: text(200),
  relationship: text(200),
  /** How to reach them, in the person's words (a phone number, "at church on Sundays"). */
  contact: text(300),
  helpsWith: text(500),
  professional: z.boolean(),
});

/** A community asset or provider the person has chosen. */
export const ChosenAssetSchema = z.object({
  /** The asset id in the hub's feed. */
  id: id(),
  name: text(300),
  added: day(),
});

/** One completed questionnaire: the answers in item order; scores are always computed from them. */
export const AssessmentSchema = z.object({
  id: id(),
  measure: z.enum(['ons4', 'ucla3', 'swemwbs']),
  date: day(),
  answers: list(z.int(), 50),
});

export const PlanSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(PLAN_VERSION),
  /** The hub the plan belongs to (its slug). */
  hub: text(100),
  /** Counts saves, so two tabs can tell whose copy is newer. */
  revision: z.int().check(z.minimum(0)),
  /** When it was last saved, ISO date-time. */
  updated: z.string(),
  goals: list(GoalSchema, 500),
  steps: list(StepSchema, 2000),
  people: list(PersonSchema, 500),
  assets: list(ChosenAssetSchema, 1000),
  reviewDate: z.optional(day()),
  assessments: list(AssessmentSchema, 2000),
});

export type Goal = z.infer<typeof GoalSchema>;
export type Step = z.infer<typeof StepSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type ChosenAsset = z.infer<typeof ChosenAssetSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;
export type Plan = z.infer<typeof PlanSchema>;

// ---------------------------------------------------------------------------
// Version 1: the first format. Goals were done or not, the network was a list of "supporters" with a phone
// number, and there were no life areas or questionnaires.

export const PlanV1Schema = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(1),
  hub: text(100),
  savedAt: z.string(),
  goals: list(z.object({ id: id(), text: text(500), done: z.boolean() }), 500),
  steps: list(z.object({ id: id(), text: text(500), date: z.optional(day()), goal: z.optional(id()) }), 2000),
  supporters: list(z.object({ name: text(200), role: text(200), phone: z.optional(text(100)) }), 500),
  assets: list(z.object({ id: id(), name: text(300) }), 1000),
  review: z.optional(day()),
});
export type PlanV1 = z.infer<typeof PlanV1Schema>;

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
