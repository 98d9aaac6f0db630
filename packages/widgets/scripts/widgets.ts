/**
 * The package's widgets, in one list the build, the CDN autoloader and the size budgets read. A widget whose folder
 * does not exist (yet) is skipped.
 */
import { existsSync } from 'node:fs';

export const WIDGETS = [
  { name: 'asset-finder', tag: 'hub-asset-finder' },
  { name: 'asset-card', tag: 'hub-asset-card' },
  { name: 'map', tag: 'hub-map' },
  { name: 'plan-builder', tag: 'hub-plan-builder' },
  { name: 'plan-view', tag: 'hub-plan-view' },
  { name: 'self-assessment', tag: 'hub-self-assessment' },
  { name: 'progress-chart', tag: 'hub-progress-chart' },
] as const;

export const packageDir = new URL('../', import.meta.url);

/** The widgets whose `src/<name>/define.ts` exists. */
export function presentWidgets() {
  return WIDGETS.filter((w) => existsSync(new URL(`src/${w.name}/define.ts`, packageDir)));
}
