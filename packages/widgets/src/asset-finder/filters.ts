/**
 * The finder's filters: their state and the test each asset must pass (their URL form is in url-state.ts).
 */
import type { FeedAsset, FeedCategory } from '@townhub/schema/feed';
import type { AccessibilityFeature, AssetKind, Day } from '@townhub/schema/vocabulary';
import { isOpenAt, runsInTimeOfDay, runsOnDay, type TimeOfDay } from '../internal/schedule.js';

export type SortOrder = 'relevance' | 'distance' | 'name';
/** Who can get in: any, people referring themselves (self or either), or through a referral (needed or either). */
export type ReferralFilter = '' | 'self' | 'referral';

export interface FilterState {
  /** Keywords. */
  q: string;
  /** Category ids; a broad category includes its narrower ones. Any of them matches. */
  categories: string[];
  /** Asset kinds; any of them matches. */
  kinds: AssetKind[];
  day: Day | '';
  time: TimeOfDay | '';
  openNow: boolean;
  free: boolean;
  /** The person's age in years, or undefined. */
  age?: number;
  /** Accessibility features; all of them must be offered. */
  access: AccessibilityFeature[];
  referral: ReferralFilter;
  /** Where distances are measured from: a named place, `my-location` or `postcode`. Empty: no distance. */
  near: string;
  /** Maximum distance in kilometres (0: any distance). Area-wide and online assets always pass. */
  within: number;
  sort: SortOrder;
}

export const emptyFilters = (): FilterState => ({
  q: '',
  categories: [],
  kinds: [],
  day: '',
  time: '',
  openNow: false,
  free: false,
  access: [],
  referral: '',
  near: '',
  within: 0,
  sort: 'relevance',
});

/** The filters in use (not the keywords or the sort order), as keys of FilterState. */
export function activeFilters(state: FilterState): (keyof FilterState)[] {
  const active: (keyof FilterState)[] = [];
  if (state.categories.length) active.push('categories');
  if (state.kinds.length) active.push('kinds');
  if (state.day) active.push('day');
  if (state.time) active.push('time');
  if (state.openNow) active.push('openNow');
  if (state.free) active.push('free');
  if (state.age !== undefined) active.push('age');
  if (state.access.length) active.push('access');
  if (state.referral) active.push('referral');
  if (state.near && state.within > 0) active.push('within');
  return active;
}

/** A filter's "off" value, to relax one filter. */
export function withoutFilter(state: FilterState, key: keyof FilterState): FilterState {
  const empty = emptyFilters();
  return { ...state, [key]: empty[key] };
}

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
