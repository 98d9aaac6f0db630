/** The test each asset must pass for a filter state (loaded with the filters panel). */
import type { FeedAsset, FeedCategory } from '@townhub/schema/feed';
import { isOpenAt, runsInTimeOfDay, runsOnDay } from '../internal/schedule.js';
import type { FilterState } from './filters.js';

/** Everything a filter pass needs besides the state. */
export interface FilterContext {
  /** Category id → itself and every narrower category id. */
  descendants: ReadonlyMap<string, ReadonlySet<string>>;
  now: Date;
  /** Distance of each asset (by position) from the chosen place, when one is chosen. */
  distances?: Float64Array;
}

/** Category id → the set of itself and all its descendants. */
export function categoryDescendants(categories: readonly FeedCategory[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const out = new Map<string, Set<string>>();
  for (const c of categories) {
    const all = new Set<string>();
    const visit = (id: string) => {
      if (all.has(id)) return;
      all.add(id);
      for (const child of children.get(id) ?? []) visit(child);
    };
    visit(c.id);
    out.set(c.id, all);
  }
  return out;
}

/** A predicate for one filter state, prepared once and run over every asset. */
export function prepareFilter(state: FilterState, context: FilterContext): (asset: FeedAsset, index: number) => boolean {
  const wanted = new Set(state.categories.flatMap((id) => [...(context.descendants.get(id) ?? [id])]));
  const kinds = new Set(state.kinds);
  const { distances, now } = context;
  return (asset, index) => {
    if (wanted.size && !asset.categories.some((c) => wanted.has(c))) return false;
    if (kinds.size && !kinds.has(asset.kind)) return false;
    if (state.free && !asset.free) return false;
    if (state.age !== undefined && ((asset.ageMin ?? 0) > state.age || (asset.ageMax ?? 200) < state.age)) return false;
    if (state.access.length && !state.access.every((f) => asset.accessibility.includes(f))) return false;
    if (state.referral === 'self' && asset.referral === 'needed') return false;
    if (state.referral === 'referral' && asset.referral === 'self') return false;
    if (state.day && !runsOnDay(asset, state.day)) return false;
    if (state.time && !runsInTimeOfDay(asset, state.time, state.day || undefined)) return false;
    if (state.openNow && !isOpenAt(asset, now)) return false;
    if (state.within > 0 && distances) {
      const d = distances[index] as number;
      if (Number.isFinite(d) ? d > state.within : !(asset.areaWide || asset.online)) return false;
    }
    return true;
  };
}
