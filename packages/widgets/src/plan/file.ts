/**
 * Export a plan to a file and read one back. Files are plain JSON in the plan format, so a person can keep them and
 * a newer version of the builder can still read them (through the migrations).
 */
import { migratePlan, PlanFormatError } from './migrate.js';
import type { Plan } from './schema.js';

/** Files larger than this are refused before parsing; real plans are a few kilobytes. */
export const MAX_PLAN_FILE_BYTES = 5_000_000;

/** The plan as the text of an export file. */
export function planToFileText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** A file name such as `wellness-plan-2026-11-23.json`. */
export function planFileName(plan: Plan): string {
  return `wellness-plan-${plan.updated.slice(0, 10)}.json`;
}

/**
 * Reads an export file. Throws PlanFormatError with a message for the person when the file is not a plan, is
 * damaged, or was saved by a newer version.
 */
export async function readPlanFile(file: Blob): Promise<Plan> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw new PlanFormatError('not-a-plan', 'This file is too large to be a wellness plan.');
  if (file.size === 0) throw new PlanFormatError('not-a-plan', 'This file is empty.');
  const text = await file.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PlanFormatError('not-a-plan', 'This file is not a wellness plan: it could not be read as a plan file (JSON).');
  }
  return migratePlan(data);
}
